/**
 * What a node shows after a call that worked (counts, a sent message's id, yellow when a lookup finds nobody), and
 * what the debug sidebar shows of an error that no Catch node takes.
 */
import assert from 'node:assert/strict';
import { CONFIG_ID, configCredentials, configNode, helper, statuses, symphonyNodes, TAB_ID, type StatusRecord, useSimulator } from '../helpers/flow';
import { DESK_ROOM_ID, USERS } from '../helpers/simulator';
import { call, callMany, loadNodes } from '../helpers/streams-nodes';
import { until } from '../helpers/wait';

// Node-RED's own util, which its debug node uses to send a logged error to the sidebar.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeRedUtil = (require('@node-red/util') as { util: { encodeObject(msg: { msg: unknown }): unknown } }).util;

const last = (seen: StatusRecord[]): StatusRecord | undefined => seen[seen.length - 1];
const green = (text: string): StatusRecord => ({ fill: 'green', shape: 'dot', text });

describe('status after a call that worked', function () {
  const sim = useSimulator();

  it('lists show how many items came back, in one msg or one msg per item', async function () {
    await loadNodes(sim(), [
      { id: 'lookup', type: 'symphony-users-lookup', usernames: 'alice,bob', usernamesType: 'str' },
      { id: 'rooms', type: 'symphony-room-search', query: 'Desk', queryType: 'str' },
      { id: 'streams', type: 'symphony-streams-list', pages: 'all' },
      { id: 'im', type: 'symphony-im-create' },
      { id: 'post', type: 'symphony-message-send', streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'message', messageType: 'msg' },
      { id: 'history', type: 'symphony-message-list', streamId: DESK_ROOM_ID, streamIdType: 'str', since: '0', sinceType: 'num', split: 'items' },
    ]);
    const seen = { lookup: statuses('lookup'), rooms: statuses('rooms'), streams: statuses('streams'), history: statuses('history') };

    await call('lookup');
    assert.deepEqual(last(seen.lookup), green('2 users found'));

    const rooms = (await call('rooms')).payload as { rooms: unknown[] };
    assert.equal(rooms.rooms.length, 1);
    assert.deepEqual(last(seen.rooms), green('1 room'));

    await call('im', { userIds: [USERS.bob.id] });
    const streams = (await call('streams')).payload as unknown[];
    assert.ok(streams.length >= 2, 'the desk and the IM with bob');
    assert.deepEqual(last(seen.streams), green(`${streams.length} streams`));

    sim().state.messages.set(DESK_ROOM_ID, []);
    for (const message of ['one', 'two', 'three']) await call('post', { message });
    await callMany('history', {}, 3);
    await until('the history status', () => last(seen.history)?.text === '3 messages');
  });

  it('a lookup or search that finds nobody turns yellow: "0 users found"', async function () {
    await loadNodes(sim(), [
      { id: 'lookup', type: 'symphony-users-lookup', emails: 'nobody@nowhere.example', emailsType: 'str' },
      { id: 'search', type: 'symphony-users-search', query: 'zzzz-no-such-person', queryType: 'str' },
    ]);
    const seen = { lookup: statuses('lookup'), search: statuses('search') };
    assert.deepEqual((await call('lookup')).payload, { users: [] });
    assert.deepEqual(last(seen.lookup), { fill: 'yellow', shape: 'dot', text: '0 users found' });
    await call('search');
    assert.deepEqual(last(seen.search), { fill: 'yellow', shape: 'dot', text: '0 users found' });
  });

  it('a sent message shows the start of its id; a node without a summary says ok', async function () {
    await loadNodes(sim(), [
      { id: 'send', type: 'symphony-message-send', streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'hello', messageType: 'str' },
      { id: 'me', type: 'symphony-session-info' },
    ]);
    const seen = { send: statuses('send'), me: statuses('me') };
    const sent = (await call('send')).payload as { messageId: string };
    assert.deepEqual(last(seen.send), green(`sent ${sent.messageId.slice(0, 8)}…`));
    await call('me');
    assert.deepEqual(last(seen.me), green('ok'));
  });
});

describe('an error no Catch node takes, as the debug sidebar shows it', function () {
  const sim = useSimulator();

  it('shows the message and a readable cause, not [object Object]', async function () {
    await helper.load(symphonyNodes, [
      { id: TAB_ID, type: 'tab', label: 'no catch' },
      configNode(sim()),
      { id: 'im', type: 'symphony-im-create', z: TAB_ID, x: 100, y: 100, config: CONFIG_ID, wires: [[]] },
    ], configCredentials());
    const logged: unknown[] = [];
    helper.getNode('im').on('call:error', (call: never) => logged.push((call as { args: unknown[] }).args[0]));
    helper.getNode('im').receive({ userIds: [] });
    await until('the logged error', () => logged.length > 0);

    // What Node-RED's debug node sends to the sidebar for a logged error.
    const sidebar = nodeRedUtil.encodeObject({ msg: logged[0] }) as { format: string; msg: string };
    assert.equal(sidebar.format, 'error');
    const shown = JSON.parse(sidebar.msg) as { data: { message: string; code: string; cause: string } };
    assert.equal(shown.data.message, 'userIds: nobody to act on: the list of users is empty');
    assert.equal(shown.data.code, 'INVALID_INPUT');
    assert.equal(shown.data.cause, 'field userIds, in im-create');
  });

  it('names the HTTP status and Symphony\'s message for a refused call', async function () {
    await helper.load(symphonyNodes, [
      { id: TAB_ID, type: 'tab', label: 'no catch' },
      configNode(sim()),
      { id: 'presence', type: 'symphony-presence-get-user', z: TAB_ID, x: 100, y: 100, config: CONFIG_ID, wires: [[]] },
    ], configCredentials());
    const logged: unknown[] = [];
    helper.getNode('presence').on('call:error', (call: never) => logged.push((call as { args: unknown[] }).args[0]));
    helper.getNode('presence').receive({ userId: 999999999 });
    await until('the logged error', () => logged.length > 0);
    const shown = JSON.parse((nodeRedUtil.encodeObject({ msg: logged[0] }) as { msg: string }).msg) as { data: { cause: string } };
    assert.match(shown.data.cause, /^HTTP 404, Symphony said: .+, in presence-get-user$/);
  });
});
