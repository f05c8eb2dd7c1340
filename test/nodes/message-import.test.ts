import assert from 'node:assert/strict';
import { useSimulator, type Msg } from '../helpers/flow';
import { BOT, DESK_ROOM_ID, USERS } from '../helpers/simulator';
import { caught, out, set } from '../helpers/users-flow';

interface ImportJson { messageId?: string; originatingSystemId: string; originalMessageId?: string; diagnostic?: string }
const payload = <T>(msg: Msg): T => msg.payload as T;
const ONE = { message: 'payload', messageType: 'msg', originatingSystemId: 'archive', originatingSystemIdType: 'str' };

describe('import message node', function () {
  const sim = useSimulator();

  it('imports one message with its author and time: it is in the stream\'s history, in time order', async function () {
    const imported = payload<ImportJson[]>(await out(sim(), 'symphony-message-import', ONE, {
      payload: 'Morning all & welcome', streamId: DESK_ROOM_ID, fromUserId: USERS.alice.id, timestamp: 1700000000000, originalMessageId: 'arch-1',
    }));
    assert.equal(imported.length, 1);
    assert.deepEqual({ ...imported[0], messageId: undefined }, { originatingSystemId: 'archive', originalMessageId: 'arch-1', messageId: undefined });
    const history = sim().state.messages.get(DESK_ROOM_ID)!;
    const stored = history.find((m) => m.messageId === imported[0]!.messageId)!;
    assert.equal(stored.userId, USERS.alice.id);
    assert.equal(stored.timestamp, 1700000000000);
    assert.match(stored.message, /Morning all &amp; welcome/);
    const listed = payload<Array<{ messageId: string; user: { userId: number } }>>(await out(sim(), 'symphony-message-list', set({ since: 0 }), { streamId: DESK_ROOM_ID }));
    assert.equal(listed[0]!.messageId, imported[0]!.messageId, 'the oldest message of the desk');
    assert.equal(listed[0]!.user.userId, USERS.alice.id);

    const again = payload<ImportJson[]>(await out(sim(), 'symphony-message-import', ONE, {
      payload: 'Morning all & welcome', streamId: DESK_ROOM_ID, fromUserId: USERS.alice.id, timestamp: 1700000000000, originalMessageId: 'arch-1',
    }));
    assert.equal(again[0]!.messageId, imported[0]!.messageId, 'the same original id imports once');
  });

  it('a list: each message answered in order; one that cannot be imported says why, the others are imported', async function () {
    const answers = payload<ImportJson[]>(await out(sim(), 'symphony-message-import', {}, {
      messages: [
        { message: '<messageML>one</messageML>', intendedMessageTimestamp: 1600000000000, intendedMessageFromUserId: USERS.bob.id, originatingSystemId: 'archive', streamId: DESK_ROOM_ID },
        { message: '<messageML>two</messageML>', intendedMessageTimestamp: 1600000000000, intendedMessageFromUserId: USERS.frank.id, originatingSystemId: 'archive', streamId: DESK_ROOM_ID },
        { message: '<messageML>three</messageML>', intendedMessageTimestamp: Date.now() + 86_400_000, intendedMessageFromUserId: USERS.bob.id, originatingSystemId: 'archive', streamId: DESK_ROOM_ID },
      ],
    }));
    assert.ok(answers[0]!.messageId);
    assert.equal(answers[1]!.messageId, undefined);
    assert.match(answers[1]!.diagnostic!, /not a member/);
    assert.match(answers[2]!.diagnostic!, /future/);
  });

  it('refuses before any request: no author, a message and a list at once, malformed MessageML', async function () {
    const noAuthor = await caught(sim(), 'symphony-message-import', ONE, { payload: 'x', streamId: DESK_ROOM_ID, timestamp: 1 });
    assert.equal(noAuthor.error!.cause!.field, 'fromUserId');
    const both = await caught(sim(), 'symphony-message-import', { ...ONE, messages: 'messages', messagesType: 'msg' }, { payload: 'x', messages: [{}] });
    assert.equal(both.error!.code, 'INVALID_INPUT');
    const badList = await caught(sim(), 'symphony-message-import', { messages: 'messages', messagesType: 'msg' }, { messages: [{ message: 'x' }] });
    assert.equal(badList.error!.cause!.field, 'messages');
    const malformed = await caught(sim(), 'symphony-message-import', { ...ONE, format: 'messageml' }, {
      payload: '<messageML>open', streamId: DESK_ROOM_ID, fromUserId: USERS.bob.id, timestamp: 1,
    });
    assert.equal(malformed.error!.cause!.field, 'message');
    assert.equal(sim().count('POST', '/agent/v4/message/import'), 0);
  });

  it('without Content Management, Symphony\'s 403 names the role', async function () {
    await out(sim(), 'symphony-user-role-remove', set({ roleId: 'CONTENT_MANAGEMENT' }), { userId: BOT.id });
    const refused = await caught(sim(), 'symphony-message-import', ONE, { payload: 'x', streamId: DESK_ROOM_ID, fromUserId: USERS.bob.id, timestamp: 1 });
    assert.equal(refused.error!.cause!.status, 403);
    assert.match(refused.error!.message, /CONTENT_MANAGEMENT/);
  });
});
