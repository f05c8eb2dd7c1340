/**
 * Starts `npm start`'s launcher (dist/scripts/start.js) the way a newcomer does, on free ports and a temporary
 * DEMO_DIR, for the tests that drive the demo (test/demo, test/browser), and stops it again by its PID.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The package root (this file runs as dist/test/helpers/demo.js). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const START_JS = path.resolve(__dirname, '..', '..', 'scripts', 'start.js');
export const EXAMPLES = path.join(ROOT, 'examples');

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface DemoPorts {
  ui: number;
}

export interface DemoExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running demo launcher (Node-RED, the built-in simulator inside it). */
export interface Demo {
  ports: DemoPorts;
  /** The editor's base URL, without a trailing slash. */
  editor: string;
  demoDir: string;
  child: ChildProcess;
  /** Settles when the launcher exits. */
  exit: Promise<DemoExit>;
  exited(): boolean;
  /** Everything the launcher and Node-RED printed so far. */
  output(): string;
  /** The last lines of the output, for failure messages. */
  tail(lines?: number): string;
  /** A request to the editor's HTTP API. */
  http(method: string, urlPath: string): Promise<{ status: number; body: string }>;
  /** Resolves once the editor answers `GET /` with 200; fails (with the output) when the launcher exits first. */
  waitForEditor(timeoutMs?: number): Promise<void>;
  /** Resolves once the output has a line matching `pattern`; fails (with the output) when the launcher exits first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Kills the launcher's process group (Node-RED included) by PID if still running, then removes DEMO_DIR. */
  stop(): Promise<void>;
}

/**
 * Spawns the launcher on a free port with a fresh temporary DEMO_DIR. It returns as soon as the
 * process runs, so a caller can keep the handle for its `after` hook before waiting for the editor.
 */
export async function launchDemo(): Promise<Demo> {
  const ports: DemoPorts = { ui: await freePort() };
  const editor = `http://127.0.0.1:${ports.ui}`;
  const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symphony-demo-'));
  // Its own process group, so stop() can end Node-RED too should the launcher be stuck.
  const child = spawn(process.execPath, [START_JS], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(ports.ui), DEMO_DIR: demoDir },
  });
  let output = '';
  let exited = false;
  const record = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout!.on('data', record);
  child.stderr!.on('data', record);
  const exit = new Promise<DemoExit>((resolve) => child.once('exit', (code, signal) => {
    exited = true;
    resolve({ code, signal });
  }));

  const tail = (lines = 30): string => `\n--- demo output (last lines) ---\n${output.split('\n').slice(-lines).join('\n')}`;

  async function http(method: string, urlPath: string): Promise<{ status: number; body: string }> {
    const res = await fetch(`${editor}${urlPath}`, { method, signal: AbortSignal.timeout(5_000) });
    return { status: res.status, body: await res.text() };
  }

  async function waitForEditor(timeoutMs = 45_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited) assert.fail(`the demo exited before the editor answered${tail()}`);
      const up = await http('GET', '/').then((r) => r.status === 200, () => false);
      if (up) return;
      if (Date.now() > deadline) assert.fail(`the editor did not answer on ${editor}/ within ${timeoutMs / 1000} s${tail()}`);
      await delay(250);
    }
  }

  async function waitForOutput(pattern: RegExp, timeoutMs = 45_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!output.split('\n').some((line) => pattern.test(line))) {
      if (exited) assert.fail(`the demo exited before printing ${pattern}${tail()}`);
      if (Date.now() > deadline) assert.fail(`no line matching ${pattern} within ${timeoutMs / 1000} s${tail()}`);
      await delay(100);
    }
  }

  async function stop(): Promise<void> {
    if (child.pid && !exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await Promise.race([exit, delay(5_000)]);
    }
    fs.rmSync(demoDir, { recursive: true, force: true });
  }

  return {
    ports,
    editor,
    demoDir,
    child,
    exit,
    exited: () => exited,
    output: () => output,
    tail,
    http,
    waitForEditor,
    waitForOutput,
    stop,
  };
}
