/**
 * A user's sessions (pod, admin role required): GET /pod/v1/users/{uid}/sessions, POST
 * /pod/v1/users/{uid}/sessions/logout and POST /pod/v1/users/{uid}/sessions/{sid}/logout. The sessions are the
 * user's live session tokens: ending one invalidates its token, so its holder gets 401 and logs in again. A
 * session id is a hash of the token, never the token itself.
 */
import { createHash } from 'node:crypto';
import { badRequest } from '../http/errors';
import { NO_BODY, type Reply, type Router, type UserContext } from '../http/router';
import type { UserSession } from '../model';
import { USER_ADMIN_ROLES, pathUser, recordAudit, requireRole } from './users-common';

const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('base64url').slice(0, 32);

/** The live (unexpired) user sessions of a user, OBO sessions included. */
function liveSessions(ctx: UserContext, userId: number): UserSession[] {
  const { sessions, state } = ctx.sim;
  return [...state.sessions.values()]
    .filter((s): s is UserSession => s.kind === 'user' && s.userId === userId && sessions.find(s.token, 'user') !== undefined)
    .sort((a, b) => a.issuedAt - b.issuedAt);
}

/** The {uid} path value as a user id; the spec types it as a string. */
function uidOf(ctx: UserContext): number {
  const uid = ctx.params.uid ?? '';
  if (!/^\d{1,16}$/.test(uid) || Number(uid) < 1) throw badRequest(`uid must be a user id (a positive whole number), got ${uid}`);
  return Number(uid);
}

function listSessions(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = ctx.sim.state.users.get(uidOf(ctx));
  // The spec's 204: no user found.
  if (!user) return { status: 204 };
  const lifetime = ctx.sim.sessions.lifetimeMs;
  return {
    status: 200,
    body: {
      sessions: liveSessions(ctx, user.id).map((s) => ({
        sessionId: sessionIdOf(s.token), userId: user.id, clientIp: '127.0.0.1', userAgent: 'symphony-simulator',
        creationTime: s.issuedAt, expirationDelay: s.issuedAt + lifetime,
      })),
    },
  };
}

function logoutAll(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathUser(ctx);
  for (const session of liveSessions(ctx, user.id)) ctx.sim.state.sessions.delete(session.token);
  recordAudit(ctx, 'User Logged Out', 'userLoggedOut', user);
  return { status: 200, body: { format: 'TEXT', message: 'OK' } };
}

function logoutOne(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathUser(ctx);
  const sid = ctx.params.sid ?? '';
  const session = liveSessions(ctx, user.id).find((s) => sessionIdOf(s.token) === sid);
  if (!session) throw badRequest(`Session ${sid} of user ${user.id} not found`);
  ctx.sim.state.sessions.delete(session.token);
  recordAudit(ctx, 'User Session Ended', 'userSessionEnded', user);
  return { status: 200, body: { format: 'TEXT', message: 'OK' } };
}

export function registerUserSessionRoutes(router: Router): void {
  router.user('GET', '/pod/v1/users/{uid}/sessions', listSessions);
  router.user('POST', '/pod/v1/users/{uid}/sessions/logout', logoutAll, NO_BODY);
  router.user('POST', '/pod/v1/users/{uid}/sessions/{sid}/logout', logoutOne, NO_BODY);
}
