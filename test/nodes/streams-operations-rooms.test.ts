import assert from 'node:assert/strict';
import type { FlowNode } from '../helpers/flow';
import { helper, useSimulator } from '../helpers/flow';
import { BOT, LIMITED_APP_ID, USERS } from '../helpers/simulator';
import { AS_ALICE, call, callFails, callMany, loadNodes, uniqueRoomName } from '../helpers/streams-nodes';

interface RoomDetail {
  roomAttributes: Record<string, unknown> & { name: string };
  roomSystemInfo: { id: string; createdByUserId: number; active: boolean; creationDate: number };
}

const node = (id: string, type: string, props: Record<string, unknown> = {}): FlowNode => ({ id, type: `symphony-${type}`, ...props });

describe('streams operations: rooms', function () {
  const sim = useSimulator();

  describe('create room', function () {
    it('creates a private room as the bot, which room info and the member list then show', async function () {
      await loadNodes(sim(), [node('create', 'room-create'), node('info', 'room-info'), node('members', 'room-members')]);
      const name = uniqueRoomName('FX desk alerts');
      const created = await call('create', { roomName: name, description: 'Rate alerts', topic: 'kept' });
      const room = created.payload as RoomDetail;

      assert.equal(created.topic, 'kept', 'the rest of msg passes through');
      assert.equal(room.roomAttributes.name, name);
      assert.equal(room.roomAttributes.description, 'Rate alerts');
      assert.equal(room.roomAttributes.public, false, 'private unless asked');
      assert.equal(room.roomSystemInfo.createdByUserId, BOT.id);
      assert.equal(room.roomSystemInfo.active, true);
      assert.deepEqual(sim().state.streams.get(room.roomSystemInfo.id)?.members, [BOT.id]);

      const info = await call('info', { roomId: room.roomSystemInfo.id });
      assert.deepEqual(info.payload, room, 'room info reads back what create answered');
      const members = await call('members', { roomId: room.roomSystemInfo.id });
      assert.deepEqual((members.payload as Array<{ id: number; owner: boolean }>).map(({ id, owner }) => ({ id, owner })), [{ id: BOT.id, owner: true }]);
    });

    it('sends the named settings over the advanced attributes, and a public room is open to all', async function () {
      await loadNodes(sim(), [node('create', 'room-create', {
        public: 'true', publicType: 'bool', keywords: '[{"key":"region","value":"EMEA"}]', keywordsType: 'json',
        attributes: '{"copyProtected":true,"public":false}', attributesType: 'json',
      })]);
      const name = uniqueRoomName('EMEA news');
      const room = (await call('create', { roomName: name })).payload as RoomDetail;

      assert.equal(room.roomAttributes.public, true, 'the Public field wins over attributes.public');
      assert.equal(room.roomAttributes.copyProtected, true);
      assert.equal(room.roomAttributes.discoverable, true);
      assert.deepEqual(room.roomAttributes.keywords, [{ key: 'region', value: 'EMEA' }]);
      assert.equal(sim().state.streamDetails.room(sim().state.streams.get(room.roomSystemInfo.id)!).flags.copyProtected, true);
    });

    it('creates the room as alice (OBO): she owns it, search finds it and it is in her streams', async function () {
      await loadNodes(sim(), [
        node('create', 'room-create', AS_ALICE),
        node('search', 'room-search', AS_ALICE),
        node('streams', 'streams-list', { ...AS_ALICE, streamTypes: 'ROOM', streamTypesType: 'str' }),
      ]);
      const name = uniqueRoomName('Alice research');
      const room = (await call('create', { roomName: name })).payload as RoomDetail;
      assert.equal(room.roomSystemInfo.createdByUserId, USERS.alice.id);

      const search = (await call('search', { query: name })).payload as { count: number; rooms: RoomDetail[] };
      assert.equal(search.count, 1);
      assert.equal(search.rooms[0]!.roomSystemInfo.id, room.roomSystemInfo.id);

      const streams = (await call('streams', {})).payload as Array<{ id: string; streamType: { type: string }; roomAttributes?: { name: string } }>;
      const mine = streams.find((s) => s.id === room.roomSystemInfo.id);
      assert.deepEqual(mine?.roomAttributes, { name });
      assert.ok(streams.every((s) => s.streamType.type === 'ROOM'), 'only rooms, as filtered');
      assert.equal(sim().count('POST', '/login/pubkey/app/username/alice/authenticate'), 1, 'one OBO session for alice');
    });

    it('names the missing room name before any request', async function () {
      await loadNodes(sim(), [node('create', 'room-create')]);
      const caught = await callFails('create', { description: 'no name' });
      assert.equal(caught.error!.cause!.field, 'roomName');
      assert.match(caught.error!.message, /^roomName: is required/);
      assert.equal(sim().count('POST', '/pod/v3/room/create'), 0);
    });

    it('reaches Catch with Symphony\'s 400 for a name already taken (case and spaces aside)', async function () {
      await loadNodes(sim(), [node('create', 'room-create')]);
      const name = uniqueRoomName('Taken');
      await call('create', { roomName: name });
      const caught = await callFails('create', { roomName: name.toUpperCase().replace(/ /g, '  ') });
      assert.equal(caught.error!.code, 'HTTP_400');
      assert.equal(caught.error!.cause!.status, 400);
      assert.match(String(caught.error!.cause!.symphonyMessage), /already exists/);
    });

    it('is refused (403) on behalf of a user when the app lacks MANAGE_ROOMS and CREATE_USER_STREAM', async function () {
      await loadNodes(sim(), [node('create', 'room-create', AS_ALICE)], { appId: LIMITED_APP_ID });
      const caught = await callFails('create', { roomName: uniqueRoomName('Not allowed') });
      assert.equal(caught.error!.cause!.status, 403);
      assert.match(String(caught.error!.cause!.symphonyMessage), /MANAGE_ROOMS or CREATE_USER_STREAM/);
    });
  });

  describe('room info and update', function () {
    it('answers an unknown room id with Symphony\'s 400 at Catch', async function () {
      await loadNodes(sim(), [node('info', 'room-info')]);
      const caught = await callFails('info', { roomId: 'bm90LWEtcmVhbC1yb29t' });
      assert.equal(caught.error!.cause!.status, 400);
      assert.match(String(caught.error!.cause!.symphonyMessage), /not found/);
    });

    it('changes what the owner sets, keeps the rest, and the next room info sees it', async function () {
      await loadNodes(sim(), [
        node('create', 'room-create'), node('update', 'room-update'), node('info', 'room-info'),
      ]);
      const name = uniqueRoomName('Rates');
      const roomId = ((await call('create', { roomName: name, description: 'old' })).payload as RoomDetail).roomSystemInfo.id;
      const updated = (await call('update', { roomId, description: 'Rates and alerts', membersCanInvite: true })).payload as RoomDetail;
      assert.equal(updated.roomAttributes.description, 'Rates and alerts');
      assert.equal(updated.roomAttributes.membersCanInvite, true);
      assert.equal(updated.roomAttributes.name, name, 'unchanged');
      const info = (await call('info', { roomId })).payload as RoomDetail;
      assert.equal(info.roomAttributes.description, 'Rates and alerts');
    });

    it('refuses a non-owner (403), a change of a fixed setting (400), and an empty update before any request', async function () {
      await loadNodes(sim(), [
        node('create', 'room-create'), node('update', 'room-update'), node('alice', 'room-update', AS_ALICE),
      ]);
      const roomId = ((await call('create', { roomName: uniqueRoomName('Owners only') })).payload as RoomDetail).roomSystemInfo.id;

      const notOwner = await callFails('alice', { roomId, description: 'mine now' });
      assert.equal(notOwner.error!.cause!.status, 403);

      const fixed = await callFails('update', { roomId, attributes: { readOnly: true } });
      assert.equal(fixed.error!.cause!.status, 400);
      assert.match(String(fixed.error!.cause!.symphonyMessage), /readOnly cannot be changed/);

      sim().clearRequests();
      const empty = await callFails('update', { roomId });
      assert.equal(empty.error!.cause!.field, 'attributes');
      assert.equal(sim().count('POST', `/pod/v3/room/${roomId}/update`), 0);
    });
  });

  describe('set room active', function () {
    it('deactivates a room, which then refuses messages, and reactivates it', async function () {
      await loadNodes(sim(), [
        node('create', 'room-create'),
        node('off', 'room-set-active', { active: 'false', activeType: 'bool' }),
        node('on', 'room-set-active', { active: 'true', activeType: 'bool' }),
        node('info', 'room-info'),
        node('send', 'message-send', { streamId: 'roomId', streamIdType: 'msg', message: 'hello', messageType: 'str' }),
      ]);
      const roomId = ((await call('create', { roomName: uniqueRoomName('Short lived') })).payload as RoomDetail).roomSystemInfo.id;

      const off = (await call('off', { roomId })).payload as { roomSystemInfo: { active: boolean }; immutableRoomAttributes: { public: boolean } };
      assert.equal(off.roomSystemInfo.active, false);
      assert.equal(off.immutableRoomAttributes.public, false);
      assert.equal(((await call('info', { roomId })).payload as RoomDetail).roomSystemInfo.active, false);

      const refused = await callFails('send', { roomId });
      assert.equal(refused.error!.cause!.status, 403);
      assert.match(String(refused.error!.cause!.symphonyMessage), /not active/);

      await call('on', { roomId });
      const sent = await call('send', { roomId });
      assert.equal((sent.payload as { stream: { streamId: string } }).stream.streamId, roomId);
    });

    it('reads active from msg.active when set to, and needs it', async function () {
      await loadNodes(sim(), [node('create', 'room-create'), node('set', 'room-set-active', { active: 'active', activeType: 'msg' })]);
      const roomId = ((await call('create', { roomName: uniqueRoomName('From msg') })).payload as RoomDetail).roomSystemInfo.id;
      await call('set', { roomId, active: false });
      assert.equal(sim().state.streams.get(roomId)?.active, false);
      const caught = await callFails('set', { roomId });
      assert.equal(caught.error!.cause!.field, 'active');
    });
  });

  describe('search rooms', function () {
    const prefix = `Paging ${process.pid}`;
    const names = [1, 2, 3, 4, 5].map((n) => `${prefix} room ${n}`);

    before(async function () {
      await loadNodes(sim(), [node('create', 'room-create')]);
      for (const roomName of names) await call('create', { roomName, description: 'for paging' });
      await helper.unload();
    });

    it('answers one page as the API does', async function () {
      await loadNodes(sim(), [node('search', 'room-search', { limit: '2', limitType: 'num' })]);
      const page = (await call('search', { query: prefix })).payload as { count: number; skip: number; limit: number; rooms: RoomDetail[] };
      assert.equal(page.count, 5);
      assert.equal(page.limit, 2);
      assert.deepEqual(page.rooms.map((r) => r.roomAttributes.name), names.slice(0, 2));
    });

    it('reads all pages up to the cap', async function () {
      await loadNodes(sim(), [node('search', 'room-search', { limit: '2', limitType: 'num', pages: 'all', maxItems: '3' })]);
      const rooms = (await call('search', { query: prefix })).payload as RoomDetail[];
      assert.deepEqual(rooms.map((r) => r.roomAttributes.name), names.slice(0, 3), 'truncated at the cap');
      assert.equal(sim().count('POST', '/pod/v3/room/search'), 2);
    });

    it('sends one msg per room', async function () {
      await loadNodes(sim(), [node('search', 'room-search', { pages: 'all', split: 'items' })]);
      const msgs = await callMany('search', { query: prefix }, 5);
      assert.deepEqual(msgs.map((m) => (m.payload as RoomDetail).roomAttributes.name), names);
      assert.deepEqual(msgs.map((m) => (m.parts as { index: number; count: number }).index), [0, 1, 2, 3, 4]);
      assert.ok(msgs.every((m) => (m.parts as { count: number }).count === 5));
    });

    it('applies the advanced filters beside the query, and needs the query', async function () {
      await loadNodes(sim(), [node('search', 'room-search', { filters: '{"active":true,"creator":{"id":' + USERS.alice.id + '}}', filtersType: 'json' })]);
      const none = (await call('search', { query: prefix })).payload as { count: number };
      assert.equal(none.count, 0, 'alice created none of them');
      sim().clearRequests();
      const caught = await callFails('search', {});
      assert.equal(caught.error!.cause!.field, 'query');
      assert.equal(sim().count('POST', '/pod/v3/room/search'), 0);
    });
  });
});
