/**
 * A config node set to "the built-in simulator" needs nothing else: the simulator starts inside Node-RED, the bot,
 * its certificate and the OBO app are its own, and it stops a while after the last config node using it closes.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { Simulator } from '../../simulator';
import {
  BUILT_IN_LINGER_MS, SIMULATOR_URL_ENV, currentBuiltInSimulator, stopBuiltInSimulator, type BuiltInSimulator,
} from '../../nodes/runtime/simulator-host/built-in-simulator';
import { CONFIG_ID, helper, loadFlow, nextMessage, send, statuses, type FlowNode, type Msg } from '../helpers/flow';
import { DESK_ROOM_ID } from '../helpers/simulator';
import { eventsNode, reading } from '../helpers/events-flow';
import { until } from '../helpers/wait';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulatorModule = require('../../simulator') as { startSimulator: (...args: unknown[]) => Promise<Simulator> };

const simulatorConfig = (props: Record<string, unknown> = {}, id = CONFIG_ID): FlowNode => ({
  id, type: 'symphony-config', connectTo: 'simulator', name: '', timeout: 10, maxRetries: 3, ...props,
});
const lookup = (props: Record<string, unknown> = {}): FlowNode => ({
  id: 'lookup', type: 'symphony-users-lookup', config: CONFIG_ID, usernames: 'alice', usernamesType: 'str', wires: [['out']], ...props,
});
const out: FlowNode = { id: 'out', type: 'helper' };

/** Loads the flow with no credentials at all: the built-in simulator needs none. */
const load = (nodes: FlowNode[]): Promise<void> => loadFlow(nodes, {});

function running(): BuiltInSimulator {
  const instance = currentBuiltInSimulator();
  assert.ok(instance, 'the built-in simulator runs');
  return instance;
}

async function lookedUp(id = 'lookup', outId = 'out'): Promise<Msg> {
  const answer = nextMessage(outId, 15_000);
  send(id, { payload: 'go', topic: 'kept' });
  return answer;
}

function usernames(msg: Msg): string[] {
  return ((msg.payload as { users?: Array<{ username: string }> }).users ?? []).map((u) => u.username);
}

/** Whether something still answers at this URL. */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/_sim/health`, (res) => {
      res.resume();
      resolve(true);
    });
    req.once('error', () => resolve(false));
  });
}

/** Every text the runtime logged. */
const loggedText = (): string => helper.log().args.map((args) => JSON.stringify(args[0] ?? '')).join('\n');

/** Long lines of the simulator's in-memory private keys: none may leave the process's memory. */
const keyLines = (instance: BuiltInSimulator): string[] =>
  [instance.bot.privateKeyPem, instance.app.privateKeyPem].flatMap((pem) => pem.split('\n').filter((line) => line.length > 40));

describe('config node: the built-in simulator', function () {
  this.timeout(60_000);
  before(async function () {
    await helper.startServer();
  });
  afterEach(async function () {
    await helper.unload();
  });
  after(async function () {
    await stopBuiltInSimulator();
    await helper.stopServer();
  });

  it('looks users up as the bot with no URL, key or bot set; the status says "(simulated)"', async function () {
    const sessionInfo: FlowNode = { id: 'session', type: 'symphony-session-info', config: CONFIG_ID, wires: [['out']] };
    await load([simulatorConfig(), lookup(), sessionInfo, out]);
    const shown = statuses('lookup');
    const shownSession = statuses('session');
    const msg = await lookedUp();
    assert.deepEqual(usernames(msg), ['alice']);
    assert.equal(msg.topic, 'kept');
    assert.deepEqual(shown.at(-1), { fill: 'green', shape: 'dot', text: '1 user found (simulated)' });
    const session = await lookedUp('session');
    assert.equal((session.payload as { username: string }).username, 'demo-bot');
    assert.deepEqual(shownSession.at(-1), { fill: 'green', shape: 'dot', text: 'ok (simulated)' });
    const { simulator } = running();
    assert.equal(simulator.count('POST', '/login/pubkey/authenticate'), 1, 'the bot logged in with its RSA key');
    assert.equal(process.env[SIMULATOR_URL_ENV], simulator.url, 'flows that simulate people find the control API');
  });

  it('acts on behalf of a user through the seeded OBO app', async function () {
    await load([simulatorConfig(), lookup({ actAs: 'username', oboUser: 'alice', oboUserType: 'str', usernames: 'bob' }), out]);
    const before = running().simulator.count('POST', '/login/pubkey/app/username/alice/authenticate');
    const msg = await lookedUp();
    assert.deepEqual(usernames(msg), ['bob']);
    assert.equal(running().simulator.count('POST', '/login/pubkey/app/username/alice/authenticate'), before + 1);
  });

  it('authenticates with a client certificate the simulator issues for its bot (mutual TLS)', async function () {
    const sendNode: FlowNode = {
      id: 'send', type: 'symphony-message-send', config: CONFIG_ID, streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg', wires: [['out']],
    };
    await load([simulatorConfig({ authType: 'certificate' }), sendNode, out]);
    const answer = nextMessage('out', 15_000);
    send('send', { payload: 'over mutual TLS, simulated' });
    const msg = await answer;
    assert.match((msg.payload as { message: string }).message, /over mutual TLS, simulated/);
    const { simulator } = running();
    assert.ok(simulator.count('POST', '/sessionauth/v1/authenticate') >= 1, 'session over mutual TLS');
    assert.ok(simulator.count('POST', '/keyauth/v1/authenticate') >= 1, 'key manager over mutual TLS');
  });

  it('feeds an events node: "connected (simulated)", a message typed in the simulator reaches the flow, and the status counts it', async function () {
    const events = eventsNode();
    await load([simulatorConfig(), events, { id: 'events', type: 'helper' }]);
    const shown = statuses('ev');
    await until('the simulator to run', () => currentBuiltInSimulator() !== undefined);
    const { simulator } = running();
    await reading(simulator, String(events.tag));
    assert.deepEqual(shown.at(-1), { fill: 'green', shape: 'dot', text: 'connected (simulated)' });
    const arrived = nextMessage('events', 15_000);
    simulator.injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: 'hello from the built-in simulator' });
    const msg = await arrived;
    assert.equal(msg.text, 'hello from the built-in simulator');
    // Once a read answered: its figures, still marked as simulated.
    await until('the figures in the status', () => /^1 event\/min · last read \d+ s ago \(simulated\)$/.test(shown.at(-1)?.text ?? ''));
    assert.equal(shown.at(-1)?.fill, 'green');
  });

  it('is shared by two config nodes, and outlives a redeploy with its state', async function () {
    await load([
      simulatorConfig({}, 'sim-a'), simulatorConfig({ authType: 'certificate' }, 'sim-b'),
      lookup({ id: 'lookup-a', config: 'sim-a', wires: [['out-a']] }), { id: 'out-a', type: 'helper' },
      lookup({ id: 'lookup-b', config: 'sim-b', usernames: 'bob', wires: [['out-b']] }), { id: 'out-b', type: 'helper' },
    ]);
    const [a, b] = await Promise.all([lookedUp('lookup-a', 'out-a'), lookedUp('lookup-b', 'out-b')]);
    assert.deepEqual([usernames(a), usernames(b)], [['alice'], ['bob']]);
    const first = running();
    first.simulator.state.users.get(13287555072101)!.displayName = 'Alice (renamed before the redeploy)';

    await helper.unload();
    await load([simulatorConfig(), lookup(), out]);
    const msg = await lookedUp();
    assert.equal(running(), first, 'the same simulator');
    assert.deepEqual((msg.payload as { users: Array<{ displayName: string }> }).users.map((u) => u.displayName), ['Alice (renamed before the redeploy)']);
  });

  it('stops a while after the last config node using it closes, and gives the environment variable back', async function () {
    this.timeout(BUILT_IN_LINGER_MS + 20_000);
    await load([simulatorConfig(), lookup(), out]);
    await lookedUp();
    const { url } = running().simulator;
    await helper.unload();
    assert.ok(await answers(url), 'still up right after the close: a redeploy would find it');
    await until('the simulator to stop', () => currentBuiltInSimulator() === undefined, BUILT_IN_LINGER_MS + 5_000);
    const end = Date.now() + 5_000;
    while (await answers(url)) {
      assert.ok(Date.now() < end, 'its port closes');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.notEqual(process.env[SIMULATOR_URL_ENV], url);
  });

  it('a start that fails reaches Catch with the original msg and a clear error; the next call starts it', async function () {
    await stopBuiltInSimulator();
    const original = simulatorModule.startSimulator;
    simulatorModule.startSimulator = () => Promise.reject(new Error('listen EADDRINUSE: address already in use 127.0.0.1'));
    let caughtMsg: Msg;
    const shown: ReturnType<typeof statuses>[] = [];
    try {
      await load([simulatorConfig(), lookup(), out]);
      shown.push(statuses('lookup'));
      const caught = nextMessage('caught');
      send('lookup', { payload: 'go', topic: 'kept' });
      caughtMsg = await caught;
    } finally {
      simulatorModule.startSimulator = original;
    }
    assert.equal(caughtMsg.topic, 'kept');
    assert.equal(caughtMsg.error!.code, 'SIMULATOR_UNAVAILABLE');
    assert.match(caughtMsg.error!.message, /^the built-in simulator could not start: listen EADDRINUSE/);
    assert.equal(caughtMsg.error!.cause!.field, 'connectTo');
    assert.deepEqual(shown[0]!.at(-1), { fill: 'red', shape: 'ring', text: 'simulator not started' });
    assert.match(loggedText(), /Symphony config node cfg: the built-in simulator could not start: listen EADDRINUSE/, 'logged once by the config node');

    const msg = await lookedUp();
    assert.deepEqual(usernames(msg), ['alice'], 'tried again on the next call');
  });

  it('an unknown connection choice is refused at deploy, naming connectTo', async function () {
    await load([simulatorConfig({ connectTo: 'moon' }), lookup(), out]);
    const caught = nextMessage('caught');
    send('lookup', { payload: 'go' });
    const msg = await caught;
    assert.equal(msg.error!.code, 'INVALID_CONFIG');
    assert.equal(msg.error!.cause!.field, 'connectTo');
  });

  it('never shows its private keys: not in the log, a status, a msg or an error', async function () {
    await load([
      simulatorConfig(), lookup(),
      lookup({ id: 'lookup-obo', actAs: 'username', oboUser: 'nobody-here', oboUserType: 'str', wires: [['out']] }), out,
    ]);
    const shown = [...statuses('lookup'), ...statuses('lookup-obo')];
    const ok = await lookedUp();
    const caught = nextMessage('caught', 15_000);
    send('lookup-obo', { payload: 'go' });
    const failed = await caught;
    assert.ok(failed.error, 'the OBO login for an unknown user failed');
    const seen = [loggedText(), JSON.stringify(shown), JSON.stringify(failed), JSON.stringify(ok)].join('\n');
    for (const line of keyLines(running())) assert.ok(!seen.includes(line), 'a private key line was shown');
  });

  it('Test connection checks the built-in simulator and says it is one; no secret in the answer', async function () {
    await load([]);
    const admin = (helper as unknown as { request(): { post(path: string): { send(body: object): Promise<{ body: Record<string, unknown>; text: string }> } } }).request();
    const response = await admin.post('/symphony/test-connection').send({
      id: 'not-deployed', config: { connectTo: 'simulator', authType: 'certificate', podUrl: '', botUsername: '', timeout: 10 }, credentials: {},
    });
    assert.equal(response.body.ok, true, response.text);
    assert.equal(response.body.simulator, true);
    assert.equal(response.body.botUsername, 'demo-bot');
    assert.deepEqual(response.body.obo, { ok: true });
    for (const line of keyLines(running())) assert.ok(!response.text.includes(line), 'a private key line was sent');
  });
});
