/**
 * Node-RED's start-up time with and without this package installed: the project's own Node-RED started as a child
 * process, an empty flow, a fresh user directory, a free port on 127.0.0.1. Runs alternate between the two setups so
 * that machine load weighs on both alike; the medians are compared.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** Node-RED writes this once the flows (here none) are started: nodes loaded, editor and admin API up. */
const STARTED = /Started flows/;
/** What startup-probe writes then: Node-RED's CPU time so far. */
const CPU = /bench-cpu ([\d.]+)/;
const START_TIMEOUT_MS = 60_000;

/** A node type of the package, to tell that it was loaded. */
const PROBE_TYPE = 'symphony-config';

/**
 * The node types the admin API lists. Node-RED logs "Started flows" before its HTTP server listens: a refused
 * connection is tried again for a few seconds.
 */
async function nodeTypes(port: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await nodeTypesOnce(port);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNREFUSED' || attempt >= 50) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function nodeTypesOnce(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/nodes', headers: { accept: 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

/** One start: wall time to "Started flows", and the CPU time Node-RED had used by then (ms). */
export interface Start {
  wall: number;
  cpu: number;
}

export interface StartupResult {
  without: Start[];
  with: Start[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A user directory with an empty flow; with the package, it is installed there as a user module (a link to `root`). */
export function userDir(root: string, packageName: string | null): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'symphony-bench-'));
  writeFileSync(path.join(dir, 'flows.json'), '[]');
  const dependencies: Record<string, string> = {};
  if (packageName) {
    const target = path.join(dir, 'node_modules', ...packageName.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    symlinkSync(root, target, 'dir');
    dependencies[packageName] = `file:${root}`;
  }
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench-user-dir', private: true, dependencies }));
  return dir;
}

function settingsFile(dir: string, port: number): string {
  const file = path.join(dir, 'settings.js');
  writeFileSync(file, `module.exports = ${JSON.stringify({
    uiHost: '127.0.0.1',
    uiPort: port,
    userDir: dir,
    flowFile: 'flows.json',
    credentialSecret: 'bench',
    logging: { console: { level: 'info', metrics: false, audit: false } },
    externalModules: { autoInstall: false, palette: { allowInstall: false } },
    diagnostics: { enabled: false },
    telemetry: { enabled: false },
  })};\n`);
  return file;
}

/** Starts Node-RED, waits for its "Started flows" line, stops it. */
async function startOnce(redJs: string, root: string, packageName: string | null): Promise<Start> {
  const dir = userDir(root, packageName);
  try {
    const port = await freePort();
    const settings = settingsFile(dir, port);
    const begin = performance.now();
    const child = spawn(process.execPath, ['--require', path.join(__dirname, 'startup-probe.js'), redJs, '--settings', settings, '--userDir', dir], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_RED_ENABLE_PROJECTS: 'false' },
    });
    let output = '';
    try {
      const result = await new Promise<Start>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Node-RED did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
        let wall: number | undefined;
        const onData = (chunk: Buffer): void => {
          output += chunk.toString();
          if (wall === undefined && STARTED.test(output)) wall = performance.now() - begin;
          // The CPU time comes on stderr, maybe after the line on stdout.
          const cpu = CPU.exec(output);
          if (wall !== undefined && cpu) {
            clearTimeout(timer);
            resolve({ wall, cpu: Number(cpu[1]) });
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`Node-RED exited (${code}) before starting:\n${output}`));
        });
      });
      // Both setups must be what they claim: the package's node types are loaded, or absent.
      const types = await nodeTypes(port);
      if (types.includes(PROBE_TYPE) !== (packageName !== null)) {
        throw new Error(`Node-RED started ${packageName ? 'without' : 'with'} ${PROBE_TYPE}:\n${output}`);
      }
      return result;
    } finally {
      // Stopped whatever happened, before its directory goes.
      await new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** `runs` start-ups of each setup, alternating (and alternating which goes first), after one warm-up of each. */
export async function measureStartup(root: string, packageName: string, runs: number): Promise<StartupResult> {
  const redJs = require.resolve('node-red/red.js');
  await startOnce(redJs, root, null);
  await startOnce(redJs, root, packageName);
  const result: StartupResult = { without: [], with: [] };
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? [null, packageName] : [packageName, null];
    for (const pkg of order) (pkg ? result.with : result.without).push(await startOnce(redJs, root, pkg));
  }
  return result;
}
