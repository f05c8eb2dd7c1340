/**
 * Flows built from the palette alone: each node takes what the node before it answered, with no id field set.
 * What the user sees: the msg out, the message in the IM, the status under each node, the msg at Catch.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Simulator } from '../../simulator';
import {
  CONFIG_ID, configCredentials, configNode, helper, nextMessage, statuses, symphonyNodes, withCatch, type FlowNode, type Msg, type StatusRecord,
  useSimulator,
} from '../helpers/flow';
import { BOT, USERS } from '../helpers/simulator';
import { loadNodes, outcome } from '../helpers/streams-nodes';

/** Node-RED's own inject node, as a user drags it from the palette. */
function injectModule(): unknown {
  const nodeRed = path.dirname(require.resolve('node-red'));
  const core = path.join(path.dirname(require.resolve('@node-red/nodes/package.json', { paths: [nodeRed] })), 'core');
  return require(path.join(core, 'common', '20-inject.js')) as unknown;
}

/** inject (msg.usernames, and the inject's usual timestamp payload) → lookup users → create IM → send message. */
function paletteChain(sim: Simulator, username: string): FlowNode[] {
  return [
    configNode(sim),
    {
      id: 'inject', type: 'inject', repeat: '', once: false, topic: '',
      props: [{ p: 'payload' }, { p: 'usernames', v: username, vt: 'str' }], payload: '', payloadType: 'date', wires: [['lookup']],
    },
    { id: 'lookup', type: 'symphony-users-lookup', config: CONFIG_ID, wires: [['im']] },
    { id: 'im', type: 'symphony-im-create', config: CONFIG_ID, wires: [['send']] },
    { id: 'send', type: 'symphony-message-send', config: CONFIG_ID, message: 'Hello from the palette', messageType: 'str', wires: [['out']] },
    { id: 'out', type: 'helper' },
  ];
}

async function loadChain(sim: Simulator, username: string): Promise<void> {
  await helper.load([symphonyNodes, injectModule()], withCatch(paletteChain(sim, username)), configCredentials());
}

const last = (seen: StatusRecord[]): StatusRecord | undefined => seen[seen.length - 1];

describe('chains from the palette: each node takes the answer of the one before', function () {
  const sim = useSimulator();

  it('inject usernames → lookup users → create IM → send message: the message arrives, with no id field set', async function () {
    await loadChain(sim(), 'alice');
    const seen = { lookup: statuses('lookup'), im: statuses('im'), send: statuses('send') };
    const arrived = nextMessage('out');
    helper.getNode('inject').receive({});
    const msg = await arrived;

    const sent = msg.payload as { messageId: string; message: string; stream: { streamId: string }; user: { userId: number } };
    const im = sent.stream.streamId;
    assert.deepEqual([...(sim().state.streams.get(im)?.members ?? [])].sort(), [BOT.id, USERS.alice.id].sort(), 'the IM is between the bot and alice');
    const stored = sim().state.messages.get(im)?.find((m) => m.messageId === sent.messageId);
    assert.ok(stored, 'the message is in the IM');
    assert.match(sent.message, /Hello from the palette/);
    assert.equal(sent.user.userId, BOT.id);
    assert.equal(msg.usernames, 'alice', 'the rest of msg passes through');

    assert.deepEqual(last(seen.lookup), { fill: 'green', shape: 'dot', text: '1 user found' });
    assert.deepEqual(last(seen.im), { fill: 'green', shape: 'dot', text: 'ok' });
    assert.deepEqual(last(seen.send), { fill: 'green', shape: 'dot', text: `sent ${sent.messageId.slice(0, 8)}…` });
  });

  it('a lookup that finds nobody shows "0 users found" in yellow; create IM says there is nobody to act on, at Catch with the msg', async function () {
    await loadChain(sim(), 'nobody-by-that-name');
    const seen = { lookup: statuses('lookup'), im: statuses('im') };
    const caught = nextMessage('caught');
    helper.getNode('inject').receive({});
    const msg = await caught;

    assert.equal(msg.error?.source?.id, 'im');
    assert.equal(msg.error?.code, 'INVALID_INPUT');
    assert.equal(msg.error?.cause?.field, 'userIds');
    assert.equal(msg.error?.message,
      'userIds: nobody to act on: the answer lists no users; did the lookup find anyone? (read from msg.payload: msg.userIds is not set)');
    assert.deepEqual(msg.payload, { users: [] }, 'Catch gets the msg create IM was given');
    assert.equal(msg.usernames, 'nobody-by-that-name');
    assert.equal(sim().count('POST', '/pod/v1/im/create'), 0, 'nothing is sent');
    assert.deepEqual(last(seen.lookup), { fill: 'yellow', shape: 'dot', text: '0 users found' });
    assert.deepEqual(last(seen.im), { fill: 'red', shape: 'ring', text: 'invalid input: userIds' });
  });
});

describe('user and stream fields: the answers they take, and what they refuse', function () {
  const sim = useSimulator();

  const load = (nodes: FlowNode[]): Promise<void> => loadNodes(sim(), nodes);

  async function run(id: string, msg: Record<string, unknown>): Promise<{ out?: Msg; caught?: Msg }> {
    const result = await outcome(id, msg);
    return result.ok ? { out: result.msgs[0] } : { caught: result.caught };
  }

  async function ok(id: string, msg: Record<string, unknown>): Promise<Msg> {
    const { out, caught } = await run(id, msg);
    assert.ok(out, `${id} failed: ${caught?.error?.message}`);
    return out;
  }

  async function refused(id: string, msg: Record<string, unknown>): Promise<NonNullable<Msg['error']>> {
    const { caught } = await run(id, msg);
    assert.ok(caught?.error, `${id} did not refuse ${JSON.stringify(msg)}`);
    return caught.error;
  }

  it('create IM takes users, one user, a lookup answer or ids, from msg.userIds or (blank, nothing on msg) msg.payload', async function () {
    await load([{ id: 'im', type: 'symphony-im-create' }]);
    const members = (m: Msg): number[] => [...(sim().state.streams.get((m.payload as { id: string }).id)?.members ?? [])].sort();
    const both = [BOT.id, USERS.bob.id, USERS.carol.id].sort();
    assert.deepEqual(members(await ok('im', { userIds: [{ id: USERS.bob.id, username: 'bob' }, { id: USERS.carol.id }] })), both);
    assert.deepEqual(members(await ok('im', { userIds: `${USERS.bob.id}, ${USERS.carol.id}` })), both);
    assert.deepEqual(members(await ok('im', { userIds: { users: [{ id: USERS.bob.id }, { id: String(USERS.carol.id) }] } })), both);
    assert.deepEqual(members(await ok('im', { payload: { id: USERS.alice.id, displayName: 'Alice' } })), [BOT.id, USERS.alice.id].sort());
    // msg.userIds, when set, wins over msg.payload.
    assert.deepEqual(members(await ok('im', { userIds: [USERS.bob.id], payload: { users: [{ id: USERS.carol.id }] } })), [BOT.id, USERS.bob.id].sort());
  });

  it('create IM refuses what names nobody, naming the field, before any request', async function () {
    await load([{ id: 'im', type: 'symphony-im-create' }]);
    const empty = await refused('im', { userIds: [] });
    assert.equal(empty.message, 'userIds: nobody to act on: the list of users is empty');
    assert.equal(empty.cause?.field, 'userIds');
    assert.equal((await refused('im', { payload: 1700000000000 })).message,
      'userIds: is required: set it in the node, pass msg.userIds, or send the answer of lookup users (or users, or user ids) in msg.payload');
    assert.match((await refused('im', { payload: { roomSystemInfo: { id: 'abc' } } })).message,
      /^userIds: must be user ids .* got an object without users or id \(read from msg\.payload: msg\.userIds is not set\)$/);
    assert.match((await refused('im', { userIds: { id: 'xhGxbTcvTDK6EIMMrwdOrX___quztr2HdA' } })).message,
      /^userIds: the user's id must be a numeric id, got "xhGx/);
    assert.equal(sim().count('POST', '/pod/v1/im/create'), 0);
  });

  it('a one-user field takes a lookup answer naming one user, and refuses one naming two', async function () {
    await load([{ id: 'presence', type: 'symphony-presence-get-user' }]);
    const one = await ok('presence', { payload: { users: [{ id: USERS.alice.id, username: 'alice' }] } });
    assert.equal((one.payload as { userId: number }).userId, USERS.alice.id);
    const two = await refused('presence', { userId: { users: [{ id: USERS.alice.id }, { id: USERS.bob.id }] } });
    assert.equal(two.message, 'userId: takes one user, got 2');
  });

  it('send message takes the stream from a room, IM or stream answer, and refuses a user or a list', async function () {
    await load([
      { id: 'send', type: 'symphony-message-send', message: 'hi', messageType: 'str' },
      { id: 'room', type: 'symphony-room-create', roomName: `Palette ${Date.now()}`, roomNameType: 'str' },
    ]);
    const room = (await ok('room', {})).payload as { roomSystemInfo: { id: string } };
    const streamOf = (m: Msg): string => (m.payload as { stream: { streamId: string } }).stream.streamId;
    assert.equal(streamOf(await ok('send', { payload: room })), room.roomSystemInfo.id, 'a room answer in msg.payload');
    assert.equal(streamOf(await ok('send', { streamId: { streamId: room.roomSystemInfo.id, streamType: 'ROOM' } })), room.roomSystemInfo.id);
    assert.equal(streamOf(await ok('send', { streamId: { id: room.roomSystemInfo.id } })), room.roomSystemInfo.id);

    assert.match((await refused('send', { streamId: { id: USERS.alice.id, username: 'alice' } })).message,
      /^streamId: must be a stream id, or an object carrying one .*got an object without a stream id$/);
    assert.equal((await refused('send', { streamId: [{ id: 'a' }, { id: 'b' }] })).message, 'streamId: takes one stream, got a list of 2');
    assert.equal((await refused('send', { payload: 'just text' })).message,
      'streamId: is required: set it in the node, pass msg.streamId, or send the answer of create IM or create room (or a stream) in msg.payload');
  });

  it('lookup users with nothing set looks up a text msg.payload: an email address, ids, or else usernames; not a number', async function () {
    await load([{ id: 'lookup', type: 'symphony-users-lookup' }]);
    const found = async (msg: Record<string, unknown>): Promise<string[]> =>
      ((await ok('lookup', msg)).payload as { users: Array<{ username: string }> }).users.map((u) => u.username);
    assert.deepEqual(await found({ payload: 'bob' }), ['bob']);
    assert.deepEqual(await found({ payload: 'alice, bob' }), ['alice', 'bob']);
    assert.deepEqual(await found({ payload: 'bob.brown@simulated-bank.example' }), ['bob']);
    assert.deepEqual(await found({ payload: `${USERS.alice.id}` }), ['alice']);
    assert.deepEqual(await found({ payload: 'bob', emails: 'alice.adams@simulated-bank.example' }), ['alice'], 'a field on msg wins');
    // An inject's timestamp is no user id; blank text is nothing to look up.
    for (const payload of [Date.now(), '  ']) {
      assert.equal((await refused('lookup', { payload })).message, 'userIds|emails|usernames: set exactly one of userIds, emails, usernames (found none)');
    }
    assert.equal((await refused('lookup', { payload: 'bob\uD800' })).cause?.field, 'usernames', 'a bad text names the field it filled');
  });

  it('a message id field takes a message id only, not a stream answer', async function () {
    await load([{ id: 'get', type: 'symphony-message-get' }]);
    const error = await refused('get', { messageId: { id: 'abc' } });
    assert.equal(error.message, 'messageId: must be a non-empty string, got an object');
    // Not required from msg.payload either: a message id field never reads it.
    assert.match((await refused('get', { payload: { id: 'abc' } })).message, /^messageId: is required: set it in the node or pass msg\.messageId$/);
  });
});
