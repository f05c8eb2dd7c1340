import { generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface TestKeyPair {
  privateKey: KeyObject;
  /** PKCS#8 PEM. */
  privatePem: string;
  /** PKCS#1 PEM ("BEGIN RSA PRIVATE KEY"). */
  privatePkcs1Pem: string;
  publicPem: string;
}

const cache = new Map<string, TestKeyPair>();

/** An RSA key pair per name, generated once per test run. */
export function keyPair(name: string): TestKeyPair {
  let pair = cache.get(name);
  if (!pair) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    pair = {
      privateKey,
      privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      privatePkcs1Pem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    cache.set(name, pair);
  }
  return pair;
}

/** The same key, PKCS#8 encrypted with a passphrase. */
export function encryptedPem(pair: TestKeyPair, passphrase: string): string {
  return pair.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
}
