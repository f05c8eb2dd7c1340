import assert from 'node:assert/strict';
import { useSimulator } from '../helpers/flow';
import { asUser, expectCaught, expectOut, runNode } from '../helpers/signals-flow';
import { BOT, DESK_ROOM_ID, USERS } from '../helpers/simulator';

interface V4MessageJson { messageId: string; message: string; user: { userId: number }; stream: { streamId: string }; attachments: Array<{ id: string; name: string; size: number }> }
interface BlastResult { messages: V4MessageJson[]; errors: Record<string, { code: number; message: string }> }

const ARTICLE = {
  title: 'ECB holds rates', articleUrl: 'https://news.example/ecb?a=1&b=2', author: 'Jane Doe', publisher: 'Example News', appId: 'news-app',
};
/** The message field as a new node has it: msg.payload. */
const FROM_PAYLOAD = { message: 'payload', messageType: 'msg' };
/** Node fields set in the node (str). */
function strFields(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).flatMap(([name, value]) => [[name, value], [`${name}Type`, 'str']]));
}

describe('message nodes: share article, blast message', function () {
  const sim = useSimulator();
  const history = (streamId: string): Array<{ messageId: string; userId: number; messageML: string; data: string }> => sim().state.messages.get(streamId) ?? [];

  /** A new IM between the bot and erin, which alice is not in. */
  function botImWithErin(): string {
    const id = `im${'x'.repeat(30)}${sim().state.streams.size}`;
    sim().state.streams.set(id, { id, type: 'IM', members: [BOT.id, USERS.erin.id], createdBy: BOT.id, createdAt: Date.now(), active: true });
    sim().state.messages.set(id, []);
    return id;
  }

  describe('share article', function () {
    it('shares as the bot: the article becomes a message in the stream', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-content-share', strFields({ ...ARTICLE, comment: 'Worth a read' }), { streamId: DESK_ROOM_ID, topic: 'keep' }));
      const shared = msg.payload as Record<string, unknown>;
      assert.equal(msg.topic, 'keep');
      assert.equal(shared.v2messageType, 'V2Message');
      assert.equal(shared.streamId, DESK_ROOM_ID);
      assert.equal(shared.fromUserId, BOT.id);
      assert.match(String(shared.timestamp), /^\d+$/);
      assert.equal(shared.message, '<messageML>Worth a read<br/><a href="https://news.example/ecb?a=1&amp;b=2">ECB holds rates</a></messageML>');
      const stored = history(DESK_ROOM_ID).at(-1)!;
      assert.equal(stored.messageId, shared.id, 'a following read of the stream sees the message');
      assert.deepEqual(JSON.parse(stored.data).article, {
        type: 'com.symphony.sharing.article', version: '1.0', ...ARTICLE, message: 'Worth a read',
      });
    });

    it('shares on behalf of a user, with every field from the article JSON', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-content-share', asUser('alice'), {
        streamId: DESK_ROOM_ID, article: { ...ARTICLE, articleUrl: undefined, articleId: 'ecb-1', subTitle: 'No change', summary: 'Rates unchanged' },
      }));
      assert.equal((msg.payload as { fromUserId: number }).fromUserId, USERS.alice.id);
      assert.equal((msg.payload as { message: string }).message, '<messageML><b>ECB holds rates</b><br/>Rates unchanged</messageML>');
      assert.equal(JSON.parse(history(DESK_ROOM_ID).at(-1)!.data).article.subTitle, 'No change');
    });

    it('names a missing title, or a missing URL and id, before any request', async function () {
      const noTitle = await expectCaught(runNode(sim(), 'symphony-content-share', strFields({ ...ARTICLE, title: '' }), { streamId: DESK_ROOM_ID }));
      assert.equal(noTitle.error!.code, 'INVALID_INPUT');
      assert.equal(noTitle.error!.cause!.field, 'title');
      const noLink = await expectCaught(runNode(sim(), 'symphony-content-share', strFields({ ...ARTICLE, articleUrl: '' }), { streamId: DESK_ROOM_ID }));
      assert.equal(noLink.error!.cause!.field, 'articleUrl|articleId');
      assert.equal(sim().count('POST', '/agent/v3/stream/*'), 0);
    });

    it('refuses a stream the user is not a member of (403) and an unknown stream (400)', async function () {
      const notMember = await expectCaught(runNode(sim(), 'symphony-content-share', { ...asUser('frank'), ...strFields(ARTICLE) }, { streamId: DESK_ROOM_ID }));
      assert.equal(notMember.error!.cause!.status, 403);
      assert.match(String(notMember.error!.cause!.symphonyMessage), /frank is not a member/);
      const unknown = await expectCaught(runNode(sim(), 'symphony-content-share', strFields(ARTICLE), { streamId: 'unknownStreamId' }));
      assert.equal(unknown.error!.cause!.status, 400);
      assert.equal(unknown.error!.cause!.symphonyMessage, 'Stream unknownStreamId not found');
    });
  });

  describe('blast message', function () {
    it('sends one message per stream as the bot; a stream it cannot reach is listed in errors', async function () {
      const im = botImWithErin();
      // The room id in standard base64, as some UIs show it: the node makes it URL-safe.
      const roomStandard = DESK_ROOM_ID.replace(/_/g, '/');
      const msg = await expectOut(runNode(sim(), 'symphony-message-blast', { ...FROM_PAYLOAD, format: 'text' }, {
        streamIds: `${roomStandard}, ${im}, unknownStreamId`, payload: 'Markets open in 5 minutes: EUR < USD',
      }));
      const result = msg.payload as BlastResult;
      assert.deepEqual(result.messages.map((m) => m.stream.streamId), [DESK_ROOM_ID, im]);
      assert.deepEqual(result.errors, { unknownStreamId: { code: 400, message: 'Stream unknownStreamId not found' } });
      for (const sent of result.messages) {
        assert.equal(sent.user.userId, BOT.id);
        assert.match(sent.message, /Markets open in 5 minutes: EUR &lt; USD/);
      }
      assert.equal(history(DESK_ROOM_ID).at(-1)!.messageId, result.messages[0]!.messageId);
      assert.equal(history(im).at(-1)!.messageId, result.messages[1]!.messageId);
      assert.equal(sim().count('POST', '/agent/v4/message/blast'), 1, 'one request for all streams');
    });

    it('blasts on behalf of a user: sent as that user, streams they are not in are errors', async function () {
      const im = botImWithErin();
      const msg = await expectOut(runNode(sim(), 'symphony-message-blast', { ...FROM_PAYLOAD, ...asUser('alice') }, { streamIds: [DESK_ROOM_ID, im], payload: '<messageML>Hi <b>all</b></messageML>' }));
      const result = msg.payload as BlastResult;
      assert.deepEqual(result.messages.map((m) => [m.stream.streamId, m.user.userId]), [[DESK_ROOM_ID, USERS.alice.id]]);
      assert.equal(result.errors[im]?.code, 403);
      assert.equal(history(im).length, 0);
    });

    it('attaches the files to every copy, each with its own attachment id', async function () {
      const im = botImWithErin();
      const msg = await expectOut(runNode(sim(), 'symphony-message-blast', FROM_PAYLOAD, {
        streamIds: [DESK_ROOM_ID, im], payload: 'report', attachments: { name: 'report.csv', content: Buffer.from('a,b\n1,2\n') },
      }));
      const [first, second] = (msg.payload as BlastResult).messages;
      assert.deepEqual([first!.attachments[0]!.name, first!.attachments[0]!.size], ['report.csv', 8]);
      assert.equal(second!.attachments[0]!.name, 'report.csv');
      assert.notEqual(first!.attachments[0]!.id, second!.attachments[0]!.id);
    });

    it('refuses attachments from a user without the file entitlement (403): nothing is sent', async function () {
      const before = history(DESK_ROOM_ID).length;
      const caught = await expectCaught(runNode(sim(), 'symphony-message-blast', { ...FROM_PAYLOAD, ...asUser('frank') }, {
        streamIds: [DESK_ROOM_ID], payload: 'x', attachments: { name: 'a.txt', content: 'a' },
      }));
      assert.equal(caught.error!.cause!.status, 403);
      assert.match(String(caught.error!.cause!.symphonyMessage), /may not send files/);
      assert.equal(history(DESK_ROOM_ID).length, before);
    });

    it('names malformed MessageML, and more than 100 streams, before any request', async function () {
      const malformed = await expectCaught(runNode(sim(), 'symphony-message-blast', FROM_PAYLOAD, { streamIds: [DESK_ROOM_ID], payload: '<messageML>Hi <b>there</messageML>' }));
      assert.equal(malformed.error!.cause!.field, 'message');
      assert.match(malformed.error!.message, /^message: MessageML is not well-formed/);
      const tooMany = await expectCaught(runNode(sim(), 'symphony-message-blast', FROM_PAYLOAD, { streamIds: Array.from({ length: 101 }, (_, i) => `stream${i}`), payload: 'x' }));
      assert.equal(tooMany.error!.cause!.field, 'streamIds');
      const none = await expectCaught(runNode(sim(), 'symphony-message-blast', FROM_PAYLOAD, { payload: 'x' }));
      assert.equal(none.error!.cause!.field, 'streamIds');
      assert.equal(sim().count('POST', '/agent/v4/message/blast'), 0);
    });
  });
});
