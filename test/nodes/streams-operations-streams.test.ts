import assert from 'node:assert/strict';
import type { FlowNode } from '../helpers/flow';
import { helper, useSimulator } from '../helpers/flow';
import { BOT, DESK_ROOM_ID, LIMITED_APP_ID, USERS } from '../helpers/simulator';
import { AS_ALICE, call, callFails, callMany, loadNodes, uniqueRoomName } from '../helpers/streams-nodes';

interface StreamAttributes { id: string; active: boolean; crossPod: boolean; streamType: { type: string }; streamAttributes?: { members: number[] }; roomAttributes?: { name: string } }
interface ImDetail { V1IMAttributes: { pinnedMessageId?: string }; IMSystemInfo: { id: string; creationDate: number; active: boolean } }

const node = (id: string, type: string, props: Record<string, unknown> = {}): FlowNode => ({ id, type: `symphony-${type}`, ...props });
const sendNode = (id = 'send'): FlowNode => node(id, 'message-send', { streamId: '', streamIdType: 'str', message: 'payload', messageType: 'msg' });

describe('streams operations: IMs and stream lists', function () {
  const sim = useSimulator();
  /** The bot's IMs with these users, oldest first, made before the tests. */
  const ims: Record<'alice' | 'bob' | 'carol' | 'frank', string> = { alice: '', bob: '', carol: '', frank: '' };

  before(async function () {
    await loadNodes(sim(), [node('im', 'im-create')]);
    for (const name of Object.keys(ims) as Array<keyof typeof ims>) {
      ims[name] = ((await call('im', { userIds: USERS[name].id })).payload as { id: string }).id;
    }
    await helper.unload();
  });

  describe('IM info and update', function () {
    it('reads an IM, pins one of its messages and unpins it', async function () {
      await loadNodes(sim(), [
        node('info', 'im-info'), sendNode(), node('pin', 'im-update'),
        node('unpin', 'im-update', { attributes: '{"pinnedMessageId":""}', attributesType: 'json' }),
      ]);
      const streamId = ims.bob;
      const info = (await call('info', { streamId })).payload as ImDetail;
      assert.deepEqual(info, { V1IMAttributes: {}, IMSystemInfo: { id: streamId, creationDate: sim().state.streams.get(streamId)!.createdAt, active: true } });

      const messageId = ((await call('send', { streamId, payload: 'pin me' })).payload as { messageId: string }).messageId;
      const pinned = (await call('pin', { streamId, pinnedMessageId: messageId })).payload as ImDetail;
      assert.equal(pinned.V1IMAttributes.pinnedMessageId, messageId);
      assert.equal(((await call('info', { streamId })).payload as ImDetail).V1IMAttributes.pinnedMessageId, messageId, 'IM info sees the pin');

      const unpinned = (await call('unpin', { streamId })).payload as ImDetail;
      assert.deepEqual(unpinned.V1IMAttributes, {});
    });

    it('answers a room id, an unknown id and a foreign message with Symphony\'s 400, and an empty update before any request', async function () {
      await loadNodes(sim(), [node('info', 'im-info'), node('pin', 'im-update')]);
      const room = await callFails('info', { streamId: DESK_ROOM_ID });
      assert.equal(room.error!.cause!.status, 400);
      assert.match(String(room.error!.cause!.symphonyMessage), /not an IM/);
      const unknown = await callFails('info', { streamId: 'bm8tc3VjaC1pbQ' });
      assert.equal(unknown.error!.cause!.status, 400);
      const foreign = await callFails('pin', { streamId: ims.bob, pinnedMessageId: 'bm90LWluLXRoaXMtaW0' });
      assert.equal(foreign.error!.cause!.status, 400);

      sim().clearRequests();
      const empty = await callFails('pin', { streamId: ims.bob });
      assert.equal(empty.error!.cause!.field, 'attributes');
      assert.equal(sim().count('POST', `/pod/v1/im/${ims.bob}/update`), 0);
    });
  });

  describe('list my streams', function () {
    it('answers one page, oldest first', async function () {
      await loadNodes(sim(), [node('list', 'streams-list', { limit: '2', limitType: 'num' })]);
      const page = (await call('list', {})).payload as StreamAttributes[];
      assert.deepEqual(page.map((s) => s.id), [DESK_ROOM_ID, ims.alice]);
      assert.deepEqual(page[0]!.roomAttributes, { name: 'Simulated Trading Desk' });
      assert.deepEqual([...page[1]!.streamAttributes!.members].sort(), [BOT.id, USERS.alice.id].sort());
    });

    it('reads all pages up to the cap, and sends one msg per stream', async function () {
      await loadNodes(sim(), [
        node('capped', 'streams-list', { limit: '2', limitType: 'num', pages: 'all', maxItems: '3' }),
        node('each', 'streams-list', { streamTypes: 'IM', streamTypesType: 'str', pages: 'all', split: 'items' }),
      ]);
      const capped = (await call('capped', {})).payload as StreamAttributes[];
      assert.deepEqual(capped.map((s) => s.id), [DESK_ROOM_ID, ims.alice, ims.bob], 'truncated at the cap');
      assert.equal(sim().count('POST', '/pod/v1/streams/list'), 2);

      const msgs = await callMany('each', {}, 4);
      assert.deepEqual(msgs.map((m) => (m.payload as StreamAttributes).id), [ims.alice, ims.bob, ims.carol, ims.frank]);
      assert.deepEqual(msgs.map((m) => (m.parts as { index: number; count: number })), [0, 1, 2, 3].map((index) => ({ id: msgs[0]!._msgid, index, count: 4, type: 'array', len: 1 })));
    });

    it('leaves deactivated rooms out unless asked', async function () {
      await loadNodes(sim(), [
        node('create', 'room-create'), node('off', 'room-set-active', { active: 'false', activeType: 'bool' }),
        node('active', 'streams-list', { streamTypes: 'ROOM', streamTypesType: 'str' }),
        node('all', 'streams-list', { streamTypes: 'ROOM', streamTypesType: 'str', includeInactiveStreams: 'true', includeInactiveStreamsType: 'bool' }),
      ]);
      const roomId = ((await call('create', { roomName: uniqueRoomName('Closed') })).payload as { roomSystemInfo: { id: string } }).roomSystemInfo.id;
      await call('off', { roomId });
      const active = (await call('active', {})).payload as StreamAttributes[];
      assert.equal(active.some((s) => s.id === roomId), false);
      const all = (await call('all', {})).payload as StreamAttributes[];
      assert.equal(all.find((s) => s.id === roomId)?.active, false);
    });

    it('names an unknown stream type before any request, and needs LIST_USER_STREAMS on behalf of a user', async function () {
      await loadNodes(sim(), [node('list', 'streams-list', { streamTypes: 'IM,CHAT', streamTypesType: 'str' })]);
      const caught = await callFails('list', {});
      assert.equal(caught.error!.cause!.field, 'streamTypes');
      assert.equal(sim().count('POST', '/pod/v1/streams/list'), 0);
      await helper.unload();

      await loadNodes(sim(), [node('list', 'streams-list', AS_ALICE)], { appId: LIMITED_APP_ID });
      const refused = await callFails('list', {});
      assert.equal(refused.error!.cause!.status, 403);
      assert.match(String(refused.error!.cause!.symphonyMessage), /LIST_USER_STREAMS/);
    });
  });

  describe('stream info', function () {
    it('reads an IM and a room as the bot, and answers an unknown id with 400', async function () {
      await loadNodes(sim(), [node('info', 'stream-info')]);
      const im = (await call('info', { streamId: ims.carol })).payload as StreamAttributes & { origin: string };
      assert.equal(im.streamType.type, 'IM');
      assert.equal(im.origin, 'INTERNAL');
      assert.deepEqual([...im.streamAttributes!.members].sort(), [BOT.id, USERS.carol.id].sort());
      const room = (await call('info', { streamId: DESK_ROOM_ID })).payload as StreamAttributes;
      assert.deepEqual(room.roomAttributes, { name: 'Simulated Trading Desk' });
      const caught = await callFails('info', { streamId: 'bm8tc3VjaC1zdHJlYW0' });
      assert.equal(caught.error!.cause!.status, 400);
    });

    it('reads a stream on behalf of a member (OBO, SEND_MESSAGES as the deprecated v1 row), and refuses a non-member (403)', async function () {
      await loadNodes(sim(), [node('info', 'stream-info', AS_ALICE)]);
      const desk = (await call('info', { streamId: DESK_ROOM_ID })).payload as StreamAttributes;
      assert.equal(desk.id, DESK_ROOM_ID);
      assert.equal(sim().count('GET', `/pod/v2/streams/${DESK_ROOM_ID}/info`), 1);
      const notHers = await callFails('info', { streamId: ims.bob });
      assert.equal(notHers.error!.cause!.status, 403);
    });

    it('still serves the deprecated v1 path on behalf of a user (SEND_MESSAGES), through the generic API node', async function () {
      await loadNodes(sim(), [node('api', 'api', { ...AS_ALICE, method: 'GET', methodType: 'str', path: `/pod/v1/streams/${DESK_ROOM_ID}/info`, pathType: 'str' })]);
      const info = (await call('api', {})).payload as StreamAttributes;
      assert.deepEqual(info, {
        id: DESK_ROOM_ID, crossPod: false, active: true, streamType: { type: 'ROOM' }, roomAttributes: { name: 'Simulated Trading Desk' },
      });
    });
  });

  describe('list stream attachments', function () {
    it('lists the files sent with send message, oldest or newest first', async function () {
      await loadNodes(sim(), [
        sendNode(), node('files', 'stream-attachments'),
        node('newest', 'stream-attachments', { sortDir: 'DESC', sortDirType: 'str', limit: '1', limitType: 'num' }),
      ]);
      const streamId = ims.alice;
      await call('send', { streamId, payload: 'report', attachments: { name: 'report.csv', content: Buffer.from('a,b\n1,2\n'), contentType: 'text/csv' } });
      const sent = (await call('send', { streamId, payload: 'chart', attachments: [{ name: 'chart.png', content: Buffer.from('png') }] })).payload as { messageId: string };

      const files = (await call('files', { streamId })).payload as Array<Record<string, unknown>>;
      assert.deepEqual(files.map((f) => [f.name, f.size, f.userId]), [['report.csv', 8, BOT.id], ['chart.png', 3, BOT.id]]);
      assert.equal(files[0]!['content-type'], 'text/csv');
      const newest = (await call('newest', { streamId })).payload as Array<Record<string, unknown>>;
      assert.deepEqual(newest.map((f) => f.messageId), [sent.messageId]);
      const later = (await call('files', { streamId, since: Date.now() + 60_000 })).payload as unknown[];
      assert.deepEqual(later, []);
    });

    it('refuses a stream the bot is not in (403), and an unknown order before any request', async function () {
      await loadNodes(sim(), [node('create', 'room-create', AS_ALICE), node('files', 'stream-attachments')]);
      const roomId = ((await call('create', { roomName: uniqueRoomName('Alice files') })).payload as { roomSystemInfo: { id: string } }).roomSystemInfo.id;
      const refused = await callFails('files', { streamId: roomId });
      assert.equal(refused.error!.cause!.status, 403);
      const bad = await callFails('files', { streamId: roomId, sortDir: 'SIDEWAYS' });
      assert.equal(bad.error!.cause!.field, 'sortDir');
    });
  });
});
