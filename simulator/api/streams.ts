/**
 * Pod streams: IMs (POST /pod/v1/im/create with one other user, MIM with several; IM info and update), and the
 * registration of the area's other routes (rooms, room search and membership, stream lists).
 */
import { readJson } from '../http/body';
import { badRequest } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import { toUrlSafeId } from '../ids';
import { openIm } from '../im-open';
import { check, validators } from '../schemas';
import { streamValidators } from '../schemas-streams';
import { registerRoomMembershipRoutes } from './room-membership';
import { registerRoomSearchRoutes } from './room-search';
import { registerRoomRoutes } from './rooms';
import { registerStreamListRoutes } from './stream-lists';
import { findIm, requireMember } from './streams-access';
import { v1ImDetail } from './stream-views';

async function createIm(ctx: UserContext): Promise<Reply> {
  const uidList = check(validators.userIdList, await readJson(ctx.req), 'uidList');
  // The caller is implicitly a member; duplicates are silently ignored (spec).
  return { status: 200, body: { id: openIm(ctx.sim, ctx.caller.user, uidList).id } };
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
