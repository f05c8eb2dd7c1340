import assert from 'node:assert/strict';
import type { FlowNode } from '../helpers/flow';
import { useSimulator } from '../helpers/flow';
import { BOT, DESK_ROOM_ID, USERS } from '../helpers/simulator';
import { AS_ALICE, call, callFails, loadNodes, uniqueRoomName } from '../helpers/streams-nodes';

interface Member { id: number; owner: boolean; joinDate: number }

const node = (id: string, type: string, props: Record<string, unknown> = {}): FlowNode => ({ id, type: `symphony-${type}`, ...props });
const MEMBER_NODES = ['room-member-add', 'room-member-remove', 'room-owner-promote', 'room-owner-demote'];
const NODE_IDS: Record<string, string> = {
  'room-member-add': 'add', 'room-member-remove': 'remove', 'room-owner-promote': 'promote', 'room-owner-demote': 'demote',
};

function memberNodes(props: Record<string, unknown> = {}): FlowNode[] {
  return [
    node('create', 'room-create', props), node('members', 'room-members'),
    ...MEMBER_NODES.map((type) => node(NODE_IDS[type]!, type, props)),
  ];
}

async function newRoom(prefix: string): Promise<string> {
  const created = await call('create', { roomName: uniqueRoomName(prefix) });
  return (created.payload as { roomSystemInfo: { id: string } }).roomSystemInfo.id;
}

describe('streams operations: room members', function () {
  const sim = useSimulator();

  it('adds, promotes, demotes and removes a member, each step seen in the member list', async function () {
    await loadNodes(sim(), memberNodes());
    const roomId = await newRoom('Membership');
    const list = async (): Promise<Member[]> => (await call('members', { roomId })).payload as Member[];
    const bob = (members: Member[]): Member | undefined => members.find((m) => m.id === USERS.bob.id);

    const added = await call('add', { roomId, userId: USERS.bob.id, topic: 'kept' });
    assert.deepEqual(added.payload, { format: 'TEXT', message: 'Member added' });
    assert.equal(added.topic, 'kept');
    assert.equal(bob(await list())?.owner, false);

    assert.deepEqual((await call('promote', { roomId, userId: String(USERS.bob.id) })).payload, { format: 'TEXT', message: 'Member promoted to owner' });
    assert.equal(bob(await list())?.owner, true);

    assert.deepEqual((await call('demote', { roomId, userId: USERS.bob.id })).payload, { format: 'TEXT', message: 'Owner demoted' });
    assert.equal(bob(await list())?.owner, false, 'a demoted owner is a plain member again');

    assert.deepEqual((await call('remove', { roomId, userId: USERS.bob.id })).payload, { format: 'TEXT', message: 'Member removed' });
    assert.equal(bob(await list()), undefined);
    assert.deepEqual(sim().state.streams.get(roomId)?.members, [BOT.id]);
  });

  it('manages members of a room on behalf of its owner (OBO)', async function () {
    await loadNodes(sim(), memberNodes(AS_ALICE));
    const roomId = await newRoom('Alice team');
    await call('add', { roomId, userId: USERS.carol.id });
    await call('promote', { roomId, userId: USERS.carol.id });
    const room = sim().state.streams.get(roomId)!;
    assert.deepEqual(room.members, [USERS.alice.id, USERS.carol.id]);
    assert.deepEqual([...sim().state.streamDetails.room(room).owners].sort(), [USERS.alice.id, USERS.carol.id].sort());
    assert.equal(sim().count('POST', '/login/pubkey/authenticate'), 0, 'the bot never logs in for OBO calls');
  });

  it('lists members for the bot only where it is a member (403 otherwise)', async function () {
    await loadNodes(sim(), [node('create', 'room-create', AS_ALICE), node('members', 'room-members')]);
    const desk = (await call('members', { roomId: DESK_ROOM_ID })).payload as Member[];
    assert.deepEqual(desk.map((m) => m.id), [BOT.id, USERS.alice.id, USERS.bob.id, USERS.carol.id]);
    assert.deepEqual(desk.map((m) => m.owner), [true, false, false, false]);

    const roomId = await newRoom('Not the bot\'s');
    const caught = await callFails('members', { roomId });
    assert.equal(caught.error!.cause!.status, 403);
  });

  it('names a missing or malformed user id before any request', async function () {
    await loadNodes(sim(), memberNodes());
    for (const id of ['add', 'remove', 'promote', 'demote']) {
      const caught = await callFails(id, { roomId: DESK_ROOM_ID });
      assert.equal(caught.error!.cause!.field, 'userId', id);
      assert.match(caught.error!.message, /^userId: is required/);
      const bad = await callFails(id, { roomId: DESK_ROOM_ID, userId: 'bob' });
      assert.match(bad.error!.message, /^userId: must be a numeric id/);
    }
    assert.equal(sim().count('POST', '/pod/v1/room/*'), 0);
  });

  it('reaches Catch with Symphony\'s answer for an unknown user, an external user, a non-member and the last owner', async function () {
    await loadNodes(sim(), memberNodes());
    const roomId = await newRoom('Rules');

    const unknown = await callFails('add', { roomId, userId: 12345 });
    assert.equal(unknown.error!.cause!.status, 400);
    assert.match(String(unknown.error!.cause!.symphonyMessage), /User 12345 not found/);

    const external = await callFails('add', { roomId, userId: USERS.dave.id });
    assert.equal(external.error!.cause!.status, 403, 'dave is external and the room is not cross-pod');

    const notMember = await callFails('promote', { roomId, userId: USERS.carol.id });
    assert.equal(notMember.error!.cause!.status, 400);

    const lastOwner = await callFails('demote', { roomId, userId: BOT.id });
    assert.equal(lastOwner.error!.cause!.status, 400);
    assert.match(String(lastOwner.error!.cause!.symphonyMessage), /last owner/);

    const unknownRoom = await callFails('add', { roomId: 'bm8tc3VjaC1yb29t', userId: USERS.bob.id });
    assert.equal(unknownRoom.error!.cause!.status, 400);
  });

  it('refuses members who are not owners, and locks the membership of an inactive room', async function () {
    await loadNodes(sim(), [
      ...memberNodes(), node('aliceAdd', 'room-member-add', AS_ALICE),
      node('off', 'room-set-active', { active: 'false', activeType: 'bool' }),
    ]);
    const roomId = await newRoom('Locked');
    await call('add', { roomId, userId: USERS.alice.id });
    const notOwner = await callFails('aliceAdd', { roomId, userId: USERS.bob.id });
    assert.equal(notOwner.error!.cause!.status, 403, 'members cannot invite unless the room says so');

    await call('off', { roomId });
    const locked = await callFails('add', { roomId, userId: USERS.bob.id });
    assert.equal(locked.error!.cause!.status, 403);
    assert.match(String(locked.error!.cause!.symphonyMessage), /not active/);
  });
});
