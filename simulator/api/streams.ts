/**
 * Pod streams: IMs (POST /pod/v1/im/create with one other user, MIM with several; IM info and update), and the
 * registration of the area's other routes (rooms, room search and membership, stream lists).
 */
import { readJson } from '../http/body';
import { badRequest, forbidden } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import { newStreamId, toUrlSafeId } from '../ids';
import type { SimStream } from '../model';
import { check, validators } from '../schemas';
import { streamValidators } from '../schemas-streams';
import { registerRoomMembershipRoutes } from './room-membership';
import { registerRoomSearchRoutes } from './room-search';
import { registerRoomRoutes } from './rooms';
import { registerStreamListRoutes } from './stream-lists';
import { findIm, requireMember } from './streams-access';
import { v1ImDetail } from './stream-views';

const sameMembers = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

async function createIm(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const caller = ctx.caller.user;
  const uidList = check(validators.userIdList, await readJson(ctx.req), 'uidList');
  // The caller is implicitly a member; duplicates are silently ignored (spec).
  const others = [...new Set(uidList)].filter((id) => id !== caller.id);
  if (others.length === 0) throw badRequest('uidList must name at least one user other than the caller');
  for (const id of others) {
    const user = state.users.get(id);
    if (!user) throw badRequest(`User ${id} not found`);
    if (!state.canCommunicate(caller, user)) {
      throw forbidden(`The user lacks the required entitlement to perform this operation: ${user.username} is an external user not connected to ${caller.username}`);
    }
  }
  const members = [caller.id, ...others].sort((a, b) => a - b);
  let stream = [...state.streams.values()].find((s) => s.type !== 'ROOM' && sameMembers(s.members, members));
  if (!stream) {
    const created: SimStream = {
      id: newStreamId(), type: members.length === 2 ? 'IM' : 'MIM', members, createdBy: caller.id, createdAt: Date.now(), active: true,
    };
    state.streams.set(created.id, created);
    state.messages.set(created.id, []);
    stream = created;
    ctx.sim.events.imCreated(created, caller);
  }
  return { status: 200, body: { id: stream.id } };
}

function imInfo(ctx: UserContext): Reply {
  const im = findIm(ctx);
  requireMember(ctx, im);
  return { status: 200, body: v1ImDetail(ctx.sim.state, im) };
}

async function updateIm(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const im = findIm(ctx);
  const body = check(streamValidators.v1ImAttributes, await readJson(ctx.req), 'payload');
  requireMember(ctx, im);
  if (body.pinnedMessageId !== undefined) {
    const wanted = toUrlSafeId(body.pinnedMessageId);
    // An empty id unpins (spec); any other must be a message of this IM.
    if (wanted !== '' && !(state.messages.get(im.id) ?? []).some((m) => m.messageId === wanted)) {
      throw badRequest(`pinnedMessageId ${body.pinnedMessageId} is not a message of IM ${im.id}`);
    }
    state.streamDetails.pinInIm(im, wanted);
  }
  return { status: 200, body: v1ImDetail(state, im) };
}

export function registerStreamRoutes(router: Router): void {
  router.user('POST', '/pod/v1/im/create', createIm);
  router.user('GET', '/pod/v1/im/{id}/info', imInfo);
  router.user('POST', '/pod/v1/im/{id}/update', updateIm);
  registerRoomRoutes(router);
  registerRoomSearchRoutes(router);
  registerRoomMembershipRoutes(router);
  registerStreamListRoutes(router);
}
