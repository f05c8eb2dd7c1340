/**
 * Pod presence: the caller's own (GET/POST /pod/v2/user/presence), another user's (GET /pod/v3/user/{uid}/presence,
 * POST /pod/v3/user/presence), the whole firm's (GET /pod/v2/users/presence), interest in external users and
 * presence feeds. Deprecated versions (v1, and v2 for one user) answer the old Presence shape. Interest and feeds
 * live in ../state-presence.
 */
import { readJson } from '../http/body';
import { badRequest, forbidden, notFound } from '../http/errors';
import { NO_BODY, type Reply, type Router, type UserContext } from '../http/router';
import type { PresenceCategory, SimUser } from '../model';
import { check, validators } from '../schemas';
import { presenceValidators, type V1PresenceCategory } from '../schemas-presence';
import { sameFirm } from '../state-connections';
import { applyPresence } from '../state-presence';
import { booleanQuery } from './query';
import { integerQuery } from './query';

/** Pod V2Presence. */
interface V2PresenceJson { category: PresenceCategory; userId: number; timestamp: number }

/** Roles that may set another user's presence ("Set Other User's Presence - Admin"). */
const PRESENCE_ADMIN_ROLES = ['USER_PROVISIONING', 'ADMINISTRATOR', 'SUPER_ADMINISTRATOR'];
const DEFAULT_LIST_LIMIT = 1000;
const MAX_LIST_LIMIT = 5000;
const MAX_FEED_RECORDS = 500;
const OK = { format: 'TEXT', message: 'OK' } as const;

function v2Presence(ctx: UserContext, userId: number): V2PresenceJson {
  const presence = ctx.sim.state.presence.get(userId) ?? { category: 'OFFLINE', timestamp: 0 };
  return { category: presence.category, userId, timestamp: presence.timestamp };
}

/** The deprecated Presence knows fewer categories: the newer ones are shown as their closest old one. */
function v1Category(category: PresenceCategory): V1PresenceCategory {
  switch (category) {
    case 'IN_A_MEETING': return 'BUSY';
    case 'OUT_OF_OFFICE':
    case 'OFF_WORK': return 'AWAY';
    default: return category;
  }
}

function pathUser(ctx: UserContext): SimUser {
  const raw = ctx.params.uid;
  if (!/^\d{1,16}$/.test(raw)) throw badRequest(`uid must be a user id, got ${JSON.stringify(raw)}`);
  const user = ctx.sim.state.users.get(Number(raw));
  if (!user) throw notFound(`User ${raw} cannot be found`);
  return user;
}

/**
 * Another user's presence as the caller may see it: colleagues always; users of other firms only when connected
 * and after the caller registered interest in them, and never for a local query. Otherwise OFFLINE.
 */
function visiblePresence(ctx: UserContext, user: SimUser, local: boolean): V2PresenceJson {
  const { state } = ctx.sim;
  const caller = ctx.caller.user;
  if (sameFirm(caller, user)) return v2Presence(ctx, user.id);
  const visible = !local && state.canCommunicate(caller, user) && state.presenceTracking.hasInterest(caller.id, user.id);
  return visible ? v2Presence(ctx, user.id) : { category: 'OFFLINE', userId: user.id, timestamp: Date.now() };
}

async function setOwnPresence(ctx: UserContext): Promise<Reply> {
  const { category } = check(validators.presenceStatus, await readJson(ctx.req), 'body');
  applyPresence(ctx.sim.state, ctx.caller.user.id, category, booleanQuery(ctx.query, 'soft') === true);
  return { status: 200, body: v2Presence(ctx, ctx.caller.user.id) };
}

async function setOwnPresenceV1(ctx: UserContext): Promise<Reply> {
  const { category } = check(presenceValidators.v1Presence, await readJson(ctx.req), 'body');
  applyPresence(ctx.sim.state, ctx.caller.user.id, category, false);
  return { status: 200, body: { category: v1Category(v2Presence(ctx, ctx.caller.user.id).category) } };
}

async function setUserPresence(ctx: UserContext): Promise<Reply> {
  const { category, userId } = check(presenceValidators.userPresence, await readJson(ctx.req), 'body');
  const caller = ctx.caller.user;
  const user = ctx.sim.state.users.get(userId);
  if (!user) throw notFound(`User ${userId} cannot be found`);
  if (user.id !== caller.id) {
    if (!caller.roles.some((role) => PRESENCE_ADMIN_ROLES.includes(role))) {
      throw forbidden(`The user lacks the required entitlement to perform this operation: setting another user's presence needs one of the roles ${PRESENCE_ADMIN_ROLES.join(', ')}`);
    }
    if (!sameFirm(caller, user)) throw forbidden(`User ${userId} belongs to another firm: only presence of the caller's own firm can be set`);
  }
  applyPresence(ctx.sim.state, user.id, category, booleanQuery(ctx.query, 'soft') === true);
  return { status: 200, body: v2Presence(ctx, user.id) };
}

/** Every active user of the caller's firm, by ascending id, from lastUserId (included) on. */
function listAllPresence(ctx: UserContext): Reply {
  const lastUserId = integerQuery(ctx.query, 'lastUserId', 1) ?? 0;
  const limit = integerQuery(ctx.query, 'limit', 1, MAX_LIST_LIMIT) ?? DEFAULT_LIST_LIMIT;
  const caller = ctx.caller.user;
  const users = [...ctx.sim.state.users.values()]
    .filter((u) => u.active && sameFirm(caller, u) && u.id >= lastUserId)
    .sort((a, b) => a.id - b.id)
    .slice(0, limit);
  return { status: 200, body: users.map((u) => v2Presence(ctx, u.id)) };
}

async function registerInterest(ctx: UserContext): Promise<Reply> {
  const uidList = check(presenceValidators.uidList, await readJson(ctx.req), 'uidList');
  const unknown = uidList.find((id) => !ctx.sim.state.users.has(id));
  if (unknown !== undefined) throw notFound(`User ${unknown} cannot be found`);
  ctx.sim.state.presenceTracking.registerInterest(ctx.caller.user.id, uidList);
  return { status: 200, body: OK };
}

function ownFeed(ctx: UserContext): string {
  const { feedId } = ctx.params;
  // The spec declares no 404 here: an unknown feed is a client error.
  if (!ctx.sim.state.presenceTracking.ownsFeed(ctx.caller.user.id, feedId)) throw badRequest(`feedId ${feedId} is not a presence feed of the caller`);
  return feedId;
}

function readFeed(ctx: UserContext): Reply {
  const feedId = ownFeed(ctx);
  const { state } = ctx.sim;
  const caller = ctx.caller.user;
  const colleague = (userId: number): boolean => {
    const user = state.users.get(userId);
    return user !== undefined && sameFirm(caller, user);
  };
  const changed = state.presenceTracking.readFeed(feedId, colleague, MAX_FEED_RECORDS);
  return { status: 200, body: changed.map((userId) => v2Presence(ctx, userId)) };
}

export function registerPresenceRoutes(router: Router): void {
  router.user('GET', '/pod/v2/user/presence', (ctx) => ({ status: 200, body: v2Presence(ctx, ctx.caller.user.id) }));
  router.user('POST', '/pod/v2/user/presence', setOwnPresence);
  router.user('GET', '/pod/v3/user/{uid}/presence', (ctx) => ({
    status: 200, body: visiblePresence(ctx, pathUser(ctx), booleanQuery(ctx.query, 'local') === true),
  }));
  router.user('POST', '/pod/v3/user/presence', setUserPresence);
  router.user('GET', '/pod/v2/users/presence', listAllPresence);
  router.user('POST', '/pod/v1/user/presence/register', registerInterest);
  router.user('POST', '/pod/v1/presence/feed/create', (ctx) => ({
    status: 200, body: { id: ctx.sim.state.presenceTracking.createFeed(ctx.caller.user.id) },
  }), NO_BODY);
  router.user('GET', '/pod/v1/presence/feed/{feedId}/read', readFeed);
  router.user('POST', '/pod/v1/presence/feed/{feedId}/delete', (ctx) => {
    const feedId = ownFeed(ctx);
    ctx.sim.state.presenceTracking.deleteFeed(feedId);
    return { status: 200, body: { id: feedId } };
  }, NO_BODY);

  // Deprecated versions, answering the old Presence shape ({ category }).
  router.user('GET', '/pod/v1/user/presence', (ctx) => ({ status: 200, body: { category: v1Category(v2Presence(ctx, ctx.caller.user.id).category) } }));
  router.user('POST', '/pod/v1/user/presence', setOwnPresenceV1);
  router.user('GET', '/pod/v1/user/{uid}/presence', (ctx) => ({
    status: 200, body: { category: v1Category(visiblePresence(ctx, pathUser(ctx), false).category) },
  }));
  router.user('GET', '/pod/v2/user/{uid}/presence', (ctx) => ({
    status: 200, body: { category: v1Category(visiblePresence(ctx, pathUser(ctx), booleanQuery(ctx.query, 'local') === true).category) },
  }));
}
