import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { ensurePrivateDir, readIfExists, writePrivateFile } from './private-files';

export interface DemoKeyPair {
  /** PKCS#8 PEM. */
  privatePem: string;
  /** SPKI PEM. */
  publicPem: string;
}

/**
 * The RSA key pair `<keysDir>/<name>-private.pem` (+ `-public.pem`), generated on first use and reused after,
 * so the config node's credentials stay valid across starts. The public key is always derived from the private
 * one, so the two can never disagree.
 */
export function ensureKeyPair(keysDir: string, name: string): DemoKeyPair {
  ensurePrivateDir(keysDir);
  const privateFile = path.join(keysDir, `${name}-private.pem`);
  const publicFile = path.join(keysDir, `${name}-public.pem`);
  const existing = readIfExists(privateFile);
  const privateKey = existing === undefined
    ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    : createPrivateKey(existing);
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  if (existing === undefined) writePrivateFile(privateFile, privatePem);
  if (readIfExists(publicFile) !== publicPem) writePrivateFile(publicFile, publicPem);
  return { privatePem, publicPem };
}
