/**
 * Pod connections between users of different firms: GET /pod/v1/connection/user/{userId}/info, GET
 * /pod/v1/connection/list, POST /pod/v1/connection/create|accept|reject and POST
 * /pod/v1/connection/user/{uid}/remove. The rules live in ../state-connections.
 */
import { readJson } from '../http/body';
import { badRequest, notFound } from '../http/errors';
import { NO_BODY, type Reply, type Router, type UserContext } from '../http/router';
import type { SimConnection, SimUser } from '../model';
import { check } from '../schemas';
import { connectionValidators } from '../schemas-connections';
import {
  answerRequest, connectionsOf, findConnection, otherParty, removeConnection, requestConnection, sameFirm, viewOf,
  type ConnectionView,
} from '../state-connections';

/** Pod UserConnection. */
interface UserConnectionJson {
  userId: number;
  status: ConnectionView;
  firstRequestedAt?: number;
  updatedAt?: number;
  requestCounter?: number;
}

const STATUS_FILTERS = ['PENDING_INCOMING', 'PENDING_OUTGOING', 'ACCEPTED', 'REJECTED', 'ALL'] as const;
type StatusFilter = typeof STATUS_FILTERS[number];

function connectionJson(connection: SimConnection, viewerId: number): UserConnectionJson {
  return {
    userId: otherParty(connection, viewerId),
    status: viewOf(connection, viewerId),
    firstRequestedAt: connection.firstRequestedAt,
    updatedAt: connection.updatedAt,
    requestCounter: connection.requestCounter,
  };
}

/** Colleagues of the same firm are connected without any request. */
const implicitJson = (userId: number): UserConnectionJson => ({ userId, status: 'ACCEPTED' });

function parseUserId(raw: string | undefined, name: string): number {
  if (raw === undefined || !/^\d{1,16}$/.test(raw) || Number(raw) < 1) throw badRequest(`${name} must be a user id, got ${JSON.stringify(raw ?? '')}`);
  return Number(raw);
}

/** The other user of a connection call: known (404 otherwise), not the caller, and not a colleague. */
function otherUser(ctx: UserContext, userId: number, name: string): SimUser {
  const caller = ctx.caller.user;
  if (userId === caller.id) throw badRequest(`${name} ${userId} is the caller: a user has no connection with themselves`);
  const user = ctx.sim.state.users.get(userId);
  if (!user) throw notFound(`User ${userId} cannot be found`);
  if (sameFirm(caller, user)) {
    throw badRequest(`${name} ${userId}: ${user.username} belongs to the caller's firm, which connects them implicitly`);
  }
  return user;
}

function connectionInfo(ctx: UserContext): Reply {
  const caller = ctx.caller.user;
  const userId = parseUserId(ctx.params.userId, 'userId');
  const user = ctx.sim.state.users.get(userId);
  if (!user) throw notFound(`User ${userId} cannot be found`);
  if (userId !== caller.id && sameFirm(caller, user)) return { status: 200, body: implicitJson(userId) };
  const connection = findConnection(ctx.sim.state, caller.id, userId);
  if (!connection) throw notFound(`Connection with user ${userId} cannot be found`);
  return { status: 200, body: connectionJson(connection, caller.id) };
}

function statusFilter(ctx: UserContext): StatusFilter | undefined {
  const raw = ctx.query.get('status');
  if (raw === null || raw === '') return undefined;
  const upper = raw.toUpperCase();
  const found = STATUS_FILTERS.find((s) => s === upper);
  if (!found) throw badRequest(`status must be one of ${STATUS_FILTERS.join(', ')}, got ${JSON.stringify(raw)}`);
  return found;
}

function listConnections(ctx: UserContext): Reply {
  const { state } = ctx.sim;
  const caller = ctx.caller.user;
  const filter = statusFilter(ctx);
  const rawIds = (ctx.query.get('userIds') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const userIds = rawIds.length > 0 ? new Set(rawIds.map((raw) => parseUserId(raw, 'userIds'))) : undefined;
  // Without a status the pod lists the pending requests, both ways.
  const wanted = (status: ConnectionView): boolean => (filter === undefined
    ? status === 'PENDING_INCOMING' || status === 'PENDING_OUTGOING'
    : filter === 'ALL' || filter === status);

  const list = connectionsOf(state, caller.id)
    .map((c) => connectionJson(c, caller.id))
    .filter((c) => wanted(c.status) && (!userIds || userIds.has(c.userId)));
  if (userIds && wanted('ACCEPTED')) {
    for (const id of userIds) {
      const user = state.users.get(id);
      if (user && id !== caller.id && sameFirm(caller, user)) list.push(implicitJson(id));
    }
  }
  return { status: 200, body: list };
}

async function createConnection(ctx: UserContext): Promise<Reply> {
  const { userId } = check(connectionValidators.userConnectionRequest, await readJson(ctx.req), 'body');
  const target = otherUser(ctx, userId, 'userId');
  const before = findConnection(ctx.sim.state, ctx.caller.user.id, target.id)?.status;
  const connection = requestConnection(ctx.sim.state, ctx.caller.user.id, target.id);
  ctx.sim.events.connectionChanged(connection, ctx.caller.user, before);
  return { status: 200, body: connectionJson(connection, ctx.caller.user.id) };
}

function answer(accept: boolean) {
  return async (ctx: UserContext): Promise<Reply> => {
    const { userId } = check(connectionValidators.userConnectionRequest, await readJson(ctx.req), 'body');
    const requester = otherUser(ctx, userId, 'userId');
    const caller = ctx.caller.user;
    const before = findConnection(ctx.sim.state, caller.id, requester.id)?.status;
    const result = answerRequest(ctx.sim.state, caller.id, requester.id, accept);
    if (!result) throw notFound(`Connection cannot be found: ${caller.username} has no connection request from user ${userId}`);
    if (result === 'conflict') {
      const current = findConnection(ctx.sim.state, caller.id, requester.id);
      throw badRequest(`The connection request from user ${userId} is ${current?.status ?? 'gone'} and cannot be ${accept ? 'accepted' : 'rejected'}`);
    }
    if (accept) ctx.sim.events.connectionChanged(result, caller, before);
    return { status: 200, body: connectionJson(result, caller.id) };
  };
}

function removeUserConnection(ctx: UserContext): Reply {
  const userId = parseUserId(ctx.params.uid, 'uid');
  const other = otherUser(ctx, userId, 'uid');
  if (!removeConnection(ctx.sim.state, ctx.caller.user.id, other.id)) {
    throw notFound(`Connection with user ${userId} cannot be found`);
  }
  return { status: 200, body: { format: 'TEXT', message: 'Connection Removed.' } };
}

export function registerConnectionsRoutes(router: Router): void {
  router.user('GET', '/pod/v1/connection/user/{userId}/info', connectionInfo);
  router.user('GET', '/pod/v1/connection/list', listConnections);
  router.user('POST', '/pod/v1/connection/create', createConnection);
  router.user('POST', '/pod/v1/connection/accept', answer(true));
  router.user('POST', '/pod/v1/connection/reject', answer(false));
  router.user('POST', '/pod/v1/connection/user/{uid}/remove', removeUserConnection, NO_BODY);
}
