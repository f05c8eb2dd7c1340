/**
 * Stream administration (pod, User Provisioning role): POST /pod/v1/admin/im/create (an IM between other users),
 * POST /pod/v1/admin/room/{id}/setActive, GET /pod/v1/admin/room/{id}/membership/list, POST
 * /pod/v1/admin/room/{id}/membership/add|remove, POST /pod/v1/admin/user/{uid}/streams/list. The admin needs no
 * membership or ownership of the room; the rooms, members and events are the same as the non-admin endpoints'.
 */
import { readJson } from '../http/body';
import { badRequest, forbidden } from '../http/errors';
import { NO_BODY, type Reply, type Router, type UserContext } from '../http/router';
import { newStreamId } from '../ids';
import type { SimStream, SimUser } from '../model';
import { check, validators } from '../schemas';
import { streamValidators } from '../schemas-streams';
import { booleanQuery } from './query';
import { ENTITLEMENT, findRoom, pageOf, pageQuery, readOptionalJson, requireStreamAdmin } from './streams-access';
import { memberInfo, roomDetail, streamAttributes } from './stream-views';
import { pathPodUser } from './users-common';

const sameMembers = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);
const success = (message: string): Reply => ({ status: 200, body: { format: 'TEXT', message } });

async function createIm(ctx: UserContext): Promise<Reply> {
  requireStreamAdmin(ctx);
  const { state } = ctx.sim;
  const uidList = check(validators.userIdList, await readJson(ctx.req), 'uidList');
  // Duplicates are silently ignored; the caller is not made a member (spec).
  const members = [...new Set(uidList)].sort((a, b) => a - b);
  if (members.length < 2) throw badRequest('uidList must name at least two different users');
  const users = members.map((id) => {
    const user = state.users.get(id);
    if (!user) throw badRequest(`User ${id} not found`);
    return user;
  });
  for (const [i, a] of users.entries()) {
    for (const b of users.slice(i + 1)) {
      if (!state.canCommunicate(a, b)) throw forbidden(`${ENTITLEMENT}: ${a.username} and ${b.username} are not connected`);
    }
  }
  let stream = [...state.streams.values()].find((s) => s.type !== 'ROOM' && sameMembers(s.members, members));
  if (!stream) {
    const created: SimStream = {
      id: newStreamId(), type: members.length === 2 ? 'IM' : 'MIM', members, createdBy: ctx.caller.user.id, createdAt: Date.now(), active: true,
    };
    state.streams.set(created.id, created);
    state.messages.set(created.id, []);
    stream = created;
    ctx.sim.events.imCreated(created, ctx.caller.user);
  }
  return { status: 200, body: { id: stream.id } };
}

function setActive(ctx: UserContext): Reply {
  requireStreamAdmin(ctx);
  const room = findRoom(ctx);
  const active = booleanQuery(ctx.query, 'active');
  if (active === undefined) throw badRequest('active is required');
  const changed = room.active !== active;
  room.active = active;
  if (changed) ctx.sim.events.roomActivation(room, ctx.caller.user);
  return { status: 200, body: roomDetail(ctx.sim.state, room) };
}

function listMembers(ctx: UserContext): Reply {
  requireStreamAdmin(ctx);
  const room = findRoom(ctx);
  const withPast = booleanQuery(ctx.query, 'includePastMembers') ?? false;
  const { state } = ctx.sim;
  const current = room.members.map((id) => memberInfo(state, room, id));
  const past = withPast ? [...state.streamDetails.pastMembers(room)].map(([id, joinDate]) => ({ id, owner: false, joinDate })) : [];
  return { status: 200, body: [...current, ...past] };
}

/** The room and the { id } body; the room must be active (its membership is locked otherwise). */
async function readChange(ctx: UserContext): Promise<{ room: SimStream; user: SimUser }> {
  requireStreamAdmin(ctx);
  const room = findRoom(ctx);
  const { id } = check(streamValidators.userId, await readJson(ctx.req), 'payload');
  const user = ctx.sim.state.users.get(id);
  if (!user) throw badRequest(`User ${id} not found`);
  if (!room.active) throw forbidden(`${ENTITLEMENT}: room ${room.id} is not active, its membership is locked`);
  return { room, user };
}

async function addMember(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const { room, user } = await readChange(ctx);
  if (room.members.includes(user.id)) return success('Member added');
  if (!state.isInternal(user) && !state.streamDetails.room(room).flags.crossPod) {
    throw forbidden(`${ENTITLEMENT}: ${user.username} is an external user and room ${room.id} is not a cross-pod room`);
  }
  state.streamDetails.addMember(room, user.id, Date.now());
  ctx.sim.events.membership('joined', room, ctx.caller.user, user);
  return success('Member added');
}

async function removeMember(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const { room, user } = await readChange(ctx);
  if (!room.members.includes(user.id)) return success('Member removed');
  const audience = [...room.members];
  state.streamDetails.removeMember(room, user.id, Date.now());
  ctx.sim.events.membership('left', room, ctx.caller.user, user, audience);
  return success('Member removed');
}

async function listUserStreams(ctx: UserContext): Promise<Reply> {
  requireStreamAdmin(ctx);
  const user = pathPodUser(ctx);
  const page = pageQuery(ctx, 50, 1000);
  const filter = check(streamValidators.streamFilter, await readOptionalJson(ctx), 'filter');
  const types = filter.streamTypes?.map((t) => t.type as string);
  const { state } = ctx.sim;
  const streams = [...state.streams.values()].sort((a, b) => a.createdAt - b.createdAt).filter((s) => s.members.includes(user.id)
    && (types === undefined || types.length === 0 || types.includes(s.type))
    && (s.active || filter.includeInactiveStreams === true));
  return { status: 200, body: pageOf(streams, page).map((s) => streamAttributes(state, s)) };
}

export function registerStreamAdminRoutes(router: Router): void {
  router.user('POST', '/pod/v1/admin/im/create', createIm);
  router.user('POST', '/pod/v1/admin/room/{id}/setActive', setActive, NO_BODY);
  router.user('GET', '/pod/v1/admin/room/{id}/membership/list', listMembers);
  router.user('POST', '/pod/v1/admin/room/{id}/membership/add', addMember);
  router.user('POST', '/pod/v1/admin/room/{id}/membership/remove', removeMember);
  router.user('POST', '/pod/v1/admin/user/{uid}/streams/list', listUserStreams);
}
