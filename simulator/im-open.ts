/**
 * Opening an IM (two members) or MIM (more): the existing conversation of exactly these members, or a new one
 * announced with INSTANTMESSAGECREATED. Shared by POST /pod/v1/im/create and the control API's injectIm.
 */
import type { SimulatorCore } from './core';
import { badRequest, forbidden } from './http/errors';
import { newStreamId } from './ids';
import type { SimStream, SimUser } from './model';

const sameMembers = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** `otherIds`: the other members (duplicates and the caller are ignored, as the pod does). */
export function openIm(core: SimulatorCore, caller: SimUser, otherIds: readonly number[]): SimStream {
  const { state } = core;
  const others = [...new Set(otherIds)].filter((id) => id !== caller.id);
  if (others.length === 0) throw badRequest('uidList must name at least one user other than the caller');
  for (const id of others) {
    const user = state.users.get(id);
    if (!user) throw badRequest(`User ${id} not found`);
    if (!state.canCommunicate(caller, user)) {
      throw forbidden(`The user lacks the required entitlement to perform this operation: ${user.username} is an external user not connected to ${caller.username}`);
    }
  }
  const members = [caller.id, ...others].sort((a, b) => a - b);
  const existing = [...state.streams.values()].find((s) => s.type !== 'ROOM' && sameMembers(s.members, members));
  if (existing) return existing;
  const created: SimStream = {
    id: newStreamId(), type: members.length === 2 ? 'IM' : 'MIM', members, createdBy: caller.id, createdAt: Date.now(), active: true,
  };
  state.streams.set(created.id, created);
  state.messages.set(created.id, []);
  core.events.imCreated(created, caller);
  return created;
}
