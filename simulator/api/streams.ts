/** Pod streams: POST /pod/v1/im/create (IM with one other user, MIM with several). */
import { readJson } from '../http/body';
import { badRequest, forbidden } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import { newStreamId } from '../ids';
import type { SimStream } from '../model';
import { check, validators } from '../schemas';

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
  }
  return { status: 200, body: { id: stream.id } };
}

export function registerStreamRoutes(router: Router): void {
  router.user('POST', '/pod/v1/im/create', createIm);
}
