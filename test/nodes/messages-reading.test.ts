import assert from 'node:assert/strict';
import type { ParsedMessage } from '../../nodes/runtime/messages/message-text';
import type { V4MessageJson } from '../../simulator/api/views';
import { CONFIG_ID, configNode, loadFlow, nextMessage, send, useSimulator } from '../helpers/flow';
import { fields, newRoom, sendMessage } from '../helpers/messages-flow';
import { asUser, expectCaught, expectOut, runNode, runPerItem } from '../helpers/signals-flow';
import { BOT, DESK_ROOM_ID, USERS } from '../helpers/simulator';

type ReadMessage = V4MessageJson & { parsed: ParsedMessage };

const texts = (list: unknown): string[] => (list as ReadMessage[]).map((m) => m.parsed.text);

describe('message nodes: get message and read stream messages', function () {
  const sim = useSimulator();

  describe('get message', function () {
    it('send then get in one flow: the message comes back with its text, mentions and tags read out', async function () {
      await loadFlow([
        configNode(sim()),
        { id: 'send', type: 'symphony-message-send', config: CONFIG_ID, message: 'payload', messageType: 'msg', streamId: DESK_ROOM_ID, streamIdType: 'str', outputProperty: 'sent', wires: [['get']] },
        { id: 'get', type: 'symphony-message-get', config: CONFIG_ID, messageId: 'sent.messageId', messageIdType: 'msg', wires: [['out']] },
        { id: 'out', type: 'helper' },
      ]);
      const done = nextMessage('out');
      send('send', { topic: 'kept', payload: `<messageML>Morning <mention uid="${USERS.alice.id}"/>, <hash tag="fx"/> <cash tag="EURUSD"/> at 1.08<br/>Thanks</messageML>` });
      const msg = await done;
      const sent = msg.sent as V4MessageJson;
      const got = msg.payload as ReadMessage;
      assert.equal(msg.topic, 'kept', 'the rest of msg passes through');
      assert.equal(got.messageId, sent.messageId);
      assert.equal(got.message, sent.message);
      assert.equal(got.user.userId, BOT.id);
      assert.equal(got.stream.streamId, DESK_ROOM_ID);
      assert.deepEqual(got.parsed, {
        text: `Morning @${USERS.alice.displayName}, #fx $EURUSD at 1.08\nThanks`,
        mentions: [{ id: USERS.alice.id, name: USERS.alice.displayName }],
        hashtags: ['fx'],
        cashtags: ['EURUSD'],
      });
    });

    it('an unknown message id is a 400 with Symphony\'s message at Catch', async function () {
      const caught = await expectCaught(runNode(sim(), 'symphony-message-get', {}, { messageId: 'noSuchMessage' }));
      assert.equal(caught.error!.cause!.status, 400);
      assert.equal(caught.error!.cause!.symphonyMessage, 'Message noSuchMessage not found');
    });

    it('a message of a conversation the bot is not in is a 403', async function () {
      const im = await expectOut(runNode(sim(), 'symphony-im-create', asUser('alice'), { userIds: [USERS.bob.id] }));
      const imId = (im.payload as { id: string }).id;
      const secret = await sendMessage(sim(), imId, 'between us', asUser('alice'));
      const caught = await expectCaught(runNode(sim(), 'symphony-message-get', {}, { messageId: secret.messageId }));
      assert.equal(caught.error!.cause!.status, 403);
      assert.match(String(caught.error!.cause!.symphonyMessage), /is not a member/);
    });

    it('a missing message id is named before any request', async function () {
      const caught = await expectCaught(runNode(sim(), 'symphony-message-get', {}, {}));
      assert.equal(caught.error!.cause!.field, 'messageId');
      assert.equal(sim().count('GET', '/agent/v1/message/'), 0);
    });
  });

  describe('read stream messages', function () {
    let room: string;
    const sent: string[] = [];
    let firstAt = 0;

    before(async function () {
      room = await newRoom(sim(), 'Since');
      for (let i = 1; i <= 7; i++) {
        const message = await sendMessage(sim(), room, `update ${i}`);
        if (i === 1) firstAt = message.timestamp;
        sent.push(message.messageId);
      }
    });

    it('one page: oldest first, for the since, skip and limit given', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-message-list', fields({ skip: 1, limit: 3 }), { streamId: room, since: firstAt }));
      assert.deepEqual(texts(msg.payload), ['update 2', 'update 3', 'update 4']);
      assert.equal(msg.paging, undefined, 'one page says nothing about paging');
    });

    it('since and until bound the messages by time', async function () {
      const all = (await expectOut(runNode(sim(), 'symphony-message-list', {}, { streamId: room, since: firstAt }))).payload as ReadMessage[];
      const third = all[2]!;
      const msg = await expectOut(runNode(sim(), 'symphony-message-list', fields({ until: third.timestamp }), { streamId: room, since: third.timestamp }));
      assert.ok((msg.payload as ReadMessage[]).every((m) => m.timestamp === third.timestamp));
      assert.ok(texts(msg.payload).includes('update 3'));
    });

    it('all pages up to a cap: stops at the cap and says the list was cut', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-message-list', { ...fields({ limit: 2 }), pages: 'all', maxItems: 5 }, { streamId: room, since: 0 }));
      assert.deepEqual(texts(msg.payload), ['update 1', 'update 2', 'update 3', 'update 4', 'update 5']);
      assert.deepEqual(msg.paging, { items: 5, truncated: true });
      const pages = sim().requests.filter((r) => r.path === `/agent/v4/stream/${room}/message`).map((r) => Object.fromEntries(new URLSearchParams(r.query)));
      assert.deepEqual(pages, [{ since: '0', skip: '0', limit: '2' }, { since: '0', skip: '2', limit: '2' }, { since: '0', skip: '4', limit: '1' }]);
    });

    it('all pages: every message, the last page ending the list', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-message-list', { ...fields({ limit: 3 }), pages: 'all' }, { streamId: room, since: 0 }));
      assert.deepEqual((msg.payload as ReadMessage[]).map((m) => m.messageId), sent);
      assert.deepEqual(msg.paging, { items: 7, truncated: false });
    });

    it('one msg per message, with msg.parts', async function () {
      const msgs = await runPerItem(sim(), 'symphony-message-list', { pages: 'all', split: 'items' }, 7, { streamId: room, since: 0 });
      assert.deepEqual(msgs.map((m) => (m.payload as ReadMessage).parsed.text), sent.map((_id, i) => `update ${i + 1}`));
      assert.deepEqual(msgs.map((m) => (m.parts as { index: number }).index), [0, 1, 2, 3, 4, 5, 6]);
      assert.equal((msgs[6]!.parts as { count: number }).count, 7);
    });

    it('no messages since then: an empty list', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-message-list', {}, { streamId: room, since: Date.now() + 3_600_000 }));
      assert.deepEqual(msg.payload, []);
    });

    it('a missing since is named before any request; a limit above 500 too', async function () {
      const noSince = await expectCaught(runNode(sim(), 'symphony-message-list', {}, { streamId: room }));
      assert.equal(noSince.error!.cause!.field, 'since');
      const tooMany = await expectCaught(runNode(sim(), 'symphony-message-list', fields({ limit: 501 }), { streamId: room, since: 0 }));
      assert.equal(tooMany.error!.cause!.field, 'limit');
      assert.equal(sim().count('GET', `/agent/v4/stream/${room}/message`), 0);
    });

    it('an unknown stream is a 400, a stream the bot is not in a 403', async function () {
      const unknown = await expectCaught(runNode(sim(), 'symphony-message-list', {}, { streamId: 'noSuchStream', since: 0 }));
      assert.equal(unknown.error!.cause!.status, 400);
      assert.equal(unknown.error!.cause!.symphonyMessage, 'Stream noSuchStream not found');
      const im = await expectOut(runNode(sim(), 'symphony-im-create', asUser('carol'), { userIds: [USERS.bob.id] }));
      const outsider = await expectCaught(runNode(sim(), 'symphony-message-list', {}, { streamId: (im.payload as { id: string }).id, since: 0 }));
      assert.equal(outsider.error!.cause!.status, 403);
    });
  });
});
