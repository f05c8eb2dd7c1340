import { createCipheriv, createHash, randomBytes } from 'node:crypto';

/** The content of an encrypted flows_cred.json. */
export interface EncryptedCredentials {
  $: string;
}

/**
 * Encrypts credentials (node id -> credential values) exactly as Node-RED does with a credentialSecret
 * (@node-red/runtime lib/nodes/credentials.js): aes-256-ctr, key = sha256(secret), output = the 16-byte init
 * vector as 32 hex characters followed by the base64 ciphertext of the JSON.
 */
export function encryptCredentials(credentials: Record<string, Record<string, string>>, secret: string): EncryptedCredentials {
  const key = createHash('sha256').update(secret).digest();
  const initVector = randomBytes(16);
  const cipher = createCipheriv('aes-256-ctr', key, initVector);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
  return { $: initVector.toString('hex') + ciphertext.toString('base64') };
}
