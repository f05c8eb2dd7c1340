import fs from 'node:fs';
import path from 'node:path';
import { encryptCredentials } from './encrypt-credentials';
import type { FlowNode } from './example-flows';
import { linkPackage } from './link-package';
import { writePrivateFile } from './private-files';
import { settingsFileSource } from './settings-file';

export interface UserDirContent {
  userDir: string;
  packageRoot: string;
  packageName: string;
  uiPort: number;
  credentialSecret: string;
  flows: FlowNode[];
  /** Node id -> credential values, stored encrypted. */
  credentials: Record<string, Record<string, string>>;
}

/** Writes the Node-RED user directory from scratch: settings.js, flows.json, flows_cred.json, the package link. */
export function writeUserDir(content: UserDirContent): void {
  const { userDir } = content;
  // settings.js holds the credential secret, so it is as private as the keys.
  writePrivateFile(path.join(userDir, 'settings.js'), settingsFileSource(content));
  fs.writeFileSync(path.join(userDir, 'flows.json'), `${JSON.stringify(content.flows, null, 4)}\n`);
  writePrivateFile(path.join(userDir, 'flows_cred.json'), `${JSON.stringify(encryptCredentials(content.credentials, content.credentialSecret), null, 4)}\n`);
  linkPackage(userDir, content.packageRoot, content.packageName);
}
