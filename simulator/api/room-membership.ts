/**
 * Pod room membership: GET /pod/v2/room/{id}/membership/list and POST /pod/v1/room/{id}/membership/add, remove,
 * promoteOwner, demoteOwner. Membership of an inactive room is locked.
 */
import { readJson } from '../http/body';
import { badRequest, forbidden } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import type { SimStream, SimUser } from '../model';
import { check } from '../schemas';
import { streamValidators } from '../schemas-streams';
import { ENTITLEMENT, findRoom, requireMember, requireOwner } from './streams-access';
import { memberInfo } from './stream-views';

function listMembers(ctx: UserContext): Reply {
  const room = findRoom(ctx);
  requireMember(ctx, room);
  return { status: 200, body: room.members.map((id) => memberInfo(ctx.sim.state, room, id)) };
}

interface MembershipChange {
  room: SimStream;
  user: SimUser;
}

/** Reads the room and the { id } body, and checks the room is active and the user exists. */
async function readChange(ctx: UserContext): Promise<MembershipChange> {
  const room = findRoom(ctx);
  const { id } = check(streamValidators.userId, await readJson(ctx.req), 'payload');
  const user = ctx.sim.state.users.get(id);
  if (!user) throw badRequest(`User ${id} not found`);
  if (!room.active) throw forbidden(`${ENTITLEMENT}: room ${room.id} is not active, its membership is locked`);
  return { room, user };
}

const success = (message: string): Reply => ({ status: 200, body: { format: 'TEXT', message } });

async function addMember(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const { room, user } = await readChange(ctx);
  const caller = ctx.caller.user;
  const record = state.streamDetails.room(room);
  const mayInvite = record.owners.has(caller.id) || (record.flags.membersCanInvite && room.members.includes(caller.id));
  if (!mayInvite) throw forbidden(`${ENTITLEMENT}: ${caller.username} may not add members to room ${room.id}`);
  if (room.members.includes(user.id)) return success('Member added');
  if (!state.isInternal(user) && !record.flags.crossPod) {
    throw forbidden(`${ENTITLEMENT}: ${user.username} is an external user and room ${room.id} is not a cross-pod room`);
  }
  if (!state.canCommunicate(caller, user)) {
    throw forbidden(`${ENTITLEMENT}: ${user.username} is an external user not connected to ${caller.username}`);
  }
  state.streamDetails.addMember(room, user.id, Date.now());
  ctx.sim.events.membership('joined', room, caller, user);
  return success('Member added');
}

async function removeMember(ctx: UserContext): Promise<Reply> {
  const { room, user } = await readChange(ctx);
  // Anyone may leave; removing someone else takes an owner.
  if (user.id !== ctx.caller.user.id) requireOwner(ctx, room);
  const audience = [...room.members];
  ctx.sim.state.streamDetails.removeMember(room, user.id, Date.now());
  if (audience.includes(user.id)) ctx.sim.events.membership('left', room, ctx.caller.user, user, audience);
  return success('Member removed');
}

async function promoteOwner(ctx: UserContext): Promise<Reply> {
  const { room, user } = await readChange(ctx);
  requireOwner(ctx, room);
  if (!room.members.includes(user.id)) throw badRequest(`User ${user.id} is not a member of room ${room.id}`);
  const { owners } = ctx.sim.state.streamDetails.room(room);
  const promoted = !owners.has(user.id);
  owners.add(user.id);
  if (promoted) ctx.sim.events.membership('promoted', room, ctx.caller.user, user);
  return success('Member promoted to owner');
}

async function demoteOwner(ctx: UserContext): Promise<Reply> {
  const { room, user } = await readChange(ctx);
  requireOwner(ctx, room);
  const { owners } = ctx.sim.state.streamDetails.room(room);
  if (owners.has(user.id) && owners.size === 1) throw badRequest(`User ${user.id} is the last owner of room ${room.id}`);
  if (owners.delete(user.id)) ctx.sim.events.membership('demoted', room, ctx.caller.user, user);
  return success('Owner demoted');
}

export function registerRoomMembershipRoutes(router: Router): void {
  router.user('GET', '/pod/v2/room/{id}/membership/list', listMembers);
  router.user('POST', '/pod/v1/room/{id}/membership/add', addMember);
  router.user('POST', '/pod/v1/room/{id}/membership/remove', removeMember);
  router.user('POST', '/pod/v1/room/{id}/membership/promoteOwner', promoteOwner);
  router.user('POST', '/pod/v1/room/{id}/membership/demoteOwner', demoteOwner);
}
