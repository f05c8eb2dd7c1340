/**
 * Node-RED as a palette user has it: this project packed (`npm pack`), the tarball installed alone into a fresh
 * user directory (`npm install <tarball>`, its dependencies from the registry or npm's cache), and Node-RED started
 * on that directory on a free loopback port. No link to this checkout, no demo flows: what the palette manager does.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { settingsFileSource } from '../../scripts/demo/settings-file';
import { delay, freePort } from '../helpers/demo';

/** The package root (this file runs as dist/test/browser/packed-node-red.js). */
const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The Node-RED of the project's dev dependencies: the same runtime a user installs. */
const RED_JS = require.resolve('node-red/red.js', { paths: [ROOT] });

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

function run(command: string, args: string[], cwd: string, timeout = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, timeout, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${command} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
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

/** Packs the built project into `dir` and returns the tarball's path. */
async function pack(dir: string): Promise<string> {
  const info = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', dir], ROOT)) as Array<{ filename: string }>;
  const file = info[0]?.filename;
  if (!file) throw new Error('npm pack named no tarball');
  return path.join(dir, file);
}

/** A user directory holding nothing but the installed tarball (and its dependencies). */
async function installAlone(tarball: string, userDir: string): Promise<void> {
  fs.mkdirSync(userDir);
  fs.writeFileSync(path.join(userDir, 'package.json'), JSON.stringify({ name: 'node-red-project', private: true }));
  await run('npm', ['install', tarball, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], userDir);
}

export async function startPackedNodeRed(startTimeoutMs = 45_000): Promise<PackedNodeRed> {
  const { name } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string };
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
    await installAlone(await pack(tmp), userDir);
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
