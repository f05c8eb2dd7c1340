/**
 * Node-RED as a palette user has it: this project packed (`npm pack`), the tarball installed alone into a fresh
 * user directory (`npm install <tarball>`, its dependencies from the registry or npm's cache), and Node-RED started
 * on that directory on a free loopback port. No link to this checkout, no demo flows: what the palette manager does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { settingsFileSource } from '../../scripts/demo/settings-file';
import { delay, freePort } from '../helpers/demo';
import { installAlone, PACKAGE_ROOT, packProject } from '../helpers/packed-install';

/** The Node-RED of the project's dev dependencies: the same runtime a user installs. */
const RED_JS = require.resolve('node-red/red.js', { paths: [PACKAGE_ROOT] });

export interface PackedNodeRed {
  /** The editor's base URL, without a trailing slash. */
  editor: string;
  packageName: string;
  /** Everything Node-RED printed so far. */
  log(): string;
  /** The last lines of the log, for failure messages. */
  tail(lines?: number): string;
  /** Stops Node-RED by its PID (SIGTERM, SIGKILL after 10 s) and removes the temporary directory. */
  stop(): Promise<void>;
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 3_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

export async function startPackedNodeRed(startTimeoutMs = 45_000): Promise<PackedNodeRed> {
  const { name } = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nr-palette-'));
  let child: ChildProcess | undefined;
  let output = '';
  const stop = async (): Promise<void> => {
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      process.kill(child.pid, 'SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), delay(10_000).then(() => false)]);
      if (!stopped && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const userDir = path.join(tmp, 'user');
    await installAlone((await packProject(tmp)).tarball, userDir);
    const port = await freePort();
    const settings = path.join(userDir, 'settings.js');
    fs.writeFileSync(settings, settingsFileSource({ uiPort: port, credentialSecret: 'palette-only-test' }));
    child = spawn(process.execPath, [RED_JS, '--userDir', userDir, '--settings', settings], { cwd: userDir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const editor = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + startTimeoutMs;
    while (!(await answers(`${editor}/settings`))) {
      if (child.exitCode !== null) throw new Error(`Node-RED exited with code ${child.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`Node-RED did not answer within ${startTimeoutMs / 1000} s:\n${output}`);
      await delay(250);
    }
    const tail = (lines = 30) => output.trimEnd().split('\n').slice(-lines).join('\n');
    return { editor, packageName: name, log: () => output, tail, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
