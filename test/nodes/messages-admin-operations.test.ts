import assert from 'node:assert/strict';
import { useSimulator, type Msg } from '../helpers/flow';
import { BOT, DESK_ROOM_ID, USERS } from '../helpers/simulator';
import { allPages, caught, out, perItem, set } from '../helpers/users-flow';

interface DetailJson { messageId: string; creator: { id: number; name: string }; stream: { id: string; streamType: string }; readReceiptCount: number; downloadReceiptCounts: Array<{ fileName: string }> }
interface ReceiptsJson { MessageReceiptDetail: Array<{ user: { id: number; username: string } }>; pagination: { cursors: { before: string; after?: string } } }
interface MessageJson { messageId: string; parsed: { text: string } }
const payload = <T>(msg: Msg): T => msg.payload as T;
const OTHERS = [USERS.alice.id, USERS.bob.id, USERS.carol.id];

describe('message administration and search nodes', function () {
  const sim = useSimulator();
  let ratesId = '';
  let helloId = '';

  before(async function () {
    const send = async (message: string): Promise<string> =>
      payload<{ messageId: string }>(await out(sim(), 'symphony-message-send', {}, { streamId: DESK_ROOM_ID, message })).messageId;
    ratesId = await send('EUR rates are up this morning');
    helloId = await send('hello desk');
  });

  it('message details: sender, stream and counts of several messages; an unknown id is Symphony\'s 404', async function () {
    const details = payload<DetailJson[]>(await out(sim(), 'symphony-admin-messages-details', set({ messageIds: `${ratesId},${helloId}` })));
    assert.deepEqual(details.map((d) => d.messageId), [ratesId, helloId]);
    assert.deepEqual(details[0]!.creator, { id: BOT.id, name: BOT.displayName });
    assert.deepEqual(details[0]!.stream.id, DESK_ROOM_ID);
    assert.equal(details[0]!.stream.streamType, 'ROOM');
    assert.equal(details[0]!.readReceiptCount, 0, 'nobody has read it, as message status says');
    const unknown = await caught(sim(), 'symphony-admin-messages-details', set({ messageIds: 'nosuchmessageXXXXXXXXXXXXXXXXXXXXXX' }));
    assert.equal(unknown.error!.cause!.status, 404);
  });

  it('message receipts: one page with its cursor, then every page, one msg per recipient', async function () {
    const first = payload<ReceiptsJson>(await out(sim(), 'symphony-admin-message-receipts', {}, { messageId: ratesId }));
    assert.equal(first.MessageReceiptDetail.length, 2);
    assert.ok(first.pagination.cursors.after);
    const next = payload<ReceiptsJson>(await out(sim(), 'symphony-admin-message-receipts', {}, { messageId: ratesId, after: first.pagination.cursors.after }));
    assert.equal(next.pagination.cursors.after, undefined, 'the last page');

    sim().clearRequests();
    const all = payload<Array<{ user: { id: number } }>>(await out(sim(), 'symphony-admin-message-receipts', allPages(100), { messageId: ratesId }));
    assert.deepEqual(all.map((r) => r.user.id).sort((a, b) => a - b), OTHERS);
    assert.equal(sim().count('GET', `/pod/v1/admin/messages/${ratesId}/receipts`), 2);
    const capped = await out(sim(), 'symphony-admin-message-receipts', allPages(1), { messageId: ratesId });
    assert.deepEqual(capped.paging, { items: 1, truncated: true });
    const msgs = await perItem(sim(), 'symphony-admin-message-receipts', allPages(100), 3, { messageId: ratesId });
    assert.deepEqual(msgs.map((m) => payload<{ user: { id: number } }>(m).user.id).sort((a, b) => a - b), OTHERS);
  });

  it('message relationships: a message of the simulator answers and forwards nothing', async function () {
    const related = payload(await out(sim(), 'symphony-admin-message-relationships', {}, { messageId: ratesId }));
    assert.deepEqual(related, { messageId: ratesId, replies: [], forwards: [], formReplies: [] });
  });

  it('search by query text: the same criteria as search messages; nothing found is an empty list', async function () {
    const found = payload<MessageJson[]>(await out(sim(), 'symphony-message-search-query', set({ query: `text:rates AND streamId:${DESK_ROOM_ID}` })));
    assert.deepEqual(found.map((m) => m.messageId), [ratesId]);
    assert.equal(found[0]!.parsed.text, 'EUR rates are up this morning');
    const all = payload<MessageJson[]>(await out(sim(), 'symphony-message-search-query', { ...set({ query: `author:${BOT.id}`, limit: 1 }), ...allPages(10) }));
    assert.deepEqual(all.map((m) => m.messageId), [helloId, ratesId], 'newest first, one per request');
    assert.deepEqual(payload(await out(sim(), 'symphony-message-search-query', set({ query: 'cashtag:NOSUCHTICKER' }))), []);
    const malformed = await caught(sim(), 'symphony-message-search-query', set({ query: 'rates' }));
    assert.equal(malformed.error!.cause!.status, 400);
  });

  it('semantic search: best match first, in one stream or all of the bot\'s', async function () {
    const found = payload<MessageJson[]>(await out(sim(), 'symphony-message-search-semantic', set({ text: 'morning rates for EUR', streamId: DESK_ROOM_ID })));
    assert.equal(found[0]!.messageId, ratesId);
    assert.ok(!found.some((m) => m.messageId === helloId));
    assert.deepEqual(payload(await out(sim(), 'symphony-message-search-semantic', set({ text: 'zebra' }))), []);
    const blank = await caught(sim(), 'symphony-message-search-semantic', {}, { text: '' });
    assert.equal(blank.error!.cause!.field, 'text');
  });
});

describe('message administration nodes: a bot without Content Management', function () {
  const sim = useSimulator();

  it('each reaches Catch with Symphony\'s 403 naming the roles it needs', async function () {
    const sent = payload<{ messageId: string }>(await out(sim(), 'symphony-message-send', {}, { streamId: DESK_ROOM_ID, message: 'x' }));
    await out(sim(), 'symphony-user-role-remove', set({ roleId: 'CONTENT_MANAGEMENT' }), { userId: BOT.id });
    const calls: Array<[string, Record<string, unknown>]> = [
      ['symphony-admin-messages-details', { messageIds: [sent.messageId] }],
      ['symphony-admin-message-receipts', { messageId: sent.messageId }],
      ['symphony-admin-message-relationships', { messageId: sent.messageId }],
    ];
    for (const [type, msg] of calls) {
      const refused = await caught(sim(), type, {}, { ...msg, topic: type });
      assert.equal(refused.error!.cause!.status, 403, type);
      assert.match(refused.error!.message, /CONTENT_MANAGEMENT/, type);
      assert.equal(refused.topic, type);
    }
  });
});
