import fs from 'node:fs';
import path from 'node:path';
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
}

/**
 * Writes the Node-RED user directory from scratch: settings.js, flows.json, the package link. The examples need no
 * credentials: a flows_cred.json left by an earlier start (credentials added in the editor) goes with the edits.
 */
export function writeUserDir(content: UserDirContent): void {
  const { userDir } = content;
  // settings.js holds the credential secret: only its owner may read it.
  writePrivateFile(path.join(userDir, 'settings.js'), settingsFileSource(content));
  fs.writeFileSync(path.join(userDir, 'flows.json'), `${JSON.stringify(content.flows, null, 4)}\n`);
  fs.rmSync(path.join(userDir, 'flows_cred.json'), { force: true });
  linkPackage(userDir, content.packageRoot, content.packageName);
}
