/**
 * More user administration (pod, admin role required): POST /pod/v1/admin/user/find, PUT
 * /pod/v1/admin/user/{userId}/suspension/update, GET and POST /pod/v1/admin/user/{uid}/avatar[/update], GET and
 * POST /pod/v1/admin/user/{uid}/delegates[/update], GET /pod/v1/admin/system/features/list, and GET
 * /pod/v1/languages (any user). Suspension is the admin record's, so user status and details show it at once.
 */
import { readBody, readJson } from '../http/body';
import { badRequest } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import type { SimUser } from '../model';
import { check } from '../schemas';
import { userManageValidators } from '../schemas-user-manage';
import type { SimulatorState } from '../state';
import { FEATURE_DEFAULTS, ROLES } from '../state-users';
import { featureList, v2UserDetail } from './users-admin-views';
import { USER_ADMIN_ROLES, pathPodUser, recordAudit, requireRole } from './users-common';

const FIND_DEFAULT = 100;
const FIND_MAX = 1000;
/** AvatarUpdate: the original image must be less than 2 MB. */
const MAX_AVATAR_BYTES = 2 * 1024 * 1024;
/** The languages the simulated pod offers. */
const LANGUAGES: readonly string[] = ['en-US', 'fr-FR', 'de-DE', 'ja-JP', 'zh-CN'];

/** UserAttributes, the v1 admin shape: V2UserAttributes without the keys and the v2-only fields. */
const V1_ATTRIBUTES = [
  'emailAddress', 'firstName', 'lastName', 'userName', 'displayName', 'companyName', 'department', 'division', 'title',
  'workPhoneNumber', 'mobilePhoneNumber', 'smsNumber', 'accountType', 'location', 'jobFunction', 'assetClasses', 'industries',
] as const;

/** Pod UserDetail (v1). */
function userDetail(state: SimulatorState, user: SimUser): Record<string, unknown> {
  const v2 = v2UserDetail(state, user);
  const attributes = v2.userAttributes as Record<string, unknown>;
  return {
    userAttributes: Object.fromEntries(V1_ATTRIBUTES.filter((name) => attributes[name] !== undefined).map((name) => [name, attributes[name]])),
    userSystemInfo: v2.userSystemInfo,
    roles: v2.roles,
    apps: [],
    groups: [],
    disclaimers: [],
    avatar: v2.avatar,
  };
}

function pageNumber(ctx: UserContext, name: string, min: number, max: number, fallback: number): number {
  const value = ctx.query.get(name);
  if (value === null || value === '') return fallback;
  const number = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(number >= min && number <= max)) throw badRequest(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  return number;
}

async function findUsers(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const skip = pageNumber(ctx, 'skip', 0, Number.MAX_SAFE_INTEGER, 0);
  const limit = pageNumber(ctx, 'limit', 1, FIND_MAX, FIND_DEFAULT);
  const filter = check(userManageValidators.userFilter, await readJson(ctx.req), 'payload');
  if (filter.role !== undefined && !ROLES.some((role) => role.id === filter.role)) throw badRequest(`payload.role ${filter.role} is not a role of this pod`);
  if (filter.feature !== undefined && !(filter.feature in FEATURE_DEFAULTS)) throw badRequest(`payload.feature ${filter.feature} is not a feature of this pod`);
  const { state } = ctx.sim;
  const found = [...state.users.values()].filter((user) => state.isInternal(user)
    && (filter.role === undefined || user.roles.includes(filter.role))
    && (filter.status === undefined || (filter.status === 'ENABLED') === user.active)
    && (filter.feature === undefined || featureList(state, user).some((f) => f.entitlment === filter.feature && f.enabled)))
    .sort((a, b) => a.id - b.id);
  return { status: 200, body: found.slice(skip, skip + limit).map((user) => userDetail(state, user)) };
}

/** The {userId} of the suspension path, as pathPodUser reads {uid}. */
function suspensionUser(ctx: UserContext): SimUser {
  return pathPodUser({ ...ctx, params: { uid: ctx.params.userId ?? '' } });
}

async function updateSuspension(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = suspensionUser(ctx);
  const { suspended, suspendedUntil, suspensionReason } = check(userManageValidators.userSuspension, await readJson(ctx.req), 'payload');
  if (suspended && user.id === ctx.caller.user.id) throw badRequest('payload.suspended: an account cannot suspend itself');
  const record = ctx.sim.state.userAdmin.record(user.id);
  record.suspension = suspended ? { suspended, suspendedUntil, suspensionReason } : { suspended };
  record.lastUpdatedDate = Date.now();
  recordAudit(ctx, suspended ? 'User Suspended' : 'User Unsuspended', suspended ? 'userSuspended' : 'userUnsuspended', user);
  return { status: 200, body: { format: 'TEXT', message: suspended ? 'User suspended with success' : 'User unsuspended with success' } };
}

function getAvatar(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  return { status: 200, body: ctx.sim.state.userManage.avatarsOf(pathPodUser(ctx).id) };
}

/** PNG, JPEG or GIF, by their first bytes: what the pod shows as an avatar. */
function isPicture(image: Buffer): boolean {
  return image.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    || (image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff)
    || image.subarray(0, 4).toString('latin1') === 'GIF8';
}

async function updateAvatar(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathPodUser(ctx);
  // Base64 makes 2 MB about 2.7 MB of text: a body beyond that holds a picture too large anyway.
  const raw = await readBody(ctx.req, 3 * 1024 * 1024).catch(() => {
    throw badRequest('payload.image must be less than 2 MB');
  });
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequest('Request body is not valid JSON');
  }
  const { image } = check(userManageValidators.avatarUpdate, body, 'payload');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(image) || image.length % 4 !== 0) throw badRequest('payload.image is not base64');
  const picture = Buffer.from(image, 'base64');
  if (picture.length >= MAX_AVATAR_BYTES) throw badRequest('payload.image must be less than 2 MB');
  if (!isPicture(picture)) throw badRequest('payload.image is not a PNG, JPEG or GIF picture');
  ctx.sim.state.userManage.setAvatar(user.id, picture);
  ctx.sim.state.userAdmin.record(user.id).lastUpdatedDate = Date.now();
  return { status: 200, body: { format: 'TEXT', message: 'OK' } };
}

function getDelegates(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  return { status: 200, body: [...ctx.sim.state.userManage.delegatesOf(pathPodUser(ctx).id)] };
}

async function updateDelegates(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathPodUser(ctx);
  const { userId, action } = check(userManageValidators.delegateAction, await readJson(ctx.req), 'payload');
  const { state } = ctx.sim;
  const delegate = state.users.get(userId);
  if (!delegate || !state.isInternal(delegate)) throw badRequest(`payload.userId: user ${userId} not found`);
  if (delegate.id === user.id) throw badRequest('payload.userId: a user cannot be their own delegate');
  state.userManage.setDelegate(user.id, delegate.id, action === 'ADD');
  const verb = action === 'ADD' ? 'Added' : 'Removed';
  return { status: 200, body: { format: 'TEXT', message: `${verb} delegate [${delegate.id}] for account [${user.id}]` } };
}

export function registerUserManageRoutes(router: Router): void {
  router.user('POST', '/pod/v1/admin/user/find', findUsers);
  router.user('PUT', '/pod/v1/admin/user/{userId}/suspension/update', updateSuspension);
  router.user('GET', '/pod/v1/admin/user/{uid}/avatar', getAvatar);
  router.user('POST', '/pod/v1/admin/user/{uid}/avatar/update', updateAvatar);
  router.user('GET', '/pod/v1/admin/user/{uid}/delegates', getDelegates);
  router.user('POST', '/pod/v1/admin/user/{uid}/delegates/update', updateDelegates);
  router.user('GET', '/pod/v1/admin/system/features/list', (ctx) => {
    requireRole(ctx, USER_ADMIN_ROLES);
    return { status: 200, body: Object.keys(FEATURE_DEFAULTS) };
  });
  router.user('GET', '/pod/v1/languages', () => ({ status: 200, body: { languages: [...LANGUAGES] } }));
}
