import assert from 'node:assert/strict';
import { CONFIG_ID, collect, configNode, helper, loadFlow, nextMessage, send, statuses, type FlowNode, useSimulator } from '../helpers/flow';
import { until } from '../helpers/wait';
import { DESK_ROOM_ID, USERS } from '../helpers/simulator';

interface Case {
  title: string;
  node: FlowNode;
  msg: Record<string, unknown>;
  field: string;
  message: RegExp;
}

const imCreate = (props: Record<string, unknown> = {}): FlowNode => ({ id: 'node', type: 'symphony-im-create', config: CONFIG_ID, userIds: '', userIdsType: 'str', ...props });
const lookup = (props: Record<string, unknown> = {}): FlowNode => ({ id: 'node', type: 'symphony-users-lookup', config: CONFIG_ID, ...props });
const sendMessage = (props: Record<string, unknown> = {}): FlowNode => ({
  id: 'node', type: 'symphony-message-send', config: CONFIG_ID, streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg', ...props,
});

const cases: Case[] = [
  { title: 'a missing user id list', node: imCreate(), msg: { payload: 'x' }, field: 'userIds', message: /^userIds: is required: set it in the node, pass msg\.userIds, or send the answer of lookup users/ },
  { title: 'a user id list of the wrong type', node: imCreate(), msg: { userIds: true }, field: 'userIds', message: /^userIds: must be a list of user ids/ },
  { title: 'an object that is not a user', node: imCreate(), msg: { userIds: { name: 'x' } }, field: 'userIds', message: /^userIds: must be user ids .* got an object without users or id$/ },
  { title: 'a user id too large to keep exact', node: imCreate(), msg: { userIds: ['9007199254740993'] }, field: 'userIds', message: /larger than 2\^53-1/ },
  { title: 'a bad JSON field', node: imCreate({ userIds: '[1,', userIdsType: 'json' }), msg: {}, field: 'userIds', message: /^userIds: could not read the json value/ },
  { title: 'two lookup lists at once', node: lookup(), msg: { userIds: [USERS.alice.id], emails: 'a@b.c' }, field: 'userIds|emails|usernames', message: /set exactly one of userIds, emails, usernames \(found userIds, emails\)/ },
  { title: 'no lookup list at all', node: lookup(), msg: {}, field: 'userIds|emails|usernames', message: /found none/ },
  { title: 'an unknown presence', node: { id: 'node', type: 'symphony-presence-set', config: CONFIG_ID, category: '', categoryType: 'str' }, msg: { category: 'NAPPING' }, field: 'category', message: /^category: must be one of AVAILABLE/ },
  { title: 'malformed MessageML', node: sendMessage(), msg: { payload: '<messageML>Hi <b>there</messageML>' }, field: 'message', message: /^message: MessageML is not well-formed/ },
  { title: 'a message that is an object', node: sendMessage(), msg: { payload: { text: 'hi' } }, field: 'message', message: /^message: must be a string/ },
  { title: 'a missing stream id', node: sendMessage({ streamId: '' }), msg: { payload: 'hi' }, field: 'streamId', message: /^streamId: is required/ },
  { title: 'an OBO call without the user', node: lookup({ actAs: 'userId', usernames: 'bob', usernamesType: 'str' }), msg: {}, field: 'oboUser', message: /^oboUser: set the user to act for/ },
  { title: 'an OBO user id that is not a number', node: lookup({ actAs: 'userId', usernames: 'bob', usernamesType: 'str' }), msg: { oboUser: 'alice' }, field: 'oboUser', message: /^oboUser: must be a numeric id/ },
];

describe('bad input', function () {
  const sim = useSimulator();

  for (const c of cases) {
    it(`reaches Catch with the original msg and the field named: ${c.title}`, async function () {
      await loadFlow([configNode(sim()), { ...c.node, wires: [['out']] }, { id: 'out', type: 'helper' }]);
      const shown = statuses('node');
      let delivered = false;
      helper.getNode('out').on('input', () => { delivered = true; });
      const caught = nextMessage('caught');
      send('node', { ...c.msg, topic: 'keep me', _extra: 42 });
      const msg = await caught;

      assert.match(msg.error!.message, c.message);
      assert.equal(msg.error!.code, 'INVALID_INPUT');
      assert.equal(msg.error!.cause!.field, c.field);
      assert.equal(msg.topic, 'keep me');
      assert.equal(msg._extra, 42);
      assert.equal(delivered, false, 'nothing is sent on');
      assert.equal(sim().requests.filter((r) => r.path.startsWith('/pod') || r.path.startsWith('/agent')).length, 0, 'no API request was made');
      assert.deepEqual(shown.at(-1), { fill: 'red', shape: 'ring', text: `invalid input: ${c.field}` });
    });
  }

  it('reports a bad value set in the node with every msg, after the fields before it, and reports nothing when a constant is good', async function () {
    // streamId is read from msg; data is a constant, read once when the node is deployed.
    await loadFlow([
      configNode(sim()),
      { ...sendMessage({ streamId: '', data: '{"a":', dataType: 'json' }), wires: [['out']] },
      { id: 'good', type: 'symphony-message-send', config: CONFIG_ID, streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg',
        data: '{"n":1}', dataType: 'json', wires: [['out']] },
      { id: 'out', type: 'helper' },
    ]);
    const caught = collect('caught');
    const sent = collect('out');
    send('node', { payload: 'hi', ref: 1 });
    send('node', { payload: 'hi', streamId: DESK_ROOM_ID, ref: 2 });
    send('node', { payload: 'hi', streamId: DESK_ROOM_ID, ref: 3 });
    send('good', { payload: 'hi', ref: 4 });
    send('good', { payload: 'hi', ref: 5 });
    await until('three msgs caught and two sent', () => caught.length === 3 && sent.length === 2);
    assert.deepEqual(caught.map((m) => [m.ref, m.error!.cause!.field]), [[1, 'streamId'], [2, 'data'], [3, 'data']]);
    for (const msg of caught.slice(1)) assert.match(msg.error!.message, /^data: could not read the json value/);
    assert.deepEqual(sent.map((m) => m.ref).sort(), [4, 5]);
  });

  it('sends a value set in the node over the one in msg, and reads msg where the field is blank', async function () {
    await loadFlow([
      configNode(sim()),
      { id: 'node', type: 'symphony-presence-set', config: CONFIG_ID, category: 'away', categoryType: 'str', wires: [['blank']] },
      { id: 'blank', type: 'symphony-presence-set', config: CONFIG_ID, category: '', categoryType: 'str', outputProperty: 'second', wires: [['out']] },
      { id: 'out', type: 'helper' },
    ]);
    const done = nextMessage('out');
    send('node', { category: 'BUSY' });
    const msg = await done;
    assert.equal((msg.payload as { category: string }).category, 'AWAY', 'the node\'s own value wins');
    assert.equal((msg.second as { category: string }).category, 'BUSY', 'a blank field reads msg.category');
  });
});
