/**
 * Pod users: GET /pod/v3/users (lookup by ids, emails or usernames), GET /pod/v2/user (one user), the session
 * info, and the deprecated GET /pod/v1/user and /pod/v1/sessioninfo in their own response shapes. Registers the
 * rest of the users area (search, administration, following, audit trail) from their files.
 */
import { badRequest } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import type { SimUser } from '../model';
import type { SimulatorState } from '../state';
import { userV2, type UserV2Json } from './views';
import { booleanQuery } from './query';
import { registerUserAdminRoutes } from './users-admin';
import { registerUserAccessRoutes } from './users-admin-access';
import { registerAuditRoutes } from './users-audit';
import { registerFollowRoutes } from './users-follow';
import { registerUserSearchRoutes } from './users-search';

const LISTS = ['uid', 'email', 'username'] as const;
type ListName = typeof LISTS[number];
const MAX_ENTRIES = 100;

/** UserError names the offending entry in `id` or `email`; username lookups name it in `username`. */
const ERROR_FIELD: Record<ListName, string> = { uid: 'id', email: 'email', username: 'username' };

function resolve(state: SimulatorState, list: ListName, entry: string): SimUser | undefined {
  switch (list) {
    case 'uid': return /^\d{1,16}$/.test(entry) ? state.users.get(Number(entry)) : undefined;
    case 'email': return /^[^@\s]+@[^@\s]+$/.test(entry) ? state.userByEmail(entry) : undefined;
    case 'username': return state.userByUsername(entry);
  }
}

function lookupUsers(ctx: UserContext): Reply {
  const { state } = ctx.sim;
  const given = LISTS.filter((name) => (ctx.query.get(name) ?? '') !== '');
  if (given.length === 0) throw badRequest('One of uid, email or username is required');
  if (given.length > 1) throw badRequest(`Only one of uid, email or username may be given, got ${given.join(' and ')}`);
  const list = given[0];
  const entries = (ctx.query.get(list) ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '');
  if (entries.length > MAX_ENTRIES) throw badRequest(`${list} accepts at most ${MAX_ENTRIES} entries, got ${entries.length}`);
  const local = booleanQuery(ctx.query, 'local');
  const active = booleanQuery(ctx.query, 'active');

  const users = new Map<number, UserV2Json>();
  const errors: Array<Record<string, string>> = [];
  for (const entry of entries) {
    const user = resolve(state, list, entry);
    // Symphony reports unknown entries like malformed ones (the spec's example lists a well-formed id).
    if (!user || (local === true && !state.isInternal(user))) {
      errors.push({ error: 'invalid.format', [ERROR_FIELD[list]]: entry });
    } else if (active === undefined || user.active === active) {
      users.set(user.id, userV2(state, user));
    }
  }
  if (users.size === 0) return { status: 204 };
  return { status: 200, body: { users: [...users.values()], errors } };
}

/** GET /pod/v2/user: exactly one of uid, email or username; 204 when nobody matches. */
function getUser(ctx: UserContext): Reply {
  const { state } = ctx.sim;
  const given = LISTS.filter((name) => (ctx.query.get(name) ?? '') !== '');
  if (given.length !== 1) throw badRequest(`Exactly one of uid, email or username is required${given.length ? `, got ${given.join(' and ')}` : ''}`);
  const list = given[0];
  const value = (ctx.query.get(list) ?? '').trim();
  const local = booleanQuery(ctx.query, 'local') === true;
  if (list === 'uid' && !/^\d{1,16}$/.test(value)) throw badRequest(`uid must be a user id (a whole number), got ${value}`);
  if (list === 'username' && !local) throw badRequest('local must be true for a username search');
  const user = resolve(state, list, value);
  if (!user || (local && !state.isInternal(user))) return { status: 204 };
  return { status: 200, body: userV2(state, user) };
}

/** Deprecated GET /pod/v1/user: by email only, answered as the old User { id, emailAddress }. */
function getUserV1(ctx: UserContext): Reply {
  const { state } = ctx.sim;
  const email = (ctx.query.get('email') ?? '').trim();
  if (email === '') throw badRequest('email is required');
  const user = state.userByEmail(email);
  if (!user || (booleanQuery(ctx.query, 'local') === true && !state.isInternal(user))) return { status: 204 };
  return { status: 200, body: { id: user.id, emailAddress: user.emailAddress } };
}

export function registerUserRoutes(router: Router): void {
  router.user('GET', '/pod/v3/users', lookupUsers);
  router.user('GET', '/pod/v2/user', getUser);
  router.user('GET', '/pod/v1/user', getUserV1);
  router.user('GET', '/pod/v2/sessioninfo', (ctx) => ({ status: 200, body: userV2(ctx.sim.state, ctx.caller.user, true) }));
  // Deprecated SessionInfo: the caller's id only.
  router.user('GET', '/pod/v1/sessioninfo', (ctx) => ({ status: 200, body: { userId: ctx.caller.user.id } }));
  registerUserSearchRoutes(router);
  registerUserAdminRoutes(router);
  registerUserAccessRoutes(router);
  registerFollowRoutes(router);
  registerAuditRoutes(router);
}
