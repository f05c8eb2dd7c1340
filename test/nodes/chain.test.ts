import assert from 'node:assert/strict';
import type { Simulator } from '../../simulator';
import { CONFIG_ID, configNode, loadFlow, nextMessage, send, type FlowNode, useSimulator } from '../helpers/flow';
import { BOT, USERS } from '../helpers/simulator';

/** The README's chain: look a user up, open an IM with them, send a message, set presence. */
function chainFlow(sim: Simulator, actAs: Record<string, unknown>): FlowNode[] {
  return [
    configNode(sim),
    { id: 'lookup', type: 'symphony-users-lookup', config: CONFIG_ID, ...actAs, usernames: 'bob', usernamesType: 'str', wires: [['im']] },
    { id: 'im', type: 'symphony-im-create', config: CONFIG_ID, ...actAs, userIds: 'payload.users.id', userIdsType: 'jsonata', outputProperty: 'im', wires: [['send']] },
    {
      id: 'send', type: 'symphony-message-send', config: CONFIG_ID, ...actAs,
      streamId: 'im.id', streamIdType: 'msg', message: 'Hello <Bob> & welcome', messageType: 'str', format: 'auto',
      outputProperty: 'sent', wires: [['presence']],
    },
    { id: 'presence', type: 'symphony-presence-set', config: CONFIG_ID, ...actAs, category: 'BUSY', categoryType: 'str', wires: [['out']] },
    { id: 'out', type: 'helper' },
  ];
}

describe('the first chain: lookup, IM, message, presence', function () {
  const sim = useSimulator();

  it('runs as the bot, each step feeding the next', async function () {
    await loadFlow(chainFlow(sim(), { actAs: 'bot' }));
    const done = nextMessage('out');
    send('lookup', { payload: 'start', topic: 'keep me' });
    const msg = await done;

    assert.equal(msg.topic, 'keep me', 'the rest of msg passes through');
    assert.equal(typeof (msg.im as { id: string }).id, 'string');
    const sent = msg.sent as { messageId: string; message: string; stream: { streamId: string }; user: { userId: number } };
    assert.equal(sent.stream.streamId, (msg.im as { id: string }).id);
    assert.equal(sent.user.userId, BOT.id);
    assert.match(sent.message, /Hello &lt;Bob&gt; &amp; welcome/);
    assert.deepEqual({ category: (msg.payload as { category: string }).category, userId: (msg.payload as { userId: number }).userId }, { category: 'BUSY', userId: BOT.id });
    assert.deepEqual([...(sim().state.streams.get((msg.im as { id: string }).id)?.members ?? [])].sort(), [BOT.id, USERS.bob.id].sort(), 'the IM is between the bot and bob');
  });

  it('runs on behalf of a user (OBO), as that user', async function () {
    await loadFlow(chainFlow(sim(), { actAs: 'username', oboUser: 'alice', oboUserType: 'str' }));
    const done = nextMessage('out');
    send('lookup', { payload: 'start' });
    const msg = await done;

    const sent = msg.sent as { user: { userId: number }; stream: { streamId: string } };
    assert.equal(sent.user.userId, USERS.alice.id, 'the message is sent as alice');
    assert.equal((msg.payload as { userId: number }).userId, USERS.alice.id, 'alice\'s presence is set');
    assert.equal(sim().count('POST', '/login/pubkey/authenticate'), 0, 'the bot never logs in for OBO calls');
    assert.equal(sim().count('POST', '/relay/pubkey/authenticate'), 0, 'OBO agent calls need no key manager token');
    assert.equal(sim().count('POST', '/login/pubkey/app/authenticate'), 1);
    assert.equal(sim().count('POST', '/login/pubkey/app/username/alice/authenticate'), 1, 'one OBO session for alice, reused by all four nodes');
  });
});
