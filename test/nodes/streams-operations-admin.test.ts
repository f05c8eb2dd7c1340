import assert from 'node:assert/strict';
import type { FlowNode } from '../helpers/flow';
import { helper, useSimulator } from '../helpers/flow';
import { keyPair } from '../helpers/keys';
import { BOT, DESK_ROOM_ID, USERS } from '../helpers/simulator';
import { call, callFails, callMany, loadNodes, uniqueRoomName } from '../helpers/streams-nodes';

interface AdminStream { id: string; type: string; isActive: boolean; attributes: { roomName?: string; members?: number[]; membersCount: number; createdByUserId: number } }
interface AdminStreamList { count: number; skip: number; limit: number; streams: AdminStream[] }
interface AdminMember { user: { userId: number; displayName: string; isExternal: boolean }; isOwner: boolean; isCreator: boolean; joinDate: number }
interface AdminMemberList { count: number; skip: number; limit: number; members: AdminMember[] }

const node = (id: string, type: string, props: Record<string, unknown> = {}): FlowNode => ({ id, type: `symphony-${type}`, ...props });

describe('streams operations: admin stream lists', function () {
  const sim = useSimulator();
  const rooms: string[] = [];

  before(async function () {
    await loadNodes(sim(), [node('create', 'room-create'), node('im', 'im-create'), node('off', 'room-set-active', { active: 'false', activeType: 'bool' })]);
    for (const n of [1, 2, 3]) rooms.push(((await call('create', { roomName: uniqueRoomName(`Admin ${n}`) })).payload as { roomSystemInfo: { id: string } }).roomSystemInfo.id);
    await call('off', { roomId: rooms[2] });
    await call('im', { userIds: [USERS.bob.id, USERS.carol.id] });
    await helper.unload();
  });

  describe('list all streams', function () {
    it('answers one page with the total, filtered by type and status', async function () {
      await loadNodes(sim(), [
        node('rooms', 'admin-streams-list', { streamTypes: 'ROOM', streamTypesType: 'str', limit: '2', limitType: 'num' }),
        node('inactive', 'admin-streams-list', { streamStatus: 'INACTIVE', streamStatusType: 'str' }),
        node('mims', 'admin-streams-list', { filters: '{"streamTypes":[{"type":"MIM"}],"origin":"INTERNAL"}', filtersType: 'json' }),
      ]);
      const page = (await call('rooms', {})).payload as AdminStreamList;
      assert.equal(page.count, 4, 'the desk and the three rooms made here');
      assert.deepEqual(page.streams.map((s) => s.id), [DESK_ROOM_ID, rooms[0]]);
      assert.equal(page.streams[0]!.attributes.roomName, 'Simulated Trading Desk');
      assert.equal(page.streams[0]!.attributes.membersCount, 4);

      const inactive = (await call('inactive', {})).payload as AdminStreamList;
      assert.deepEqual(inactive.streams.map((s) => [s.id, s.isActive]), [[rooms[2], false]]);

      const mims = (await call('mims', {})).payload as AdminStreamList;
      assert.equal(mims.count, 1);
      assert.deepEqual([...mims.streams[0]!.attributes.members!].sort(), [BOT.id, USERS.bob.id, USERS.carol.id].sort());
    });

    it('reads all pages up to the cap, and sends one msg per stream', async function () {
      await loadNodes(sim(), [
        node('capped', 'admin-streams-list', { streamTypes: 'ROOM', streamTypesType: 'str', limit: '1', limitType: 'num', pages: 'all', maxItems: '3' }),
        node('each', 'admin-streams-list', { streamTypes: 'ROOM', streamTypesType: 'str', pages: 'all', split: 'items' }),
      ]);
      const capped = (await call('capped', {})).payload as AdminStream[];
      assert.deepEqual(capped.map((s) => s.id), [DESK_ROOM_ID, rooms[0], rooms[1]], 'truncated at the cap');
      assert.equal(sim().count('POST', '/pod/v2/admin/streams/list'), 3);

      const msgs = await callMany('each', {}, 4);
      assert.deepEqual(msgs.map((m) => (m.payload as AdminStream).id), [DESK_ROOM_ID, ...rooms]);
      assert.deepEqual(msgs.map((m) => (m.parts as { index: number }).index), [0, 1, 2, 3]);
    });

    it('refuses a service account without the User Provisioning role (403), and a bad status before any request', async function () {
      sim().registerBot({ username: 'plain-bot', publicKey: keyPair('bot').publicPem });
      await loadNodes(sim(), [node('list', 'admin-streams-list'), node('bad', 'admin-streams-list', { streamStatus: 'CLOSED', streamStatusType: 'str' })], { botUsername: 'plain-bot' });
      const refused = await callFails('list', {});
      assert.equal(refused.error!.cause!.status, 403);
      assert.match(String(refused.error!.cause!.symphonyMessage), /User Provisioning/);
      sim().clearRequests();
      const bad = await callFails('bad', {});
      assert.equal(bad.error!.cause!.field, 'streamStatus');
      assert.equal(sim().count('POST', '/pod/v2/admin/streams/list'), 0);
    });
  });

  describe('list stream members', function () {
    it('lists any stream\'s members with names, owner and creator flags, one page at a time', async function () {
      await loadNodes(sim(), [node('members', 'admin-stream-members', { limit: '2', limitType: 'num' })]);
      const page = (await call('members', { streamId: DESK_ROOM_ID })).payload as AdminMemberList;
      assert.equal(page.count, 4);
      assert.deepEqual(page.members.map((m) => [m.user.userId, m.user.displayName, m.isOwner, m.isCreator]), [
        [BOT.id, 'Demo Bot', true, true], [USERS.alice.id, 'Alice Adams', false, false],
      ]);
    });

    it('reads all pages up to the cap, and sends one msg per member', async function () {
      await loadNodes(sim(), [
        node('capped', 'admin-stream-members', { limit: '2', limitType: 'num', pages: 'all', maxItems: '3' }),
        node('each', 'admin-stream-members', { pages: 'all', split: 'items' }),
      ]);
      const capped = (await call('capped', { streamId: DESK_ROOM_ID })).payload as AdminMember[];
      assert.deepEqual(capped.map((m) => m.user.userId), [BOT.id, USERS.alice.id, USERS.bob.id]);
      const msgs = await callMany('each', { streamId: DESK_ROOM_ID }, 4);
      assert.deepEqual(msgs.map((m) => (m.payload as AdminMember).user.userId), [BOT.id, USERS.alice.id, USERS.bob.id, USERS.carol.id]);
    });

    it('answers an unknown stream with Symphony\'s 400, and a missing id before any request', async function () {
      await loadNodes(sim(), [node('members', 'admin-stream-members')]);
      const unknown = await callFails('members', { streamId: 'bm8tc3VjaC1zdHJlYW0' });
      assert.equal(unknown.error!.cause!.status, 400);
      sim().clearRequests();
      const missing = await callFails('members', {});
      assert.equal(missing.error!.cause!.field, 'streamId');
      assert.equal(sim().count('GET', '/pod/v1/admin/stream/*'), 0);
    });
  });
});
