import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readIfExists, writePrivateFile } from './private-files';

/** The secret Node-RED encrypts flows_cred.json with: generated once, kept in `<demoDir>/credential-secret`. */
export function ensureCredentialSecret(demoDir: string): string {
  const file = path.join(demoDir, 'credential-secret');
  const existing = readIfExists(file)?.trim();
  if (existing) return existing;
  const secret = randomBytes(32).toString('hex');
  writePrivateFile(file, `${secret}\n`);
  return secret;
}
