/**
 * `npm start` end to end: the demo launcher starts Node-RED with the examples as they are (their config node runs
 * the built-in simulator inside Node-RED), the examples run from the editor's inject buttons, and the debug sidebar
 * (the editor's websocket) shows what a newcomer would see.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SEED } from '../../simulator';
import { canConnect, delay, EXAMPLES, launchDemo, type Demo } from '../helpers/demo';

const BOT = DEFAULT_SEED.users.bot;
const ALICE = DEFAULT_SEED.users.alice;
const BOB = DEFAULT_SEED.users.bob;

/** The little of the `ws` client (a Node-RED dependency) this test uses. */
interface ClientSocket {
  on(event: 'open', listener: () => void): void;
  on(event: 'message', listener: (data: Buffer | string) => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  send(data: string): void;
  terminate(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WebSocket = require('ws') as new (url: string) => ClientSocket;

/** A debug sidebar message, as 21-debug.js publishes it on the `debug` comms topic. */
interface DebugMessage {
  id: string;
  z?: string;
  name?: string;
  property?: string;
  /** The value, JSON-encoded for objects (format "Object"). */
  msg: string;
  format?: string;
  /** Set on the warnings and errors nodes log (21-debug.js forwards those to the sidebar too). */
  level?: number;
}

type FlowNode = Record<string, unknown> & { id: string; type: string };

/** The step results the examples' debug nodes show (msg.payload of each step). */
interface UsersFound { users: Array<{ id: number; username: string }> }
interface Im { id: string }
interface MessageSent { message: string; stream: { streamId: string }; user: { userId: number } }
interface Presence { category: string; userId: number }

function shown<T>(messages: Map<string, DebugMessage>, id: string): T {
  const message = messages.get(id);
  assert.ok(message, `a debug message from ${id}`);
  assert.equal(message.format, 'Object', `${id} shows an object`);
  return JSON.parse(message.msg) as T;
}

function readExample(prefix: string): FlowNode[] {
  const file = fs.readdirSync(EXAMPLES).find((f) => f.startsWith(prefix) && f.endsWith('.json'));
  assert.ok(file, `examples/${prefix}*.json exists`);
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as FlowNode[];
}

function exampleNode(nodes: FlowNode[], id: string): FlowNode {
  const node = nodes.find((n) => n.id === id);
  assert.ok(node, `the example has a node ${id}`);
  return node;
}

describe('npm start (the demo)', function () {
  this.timeout(60_000);

  let demo: Demo | undefined;
  let demoDir = '';
  let ports = { ui: 0 };
  let editor = '';
  let socket: ClientSocket | undefined;
  const debug: DebugMessage[] = [];
  const listeners = new Set<() => void>();

  /** The launcher's and Node-RED's output. */
  const output = (): string => demo?.output() ?? '';
  /** Its last lines, for failure messages. */
  const tail = (): string => demo?.tail() ?? '';

  /**
   * Resolves once a debug message from each of `ids` arrived (counting from now); rejects as soon as one
   * reaches an `errors` node or a node logs a warning or error.
   */
  function debugMessages(ids: readonly string[], timeoutMs = 20_000): Promise<Map<string, DebugMessage>> {
    const from = debug.length;
    const arrived = new Promise<Map<string, DebugMessage>>((resolve, reject) => {
      const found = new Map<string, DebugMessage>();
      const check = (): void => {
        const recent = debug.slice(from);
        const failure = recent.find((m) => m.id.endsWith('-errors') || m.level !== undefined);
        if (failure) return finish(new Error(`an error reached the debug sidebar: ${JSON.stringify(failure)}`));
        for (const m of recent) if (ids.includes(m.id) && !found.has(m.id)) found.set(m.id, m);
        if (found.size === ids.length) finish();
      };
      const timer = setTimeout(() => finish(new Error(`only ${[...found.keys()].join(', ') || 'no debug messages'} of ${ids.join(', ')} arrived${tail()}`)), timeoutMs);
      const finish = (err?: Error): void => {
        clearTimeout(timer);
        listeners.delete(check);
        if (err) reject(err);
        else resolve(found);
      };
      listeners.add(check);
      check();
    });
    // Awaited only after the inject is pressed: an early rejection must not count as unhandled meanwhile.
    arrived.catch(() => undefined);
    return arrived;
  }

  const http = (method: string, urlPath: string): Promise<{ status: number; body: string }> => demo!.http(method, urlPath);

  /** Presses an inject node's button, as the editor does. */
  async function pressInject(id: string): Promise<void> {
    const { status, body } = await http('POST', `/inject/${id}`);
    if (status !== 200) assert.fail(`POST /inject/${id} answered ${status} ${body}${tail()}`);
  }

  before(async function () {
    demo = await launchDemo();
    ({ ports, editor, demoDir } = demo);
    await demo.waitForEditor(45_000);
    // The inject buttons exist once Node-RED has started the flows.
    await demo.waitForOutput(/Started flows/);

    socket = new WebSocket(`ws://127.0.0.1:${ports.ui}/comms`);
    await new Promise<void>((resolve, reject) => {
      socket!.on('open', resolve);
      socket!.on('error', reject);
    });
    socket.on('message', (data) => {
      const batch = JSON.parse(data.toString()) as Array<{ topic?: string; data?: DebugMessage }>;
      for (const item of Array.isArray(batch) ? batch : []) if (item.topic === 'debug' && item.data) debug.push(item.data);
      for (const listener of [...listeners]) listener();
    });
    socket.send(JSON.stringify({ subscribe: 'debug' }));
  });

  after(async function () {
    socket?.terminate();
    await demo?.stop();
  });

  it('says where the editor is, that the simulator is built in, and which examples are deployed', async function () {
    await demo!.waitForOutput(/^\[demo\] editor at /);
    const line = output().split('\n').find((l) => l.startsWith('[demo] editor at ')) ?? assert.fail(`no start line${tail()}`);
    assert.ok(line.includes(`${editor}/`), line);
    assert.ok(line.includes('simulator: built into Node-RED'), line);
    for (const file of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'))) {
      assert.ok(line.includes(file.replace(/\.json$/, '')), `${line} names ${file}`);
    }
    assert.match(output(), /\[demo\] reset .*rewritten from examples/);
  });

  it('deploys every example as a tab, with one config node connecting to the built-in simulator', async function () {
    const { status, body } = await http('GET', '/flows');
    assert.equal(status, 200);
    const flows = JSON.parse(body) as FlowNode[];
    const tabs = flows.filter((n) => n.type === 'tab').map((n) => n.id);
    const exampleTabs = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'))
      .map((f) => (JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')) as FlowNode[]).find((n) => n.type === 'tab')!.id);
    assert.ok(exampleTabs.length >= 2);
    assert.deepEqual(tabs.sort(), exampleTabs.sort());
    const configs = flows.filter((n) => n.type === 'symphony-config');
    assert.equal(configs.length, 1, 'a single config node shared by every example');
    assert.equal(configs[0]!.id, 'symphony-demo-config');
    assert.equal(configs[0]!.connectTo, 'simulator');
    assert.ok(!body.includes('PRIVATE KEY'), 'GET /flows carries no private key');
  });

  it('needs no key: the config node has no credential, and no key or credentials file is written', async function () {
    const { status, body } = await http('GET', '/credentials/symphony-config/symphony-demo-config');
    assert.equal(status, 200);
    const flags = JSON.parse(body) as Record<string, unknown>;
    assert.equal(flags.has_privateKey ?? false, false);
    assert.equal(flags.has_appPrivateKey ?? false, false);
    assert.equal(fs.existsSync(path.join(demoDir, 'keys')), false, 'no keys folder');
    assert.equal(fs.existsSync(path.join(demoDir, 'flows_cred.json')), false, 'no flows_cred.json');
  });

  it('runs example 01 as the bot: bob found, an IM, the message sent, presence BUSY', async function () {
    const example = readExample('01 ');
    const text = String(exampleNode(example, 'ex01-send').message);
    const ids = ['ex01-debug-user', 'ex01-debug-im', 'ex01-debug-sent', 'ex01-debug-presence'];
    const arrived = debugMessages(ids);
    await pressInject('ex01-inject');
    const seen = await arrived;

    assert.deepEqual(ids.map((id) => seen.get(id)!.name), ['1 user found', '2 IM', '3 message sent', '4 presence']);
    assert.deepEqual(shown<UsersFound>(seen, 'ex01-debug-user').users.map((u) => u.username), ['bob']);
    const imId = shown<Im>(seen, 'ex01-debug-im').id;
    assert.match(imId, /^[A-Za-z0-9_-]+$/, 'an IM stream id');
    const sent = shown<MessageSent>(seen, 'ex01-debug-sent');
    assert.ok(sent.message.includes(text), `${sent.message} contains ${text}`);
    assert.equal(sent.stream.streamId, imId);
    assert.equal(sent.user.userId, BOT.id, 'sent by the bot');
    const presence = shown<Presence>(seen, 'ex01-debug-presence');
    assert.deepEqual({ category: presence.category, userId: presence.userId }, { category: 'BUSY', userId: BOT.id });
  });

  it('runs example 02 on behalf of alice: her IM with bob, her message, her presence', async function () {
    const example = readExample('02 ');
    const text = String(exampleNode(example, 'ex02-send').message);
    const ids = ['ex02-debug-user', 'ex02-debug-im', 'ex02-debug-sent', 'ex02-debug-presence'];
    const arrived = debugMessages(ids);
    await pressInject('ex02-inject');
    const seen = await arrived;

    assert.deepEqual(shown<UsersFound>(seen, 'ex02-debug-user').users.map((u) => u.id), [BOB.id]);
    const imId = shown<Im>(seen, 'ex02-debug-im').id;
    const sent = shown<MessageSent>(seen, 'ex02-debug-sent');
    assert.ok(sent.message.includes(text), `${sent.message} contains ${text}`);
    assert.equal(sent.stream.streamId, imId);
    assert.equal(sent.user.userId, ALICE.id, 'sent by alice');
    const presence = shown<Presence>(seen, 'ex02-debug-presence');
    assert.deepEqual({ category: presence.category, userId: presence.userId }, { category: 'BUSY', userId: ALICE.id });

    // Each step runs only after the one before succeeded and presence is the last: once it showed, no step of the
    // chain can fail any more, so no later msg can reach "errors" (debugMessages fails on one arriving before).
    assert.deepEqual(debug.filter((m) => m.id.endsWith('-errors')), [], 'nothing reached an "errors" debug node');
  });

  it('stops Node-RED (and the simulator inside it) on SIGTERM, exiting 0', async function () {
    process.kill(demo!.child.pid!, 'SIGTERM');
    // The bound only turns a hang into a failure with the output; a node whose close handler hangs is seen
    // whatever the speed: Node-RED gives up on it after its close timeout and logs "Error stopping node".
    const result = await Promise.race([demo!.exit, delay(45_000).then(() => undefined)]);
    assert.ok(result, `the demo still runs 45 s after SIGTERM${tail()}`);
    assert.deepEqual(result, { code: 0, signal: null }, tail());
    assert.doesNotMatch(output(), /Error stopping node/, tail());
    assert.equal(await canConnect(ports.ui), false, 'the editor port is closed');
  });
});
