import assert from 'node:assert/strict';
import { useSimulator, type Msg } from '../helpers/flow';
import { BOT, DESK_ROOM_ID, USERS } from '../helpers/simulator';
import { allPages, caught, onBehalfOf, out, perItem, set } from '../helpers/users-flow';

interface MemberJson { id: number; owner: boolean; joinDate: number }
interface StreamJson { id: string; active: boolean; streamType: { type: string }; roomAttributes?: { name: string }; streamAttributes?: { members: number[] } }
const payload = <T>(msg: Msg): T => msg.payload as T;
const memberIds = (list: MemberJson[]): number[] => list.map((m) => m.id).sort((a, b) => a - b);
const DESK = [BOT, USERS.alice, USERS.bob, USERS.carol].map((u) => u.id).sort((a, b) => a - b);

describe('stream administration nodes', function () {
  const sim = useSimulator();

  it('create IM (admin): a chat between two users without the bot; the same members give the same chat', async function () {
    const im = payload<{ id: string }>(await out(sim(), 'symphony-admin-im-create', set({ userIds: `${USERS.alice.id},${USERS.bob.id}` })));
    const again = payload<{ id: string }>(await out(sim(), 'symphony-admin-im-create', {}, { userIds: [USERS.bob.id, USERS.alice.id, USERS.bob.id] }));
    assert.equal(again.id, im.id);
    assert.deepEqual(sim().state.streams.get(im.id)!.members, [USERS.alice.id, USERS.bob.id]);
    const aliceStreams = payload<StreamJson[]>(await out(sim(), 'symphony-admin-user-streams', set({ streamTypes: 'IM' }), { userId: USERS.alice.id }));
    assert.ok(aliceStreams.some((s) => s.id === im.id), 'alice sees the chat among her streams');
  });

  it('create IM (admin): one user is refused before any request; an external user not connected is Symphony\'s 403', async function () {
    const one = await caught(sim(), 'symphony-admin-im-create', {}, { userIds: [USERS.alice.id] });
    assert.equal(one.error!.cause!.field, 'userIds');
    assert.equal(sim().count('POST', '/pod/v1/admin/im/create'), 0);
    const external = await caught(sim(), 'symphony-admin-im-create', {}, { userIds: [USERS.bob.id, USERS.dave.id] });
    assert.equal(external.error!.cause!.status, 403);
  });

  it('add and remove members of a room the bot is not in; past members on request', async function () {
    const created = payload<{ roomSystemInfo: { id: string } }>(await out(sim(), 'symphony-room-create', { ...onBehalfOf('alice'), ...set({ roomName: 'Alice only' }) }));
    const aliceRoom = created.roomSystemInfo.id;
    await out(sim(), 'symphony-admin-room-member-add', {}, { roomId: aliceRoom, userId: USERS.carol.id });
    const inAliceRoom = payload<MemberJson[]>(await out(sim(), 'symphony-admin-room-members', {}, { roomId: aliceRoom }));
    assert.deepEqual(memberIds(inAliceRoom), [USERS.alice.id, USERS.carol.id]);
    assert.equal(inAliceRoom.find((m) => m.id === USERS.alice.id)!.owner, true);
    await out(sim(), 'symphony-admin-room-member-remove', {}, { roomId: aliceRoom, userId: USERS.carol.id });

    await out(sim(), 'symphony-admin-room-member-add', {}, { roomId: DESK_ROOM_ID, userId: USERS.frank.id });
    let members = payload<MemberJson[]>(await out(sim(), 'symphony-admin-room-members', {}, { roomId: DESK_ROOM_ID }));
    assert.deepEqual(memberIds(members), [...DESK, USERS.frank.id].sort((a, b) => a - b));
    // The non-admin list shows the same room.
    const seen = payload<MemberJson[]>(await out(sim(), 'symphony-room-members', {}, { roomId: DESK_ROOM_ID }));
    assert.deepEqual(memberIds(seen), memberIds(members));

    await out(sim(), 'symphony-admin-room-member-remove', {}, { roomId: DESK_ROOM_ID, userId: USERS.frank.id });
    members = payload<MemberJson[]>(await out(sim(), 'symphony-admin-room-members', {}, { roomId: DESK_ROOM_ID }));
    assert.deepEqual(memberIds(members), DESK);
    const withPast = payload<MemberJson[]>(await out(sim(), 'symphony-admin-room-members', set({ includePastMembers: true }), { roomId: DESK_ROOM_ID }));
    assert.deepEqual(memberIds(withPast), [...DESK, USERS.frank.id].sort((a, b) => a - b));
    assert.equal(withPast.find((m) => m.id === USERS.frank.id)!.owner, false);
  });

  it('deactivate a room: its membership is locked, user stream lists leave it out; reactivate it', async function () {
    const room = payload<{ roomSystemInfo: { active: boolean } }>(await out(sim(), 'symphony-admin-room-set-active', set({ active: false }), { roomId: DESK_ROOM_ID }));
    assert.equal(room.roomSystemInfo.active, false);
    const locked = await caught(sim(), 'symphony-admin-room-member-add', {}, { roomId: DESK_ROOM_ID, userId: USERS.frank.id });
    assert.equal(locked.error!.cause!.status, 403);
    const inactive = payload<StreamJson[]>(await out(sim(), 'symphony-admin-user-streams', set({ streamTypes: 'ROOM' }), { userId: USERS.alice.id }));
    assert.ok(!inactive.some((s) => s.id === DESK_ROOM_ID), 'an inactive room is left out unless asked for');
    const asked = payload<StreamJson[]>(await out(sim(), 'symphony-admin-user-streams', set({ streamTypes: 'ROOM', includeInactiveStreams: true }), { userId: USERS.alice.id }));
    assert.equal(asked.find((s) => s.id === DESK_ROOM_ID)!.active, false);
    await out(sim(), 'symphony-admin-room-set-active', set({ active: true }), { roomId: DESK_ROOM_ID });
  });

  it('an unknown room and an unknown user are Symphony\'s 400', async function () {
    const room = await caught(sim(), 'symphony-admin-room-members', {}, { roomId: 'nosuchroomXXXXXXXXXXXXXXXXXXXXXXXXX' });
    assert.equal(room.error!.cause!.status, 400);
    const user = await caught(sim(), 'symphony-admin-user-streams', {}, { userId: 13287555079999 });
    assert.equal(user.error!.cause!.status, 400);
  });

  it('list user streams (admin): one page, all pages, one msg per stream', async function () {
    for (const other of [USERS.bob.id, USERS.carol.id, USERS.frank.id]) await out(sim(), 'symphony-admin-im-create', {}, { userIds: [USERS.alice.id, other] });
    const all = payload<StreamJson[]>(await out(sim(), 'symphony-admin-user-streams', allPages(100), { userId: USERS.alice.id, limit: 1 }));
    assert.ok(all.length >= 4);
    assert.equal(new Set(all.map((s) => s.id)).size, all.length, 'no stream twice');
    const page = payload<StreamJson[]>(await out(sim(), 'symphony-admin-user-streams', set({ limit: 2 }), { userId: USERS.alice.id }));
    assert.deepEqual(page.map((s) => s.id), all.slice(0, 2).map((s) => s.id));
    const msgs = await perItem(sim(), 'symphony-admin-user-streams', allPages(3), 3, { userId: USERS.alice.id, limit: 2 });
    assert.deepEqual(msgs.map((m) => payload<StreamJson>(m).id), all.slice(0, 3).map((s) => s.id));
    const badType = await caught(sim(), 'symphony-admin-user-streams', set({ streamTypes: 'CHANNEL' }), { userId: USERS.alice.id });
    assert.equal(badType.error!.cause!.field, 'streamTypes');
  });
});

describe('stream administration nodes: a bot without User Provisioning', function () {
  const sim = useSimulator();

  it('every one reaches Catch with Symphony\'s 403 naming the role', async function () {
    await out(sim(), 'symphony-user-role-remove', set({ roleId: 'USER_PROVISIONING' }), { userId: BOT.id });
    const calls: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
      ['symphony-admin-im-create', {}, { userIds: [USERS.alice.id, USERS.bob.id] }],
      ['symphony-admin-room-set-active', set({ active: false }), { roomId: DESK_ROOM_ID }],
      ['symphony-admin-room-members', {}, { roomId: DESK_ROOM_ID }],
      ['symphony-admin-room-member-add', {}, { roomId: DESK_ROOM_ID, userId: USERS.frank.id }],
      ['symphony-admin-room-member-remove', {}, { roomId: DESK_ROOM_ID, userId: USERS.bob.id }],
      ['symphony-admin-user-streams', {}, { userId: USERS.alice.id }],
    ];
    for (const [type, props, msg] of calls) {
      const refused = await caught(sim(), type, props, { ...msg, topic: type });
      assert.equal(refused.error!.cause!.status, 403, type);
      assert.match(refused.error!.message, /User Provisioning/, type);
      assert.equal(refused.topic, type, 'the original msg reaches Catch');
    }
    assert.equal(sim().state.streams.get(DESK_ROOM_ID)!.active, true, 'nothing changed');
  });
});
