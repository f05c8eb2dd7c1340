import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { settingsFileSource } from '../../scripts/demo/settings-file';
import { installAlone, packProject, PACKAGE_ROOT as ROOT } from '../helpers/packed-install';

/**
 * What a user of the palette manager gets: `npm pack`, then `npm install <tarball> --omit=dev` into a plain
 * Node-RED user directory, then Node-RED started on it. The package must be listed with every node type its
 * editor HTML registers, load without error and log no warning about itself, and a flow whose config node uses the
 * built-in simulator must work there with nothing else installed or set.
 */
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string };
const RED_JS = require.resolve('node-red/red.js', { paths: [ROOT] });

/** A flow as a newcomer makes it: GET /lookup-alice looks alice up through the built-in simulator and answers it. */
const SIMULATED_FLOW = [
  { id: 'pack-tab', type: 'tab', label: 'built-in simulator' },
  { id: 'pack-config', type: 'symphony-config', connectTo: 'simulator', name: '' },
  { id: 'pack-in', type: 'http in', z: 'pack-tab', url: '/lookup-alice', method: 'get', x: 100, y: 100, wires: [['pack-lookup']] },
  {
    id: 'pack-lookup', type: 'symphony-users-lookup', z: 'pack-tab', config: 'pack-config', actAs: 'bot', oboUser: '', oboUserType: 'str',
    usernames: 'alice', usernamesType: 'str', outputProperty: 'payload', x: 300, y: 100, wires: [['pack-out']],
  },
  { id: 'pack-catch', type: 'catch', z: 'pack-tab', scope: null, uncaught: false, x: 100, y: 200, wires: [['pack-error']] },
  {
    id: 'pack-error', type: 'change', z: 'pack-tab', x: 300, y: 200, wires: [['pack-out']],
    rules: [{ t: 'set', p: 'payload', pt: 'msg', to: 'error', tot: 'msg' }],
  },
  { id: 'pack-out', type: 'http response', z: 'pack-tab', statusCode: '', headers: {}, x: 500, y: 100, wires: [] },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function getJson(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'application/json' }, timeout: 5_000 }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown });
        } catch (err) {
          reject(err);
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

async function waitForNodeRed(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Node-RED exited with code ${child.exitCode}`);
    try {
      if ((await getJson(`${url}/settings`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('Node-RED did not answer in time');
}

/** Node types the built editor HTML registers (config node included). */
function registeredTypes(): string[] {
  const html = readFileSync(path.join(ROOT, 'dist', 'nodes', 'symphony.html'), 'utf8');
  return [...html.matchAll(/RED\.nodes\.registerType\(\s*'([^']+)'/g)].map((m) => m[1] ?? '');
}

interface NodeSet {
  id: string;
  module: string;
  types: string[];
  enabled: boolean;
  err?: unknown;
}

describe('conventions: installs from the packed tarball into a plain Node-RED', function () {
  this.timeout(120_000);
  let tmp = '';
  let packed: string[] = [];
  let tarballBytes = 0;
  let child: ChildProcess | undefined;
  let log = '';
  let url = '';

  before(async function () {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'nr-pack-'));
    const pack = await packProject(tmp);
    tarballBytes = pack.size;
    packed = pack.files;
    const userDir = path.join(tmp, 'user');
    await installAlone(pack.tarball, userDir);

    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    writeFileSync(path.join(userDir, 'settings.js'), settingsFileSource({ uiPort: port, credentialSecret: 'pack-install-test' }));
    writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(SIMULATED_FLOW));
    child = spawn(process.execPath, [RED_JS, '--userDir', userDir, '--settings', path.join(userDir, 'settings.js')], { cwd: userDir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitForNodeRed(url, child, Date.now() + 45_000);
  });

  after(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      process.kill(child.pid, 'SIGTERM');
      const timer = setTimeout(() => child?.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('ships the built nodes, the built simulator, locales, icons, examples, README and licence, and nothing else', () => {
    const outside = packed.filter((f) => !/^(dist\/nodes\/|dist\/simulator\/|examples\/[^/]+\.json$|README\.md$|LICENSE$|package\.json$)/.test(f));
    assert.deepEqual(outside, [], 'files outside dist/nodes, dist/simulator, examples, README, LICENSE');
    assert.deepEqual(packed.filter((f) => /\.(map|ts)$|(^|\/)(test|scripts)\/|\.test\.js$/.test(f)), [], 'no sources, maps, tests or scripts');
    assert.deepEqual(packed.filter((f) => f === 'dist/simulator/cli.js'), [], 'no simulator command line: the package runs it in Node-RED');
    console.log(`      (tarball: ${tarballBytes} bytes, ${packed.length} files)`);
    for (const needed of [
      'dist/nodes/symphony.js', 'dist/nodes/symphony.html', 'dist/nodes/catalogue.json', 'dist/nodes/locales/en-US/symphony.json', 'dist/nodes/locales/en-US/symphony.html',
      'dist/nodes/runtime/simulator-host/built-in-simulator.js', 'dist/simulator/index.js', 'README.md', 'LICENSE',
    ]) {
      assert.ok(packed.includes(needed), `${needed} is packed`);
    }
    assert.ok(packed.some((f) => /^dist\/nodes\/icons\/.+\.svg$/.test(f)), 'icons beside the runtime entry');
    assert.ok(packed.some((f) => f.startsWith('examples/')), 'example flows');
  });

  it('is listed by GET /nodes with every node type, enabled, without error', async () => {
    const { status, body } = await getJson(`${url}/nodes`);
    assert.equal(status, 200);
    const sets = (body as NodeSet[]).filter((set) => set.module === PACKAGE.name);
    assert.equal(sets.length, 1, `one node set of ${PACKAGE.name}; the log:\n${log}`);
    const set = sets[0]!;
    assert.equal(set.err, undefined, `load error: ${JSON.stringify(set.err)}`);
    assert.equal(set.enabled, true);
    assert.deepEqual([...set.types].sort(), registeredTypes().sort());
  });

  it('serves its icons', async () => {
    const { body } = await getJson(`${url}/icons`);
    const icons = (body as Record<string, string[]>)[PACKAGE.name] ?? [];
    assert.ok(icons.length > 0 && icons.every((icon) => /^symphony-.+\.svg$/.test(icon)), JSON.stringify(icons));
  });

  it('runs a flow whose config node uses the built-in simulator: lookup users for alice returns her', async () => {
    const { status, body } = await getJson(`${url}/lookup-alice`);
    const users = (body as { users?: Array<{ username: string }> }).users;
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(users?.map((u) => u.username), ['alice'], `the answer: ${JSON.stringify(body)}; the log:\n${log}`);
  });

  it('logs no warning or error about the package', () => {
    const bad = log.split('\n').filter((line) => /\[(warn|error)\]/.test(line) && /symphony/i.test(line));
    assert.deepEqual(bad, [], `the Node-RED log:\n${log}`);
  });
});
