import assert from 'node:assert/strict';
import type { ParsedMessage } from '../../nodes/runtime/messages/message-text';
import type { V4MessageJson } from '../../simulator/api/views';
import { useSimulator } from '../helpers/flow';
import { fields, newRoom, sendMessage } from '../helpers/messages-flow';
import { asUser, expectCaught, expectOut, runNode, runPerItem } from '../helpers/signals-flow';
import { USERS } from '../helpers/simulator';

type ReadMessage = V4MessageJson & { parsed: ParsedMessage };

const texts = (list: unknown): string[] => (list as ReadMessage[]).map((m) => m.parsed.text);
const ml = (inner: string): string => `<messageML>${inner}</messageML>`;

describe('message nodes: search messages', function () {
  const sim = useSimulator();
  let room: string;
  /** The #fx messages, oldest first. */
  const fx = ['#fx EURUSD breaks 1.09', `Hi @${USERS.alice.displayName} see #fx $GBPUSD`, '#fx tick 1', '#fx tick 2', '#fx tick 3', '#fx tick 4'];

  before(async function () {
    room = await newRoom(sim(), 'Search', [USERS.alice.id]);
    await sendMessage(sim(), room, ml('<hash tag="fx"/> EURUSD breaks 1.09'));
    await sendMessage(sim(), room, ml('<hash tag="rates"/> ECB holds <cash tag="EURUSD"/>'), asUser('alice'));
    await sendMessage(sim(), room, ml(`Hi <mention uid="${USERS.alice.id}"/> see <hash tag="fx"/> <cash tag="GBPUSD"/>`));
    await sendMessage(sim(), room, 'plain words about lunch', asUser('alice'));
    for (let i = 1; i <= 4; i++) await sendMessage(sim(), room, ml(`<hash tag="fx"/> tick ${i}`));
  });

  it('by hashtag in a stream: newest first, each with its parsed text; the msg passes through', async function () {
    const msg = await expectOut(runNode(sim(), 'symphony-message-search', fields({ hashtag: '#fx' }), { streamId: room, topic: 'kept' }));
    assert.deepEqual(texts(msg.payload), [...fx].reverse());
    assert.equal(msg.topic, 'kept');
  });

  it('oldest first with sortDir ASC', async function () {
    const msg = await expectOut(runNode(sim(), 'symphony-message-search', fields({ hashtag: 'fx', sortDir: 'asc' }), { streamId: room }));
    assert.deepEqual(texts(msg.payload), fx);
  });

  it('by cashtag, author, mention and words: every criterion must match', async function () {
    const cashtag = await expectOut(runNode(sim(), 'symphony-message-search', fields({ cashtag: '$EURUSD' }), { streamId: room }));
    assert.deepEqual(texts(cashtag.payload), ['#rates ECB holds $EURUSD']);
    const byAlice = await expectOut(runNode(sim(), 'symphony-message-search', fields({ author: USERS.alice.id }), { streamId: room }));
    assert.deepEqual(texts(byAlice.payload), ['plain words about lunch', '#rates ECB holds $EURUSD']);
    const mentioning = await expectOut(runNode(sim(), 'symphony-message-search', fields({ mention: USERS.alice.id }), { streamId: room }));
    assert.deepEqual(texts(mentioning.payload), [fx[1]]);
    assert.deepEqual((mentioning.payload as ReadMessage[])[0]!.parsed.mentions, [{ id: USERS.alice.id, name: USERS.alice.displayName }]);
    const words = await expectOut(runNode(sim(), 'symphony-message-search', fields({ text: 'lunch PLAIN' }), { streamId: room }));
    assert.deepEqual(texts(words.payload), ['plain words about lunch']);
    const both = await expectOut(runNode(sim(), 'symphony-message-search', fields({ hashtag: 'fx', author: USERS.alice.id }), { streamId: room }));
    assert.deepEqual(both.payload, [], 'no message matches both: an empty list');
  });

  it('criteria from a JSON object complete the fields set on the node, which win', async function () {
    const msg = await expectOut(runNode(sim(), 'symphony-message-search', fields({ hashtag: 'rates' }), {
      query: { hashtag: 'fx', author: String(USERS.alice.id), streamId: room },
    }));
    assert.deepEqual(texts(msg.payload), ['#rates ECB holds $EURUSD'], 'hashtag rates from the node, author and stream from the object');
  });

  it('by date: fromDate on or after, toDate before', async function () {
    const all = (await expectOut(runNode(sim(), 'symphony-message-search', fields({ hashtag: 'fx', sortDir: 'ASC' }), { streamId: room }))).payload as ReadMessage[];
    const from = all[2]!.timestamp;
    const msg = await expectOut(runNode(sim(), 'symphony-message-search', fields({ hashtag: 'fx', sortDir: 'ASC', fromDate: from }), { streamId: room }));
    assert.ok(texts(msg.payload).includes('#fx tick 1'));
    assert.ok(!texts(msg.payload).includes(fx[0]!));
  });

  it('by signal: the messages matching a signal the bot created', async function () {
    const created = await expectOut(runNode(sim(), 'symphony-signal-create', fields({ signalName: 'Rates desk', query: 'hashtag:rates OR cashtag:GBPUSD' })));
    const signalId = (created.payload as { id: string }).id;
    const msg = await expectOut(runNode(sim(), 'symphony-message-search', fields({ signal: signalId, sortDir: 'ASC' })));
    assert.deepEqual(texts(msg.payload), ['#rates ECB holds $EURUSD', fx[1]]);
    const mixed = await expectCaught(runNode(sim(), 'symphony-message-search', fields({ signal: signalId, hashtag: 'fx' })));
    assert.equal(mixed.error!.cause!.status, 400);
    assert.equal(mixed.error!.cause!.symphonyMessage, 'signal can only be combined with fromDate, toDate, skip and limit');
  });

  describe('paging', function () {
    it('one page: the skip and limit given', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-message-search', fields({ hashtag: 'fx', skip: 1, limit: 2 }), { streamId: room }));
      assert.deepEqual(texts(msg.payload), [...fx].reverse().slice(1, 3));
    });

    it('all pages up to a cap: stops at the cap and says the list was cut', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-message-search', { ...fields({ hashtag: 'fx', limit: 2 }), pages: 'all', maxItems: 5 }, { streamId: room }));
      assert.deepEqual(texts(msg.payload), [...fx].reverse().slice(0, 5));
      assert.deepEqual(msg.paging, { items: 5, truncated: true });
      const pages = sim().requests.filter((r) => r.path === '/agent/v1/message/search').map((r) => Object.fromEntries(new URLSearchParams(r.query)));
      assert.deepEqual(pages, [{ skip: '0', limit: '2' }, { skip: '2', limit: '2' }, { skip: '4', limit: '1' }]);
    });

    it('all pages: every match', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-message-search', { ...fields({ hashtag: 'fx', limit: 4 }), pages: 'all' }, { streamId: room }));
      assert.deepEqual(texts(msg.payload), [...fx].reverse());
      assert.deepEqual(msg.paging, { items: 6, truncated: false });
    });

    it('one msg per message, with msg.parts', async function () {
      const msgs = await runPerItem(sim(), 'symphony-message-search', { ...fields({ hashtag: 'fx' }), pages: 'all', split: 'items' }, 6, { streamId: room });
      assert.deepEqual(msgs.map((m) => (m.payload as ReadMessage).parsed.text), [...fx].reverse());
      assert.deepEqual(msgs.map((m) => (m.parts as { index: number; count: number }).count), [6, 6, 6, 6, 6, 6]);
    });
  });

  describe('bad input', function () {
    it('no criterion, a text without its stream, an unknown query field: named before any request', async function () {
      const none = await expectCaught(runNode(sim(), 'symphony-message-search', {}, {}));
      assert.equal(none.error!.cause!.field, 'query');
      assert.match(none.error!.message, /^query: set at least one search criterion/);
      const text = await expectCaught(runNode(sim(), 'symphony-message-search', fields({ text: 'lunch' })));
      assert.equal(text.error!.cause!.field, 'streamId');
      const unknown = await expectCaught(runNode(sim(), 'symphony-message-search', {}, { query: { hashtags: 'fx' } }));
      assert.equal(unknown.error!.message, 'query: "hashtags" is not a search field: use streamId, text, hashtag, cashtag, author, mention, streamType, fromDate, toDate, signal');
      const badAuthor = await expectCaught(runNode(sim(), 'symphony-message-search', {}, { query: { author: 'alice' } }));
      assert.match(badAuthor.error!.message, /^query: author must be a numeric id/);
      assert.equal(sim().count('POST', '/agent/v1/message/search'), 0);
    });

    it('a stream the bot is not in is a 403; an unknown signal a 400', async function () {
      const im = await expectOut(runNode(sim(), 'symphony-im-create', asUser('alice'), { userIds: [USERS.carol.id] }));
      const outsider = await expectCaught(runNode(sim(), 'symphony-message-search', fields({ hashtag: 'fx' }), { streamId: (im.payload as { id: string }).id }));
      assert.equal(outsider.error!.cause!.status, 403);
      const signal = await expectCaught(runNode(sim(), 'symphony-message-search', fields({ signal: '0123456789abcdef01234567' })));
      assert.equal(signal.error!.cause!.status, 400);
      assert.equal(signal.error!.cause!.symphonyMessage, 'Signal 0123456789abcdef01234567 not found');
    });
  });

  it('the GET form of search (field:value AND field:value) answers the same, through the Symphony API node', async function () {
    const msg = await expectOut(runNode(sim(), 'symphony-api', {}, {
      method: 'GET', path: '/agent/v1/message/search', query: { query: `hashtag:rates AND streamId:${room}`, limit: 5 },
    }));
    assert.deepEqual((msg.payload as V4MessageJson[]).map((m) => m.user.userId), [USERS.alice.id]);
  });
});
