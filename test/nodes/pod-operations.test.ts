import assert from 'node:assert/strict';
import { useSimulator } from '../helpers/flow';
import { apiRequests, asUser, failure, opNode, output } from '../helpers/presence-flow';
import { BOT, DESK_ROOM_ID, USERS } from '../helpers/simulator';

interface StatusUser { userId: string; displayName: string; email: string; userName?: string; timestamp: string }
interface MessageStatus { author: StatusUser; read: StatusUser[]; delivered: StatusUser[]; sent: StatusUser[] }
interface Suppression { messageId: string; suppressed: boolean; suppressionDate: number }

const { alice, bob, carol } = USERS;
const sendToDesk = (actAs: Record<string, string> = {}) => opNode('symphony-message-send', {
  streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg', format: 'auto', ...actAs,
});

describe('pod nodes: allowed file types and URI protocols', function () {
  const sim = useSimulator();

  for (const [title, actAs] of [['as the bot', {}], ['on behalf of a user', asUser('alice')]] as const) {
    it(`list allowed file types ${title}`, async function () {
      const msg = await output(sim(), opNode('symphony-allowed-file-types', actAs), { topic: 'keep' });
      assert.ok(Array.isArray(msg.payload));
      assert.ok((msg.payload as string[]).includes('.pdf'));
      assert.equal(msg.topic, 'keep');
      assert.equal(sim().count('GET', '/pod/v1/files/allowedTypes'), 1);
    });

    it(`list URI protocols ${title}`, async function () {
      const msg = await output(sim(), opNode('symphony-uri-protocols', actAs));
      assert.ok((msg.payload as string[]).includes('mailto'));
      assert.equal(sim().count('GET', '/pod/v1/admin/system/protocols/list'), 1);
    });
  }
});

describe('pod nodes: message suppression and message status', function () {
  const sim = useSimulator();

  it('the bot suppresses a message: the store marks it, a second suppression answers suppressionDate 0', async function () {
    const sent = await output(sim(), sendToDesk(asUser('alice')), { payload: 'to be hidden' });
    const messageId = (sent.payload as { messageId: string }).messageId;

    const first = await output(sim(), opNode('symphony-message-suppress'), { messageId });
    const result = first.payload as Suppression;
    assert.equal(result.messageId, messageId);
    assert.equal(result.suppressed, true);
    assert.ok(result.suppressionDate > 0);
    const stored = sim().state.messages.get(DESK_ROOM_ID)!.find((m) => m.messageId === messageId);
    assert.equal(stored?.suppressedAt, result.suppressionDate, 'the simulator\'s message store marks it suppressed');

    const again = await output(sim(), opNode('symphony-message-suppress'), { messageId });
    assert.deepEqual(again.payload, { messageId, suppressed: true, suppressionDate: 0 });
  });

  it('on behalf of a user: their own message may be suppressed, someone else\'s is a 403', async function () {
    const own = await output(sim(), sendToDesk(asUser('bob')), { payload: 'oops' });
    const ownId = (own.payload as { messageId: string }).messageId;
    const done = await output(sim(), opNode('symphony-message-suppress', asUser('bob')), { messageId: ownId });
    assert.equal((done.payload as Suppression).suppressed, true);

    const others = await output(sim(), sendToDesk(), { payload: 'from the bot' });
    const othersId = (others.payload as { messageId: string }).messageId;
    const caught = await failure(sim(), opNode('symphony-message-suppress', asUser('bob')), { messageId: othersId });
    assert.equal(caught.error!.code, 'HTTP_403');
    assert.match(String(caught.error!.cause!.symphonyMessage), /may only suppress their own messages/);
    assert.equal(sim().state.messages.get(DESK_ROOM_ID)!.find((m) => m.messageId === othersId)?.suppressedAt, undefined);
  });

  it('a standard base64 message id is made URL-safe; an unknown one is a 400; a missing one never reaches the pod', async function () {
    const sent = await output(sim(), sendToDesk(), { payload: 'id check' });
    const urlSafe = (sent.payload as { messageId: string }).messageId;
    const standard = `${urlSafe.replace(/-/g, '+').replace(/_/g, '/')}==`;
    const msg = await output(sim(), opNode('symphony-message-suppress'), { messageId: standard });
    assert.equal((msg.payload as Suppression).messageId, urlSafe);
    assert.equal(sim().requests.at(-1)!.path, `/pod/v1/admin/messagesuppression/${urlSafe}/suppress`);

    const unknown = await failure(sim(), opNode('symphony-message-suppress'), { messageId: 'bm90LWEtbWVzc2FnZQ' });
    assert.equal(unknown.error!.cause!.status, 400);
    assert.match(String(unknown.error!.cause!.symphonyMessage), /is not a known message/);

    sim().clearRequests();
    for (const type of ['symphony-message-suppress', 'symphony-message-status']) {
      assert.equal((await failure(sim(), opNode(type), {})).error!.cause!.field, 'messageId', type);
    }
    assert.equal(apiRequests(sim()), 0);
  });

  it('message status: the author and the members it was sent to; after suppression, sent is empty', async function () {
    const sent = await output(sim(), sendToDesk(), { payload: 'status please' });
    const messageId = (sent.payload as { messageId: string }).messageId;

    const msg = await output(sim(), opNode('symphony-message-status', { messageId, messageIdType: 'str' }));
    const status = msg.payload as MessageStatus;
    assert.equal(status.author.userId, String(BOT.id), 'user ids are strings, as the spec types them');
    assert.equal(status.author.userName, BOT.username);
    assert.deepEqual(status.sent.map((u) => u.userId).sort(), [alice.id, bob.id, carol.id].map(String).sort());
    assert.deepEqual([status.read, status.delivered], [[], []]);

    await output(sim(), opNode('symphony-message-suppress'), { messageId });
    const after = await output(sim(), opNode('symphony-message-status'), { messageId });
    assert.deepEqual((after.payload as MessageStatus).sent, []);
  });

  it('message status: a conversation the bot is not in is a 403, an unknown message a 404', async function () {
    const im = await output(sim(), opNode('symphony-im-create', { userIds: String(carol.id), userIdsType: 'str', ...asUser('alice') }));
    const imId = (im.payload as { id: string }).id;
    const sent = await output(sim(), opNode('symphony-message-send', { streamId: imId, streamIdType: 'str', message: 'private', messageType: 'str', ...asUser('alice') }));
    const messageId = (sent.payload as { messageId: string }).messageId;

    const forbidden = await failure(sim(), opNode('symphony-message-status'), { messageId });
    assert.equal(forbidden.error!.code, 'HTTP_403');
    const unknown = await failure(sim(), opNode('symphony-message-status'), { messageId: 'bm90LWEtbWVzc2FnZQ' });
    assert.equal(unknown.error!.code, 'HTTP_404');
    assert.match(String(unknown.error!.cause!.symphonyMessage), /does not exist/);
  });
});
