/**
 * Connection rules over SimulatorState.connections, the list the IM create check (canCommunicate) reads: a
 * request is PENDING_OUTGOING for its requester and PENDING_INCOMING for its target until the target accepts
 * (ACCEPTED: the two may talk) or rejects it (REJECTED). Users of the same firm are connected implicitly and
 * have no record.
 */
import type { SimConnection, SimUser } from './model';
import type { SimulatorState } from './state';

/** Symphony user ids carry the tenant (firm) id in the bits above 27 (as in state.ts). */
const TENANT_SHIFT = 2 ** 27;

export type ConnectionView = 'PENDING_INCOMING' | 'PENDING_OUTGOING' | 'ACCEPTED' | 'REJECTED';

export function sameFirm(a: SimUser, b: SimUser): boolean {
  return Math.floor(a.id / TENANT_SHIFT) === Math.floor(b.id / TENANT_SHIFT);
}

const between = (c: SimConnection, a: number, b: number): boolean =>
  (c.requesterId === a && c.targetId === b) || (c.requesterId === b && c.targetId === a);

/** The explicit connection (or request) between two users, in either direction. */
export function findConnection(state: SimulatorState, a: number, b: number): SimConnection | undefined {
  return state.connections.find((c) => between(c, a, b));
}

/** Every explicit connection of a user. */
export function connectionsOf(state: SimulatorState, userId: number): SimConnection[] {
  return state.connections.filter((c) => c.requesterId === userId || c.targetId === userId);
}

/** The status as `viewerId` sees it. */
export function viewOf(connection: SimConnection, viewerId: number): ConnectionView {
  if (connection.status !== 'PENDING_OUTGOING') return connection.status;
  return connection.requesterId === viewerId ? 'PENDING_OUTGOING' : 'PENDING_INCOMING';
}

/** The other party of a connection. */
export function otherParty(connection: SimConnection, viewerId: number): number {
  return connection.requesterId === viewerId ? connection.targetId : connection.requesterId;
}

/**
 * The caller asks `targetId` to connect. Asking again counts the request again; asking someone who had asked
 * the caller connects them at once; asking after a rejection starts a new request. An accepted connection is
 * left as it is.
 */
export function requestConnection(state: SimulatorState, callerId: number, targetId: number, now = Date.now()): SimConnection {
  const existing = findConnection(state, callerId, targetId);
  if (!existing) {
    const created: SimConnection = {
      requesterId: callerId, targetId, status: 'PENDING_OUTGOING', firstRequestedAt: now, updatedAt: now, requestCounter: 1,
    };
    state.connections.push(created);
    return created;
  }
  if (existing.status === 'ACCEPTED') return existing;
  if (existing.status === 'PENDING_OUTGOING' && existing.requesterId === targetId) {
    existing.status = 'ACCEPTED';
  } else {
    existing.requesterId = callerId;
    existing.targetId = targetId;
    existing.status = 'PENDING_OUTGOING';
    existing.requestCounter += 1;
  }
  existing.updatedAt = now;
  return existing;
}

/**
 * The caller answers the request `requesterId` sent them. Undefined when there is no such request; answering
 * the same way twice changes nothing; a rejected request can no longer be accepted (the requester must ask
 * again), nor an accepted one rejected (remove it instead).
 */
export function answerRequest(
  state: SimulatorState, callerId: number, requesterId: number, accept: boolean, now = Date.now(),
): SimConnection | 'conflict' | undefined {
  const request = state.connections.find((c) => c.requesterId === requesterId && c.targetId === callerId);
  if (!request) return undefined;
  const wanted = accept ? 'ACCEPTED' : 'REJECTED';
  if (request.status === wanted) return request;
  if (request.status !== 'PENDING_OUTGOING') return 'conflict';
  request.status = wanted;
  request.updatedAt = now;
  return request;
}

/** Deletes the connection (or pending or rejected request) between two users; false when there was none. */
export function removeConnection(state: SimulatorState, a: number, b: number): boolean {
  const index = state.connections.findIndex((c) => between(c, a, b));
  if (index < 0) return false;
  state.connections.splice(index, 1);
  return true;
}
