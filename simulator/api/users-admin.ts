/**
 * User administration (pod, admin role required): GET /pod/v2/admin/user/list, GET /pod/v2/admin/user/{uid},
 * POST /pod/v2/admin/user/create and POST /pod/v2/admin/user/{uid}/update. Created and updated users are the
 * shared SimUser records, so lookups, search, IMs and logins see them at once.
 */
import { createPublicKey } from 'node:crypto';
import { readJson } from '../http/body';
import { badRequest } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import type { SimUser } from '../model';
import { check } from '../schemas';
import { userValidators, type V2UserAttributes } from '../schemas-users';
import type { SimulatorState } from '../state';
import { ROLES, type UserExtras } from '../state-users';
import { v2UserDetail } from './users-admin-views';
import { USER_ADMIN_ROLES, pathPodUser, recordAudit, requireRole } from './users-common';
import { integerQuery } from './query';

/** Symphony user ids carry the tenant (pod) id in the bits above 27. */
const TENANT_SHIFT = 2 ** 27;
/** New users are numbered from here, clear of the seeded ones. */
const FIRST_NEW_USER = 30000;
const LIST_DEFAULT = 100;
const LIST_MAX = 1000;

function listUsers(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const skip = integerQuery(ctx.query, 'skip', 0) ?? 0;
  const limit = integerQuery(ctx.query, 'limit', 1, LIST_MAX) ?? LIST_DEFAULT;
  const { state } = ctx.sim;
  const users = [...state.users.values()].filter((u) => state.isInternal(u)).sort((a, b) => a.id - b.id);
  return { status: 200, body: users.slice(skip, skip + limit).map((u) => v2UserDetail(state, u)) };
}

function getUser(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  return { status: 200, body: v2UserDetail(ctx.sim.state, pathPodUser(ctx)) };
}

/** The attributes kept on SimUser; everything else goes to the admin record's extras. */
function applyAttributes(state: SimulatorState, user: SimUser, attrs: V2UserAttributes, field: string): void {
  const {
    emailAddress, firstName, lastName, userName, displayName, companyName, department, title, location, accountType,
    previousKey: _previousKey, currentKey, ...extras
  } = attrs;
  if (accountType !== undefined && accountType !== user.accountType) {
    throw badRequest(`${field}.accountType cannot be changed from ${user.accountType} to ${accountType}`);
  }
  const byEmail = emailAddress === undefined ? undefined : state.userByEmail(emailAddress);
  if (byEmail && byEmail.id !== user.id) throw badRequest(`${field}.emailAddress ${emailAddress} is already used by another user`);
  const byName = userName === undefined ? undefined : state.userByUsername(userName);
  if (byName && byName.id !== user.id) throw badRequest(`${field}.userName ${userName} is already taken`);
  const publicKey = currentKey?.key !== undefined && currentKey.action !== 'REVOKE' ? parseKey(currentKey.key, field) : undefined;

  const oldKeyName = user.username.toLowerCase();
  Object.assign(user, definedOnly({
    emailAddress, firstName, lastName, username: userName, displayName, company: companyName, department, title, location,
  }));
  // A login key follows its user through a rename; REVOKE removes it, a new key replaces it.
  const key = state.userKeys.get(oldKeyName);
  state.userKeys.delete(oldKeyName);
  if (publicKey) state.userKeys.set(user.username.toLowerCase(), publicKey);
  else if (key && currentKey?.action !== 'REVOKE') state.userKeys.set(user.username.toLowerCase(), key);

  const record = state.userAdmin.record(user.id);
  record.extras = { ...record.extras, ...(extras as UserExtras) };
  if (currentKey?.action === 'REVOKE') delete record.extras.currentKey;
  else if (currentKey?.key !== undefined) record.extras.currentKey = { key: currentKey.key };
  record.lastUpdatedDate = Date.now();
}

function parseKey(pem: string, field: string): ReturnType<typeof createPublicKey> {
  try {
    return createPublicKey(pem);
  } catch {
    throw badRequest(`${field}.currentKey.key is not a valid RSA public key (PEM)`);
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Checks a role can be held by an account of this type; the message names `field`. */
export function checkRole(role: string, accountType: SimUser['accountType'], field: string): void {
  const definition = ROLES.find((r) => r.id === role);
  if (!definition) throw badRequest(`${field} ${role} is not a role of this pod`);
  if (!definition.userTypes.includes(accountType)) throw badRequest(`${field} ${role} cannot be given to a ${accountType} account`);
}

async function createUser(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const { userAttributes: attrs, roles = ['INDIVIDUAL'] } = check(userValidators.v2UserCreate, await readJson(ctx.req), 'body');
  const { state } = ctx.sim;
  if (attrs.accountType === 'SDL') throw badRequest('userAttributes.accountType SDL (distribution lists) is not supported by the simulator');
  if (attrs.accountType === 'NORMAL') {
    for (const name of ['firstName', 'lastName'] as const) {
      if (!attrs[name]) throw badRequest(`userAttributes.${name} is required for a NORMAL user`);
    }
  }
  if (state.userByUsername(attrs.userName)) throw badRequest(`userAttributes.userName ${attrs.userName} is already taken`);
  if (state.userByEmail(attrs.emailAddress)) throw badRequest(`userAttributes.emailAddress ${attrs.emailAddress} is already used by another user`);
  roles.forEach((role, i) => checkRole(role, attrs.accountType as SimUser['accountType'], `roles[${i}]`));

  let id = state.podId * TENANT_SHIFT + FIRST_NEW_USER;
  while (state.users.has(id)) id += 1;
  const user: SimUser = {
    id, username: attrs.userName, emailAddress: attrs.emailAddress, displayName: attrs.displayName,
    company: ctx.caller.user.company, accountType: attrs.accountType as SimUser['accountType'], active: true,
    roles: [...new Set(roles)], entitlements: { canSendFiles: true },
  };
  applyAttributes(state, user, attrs, 'userAttributes');
  state.users.set(id, user);
  state.presence.set(id, { category: 'OFFLINE', timestamp: Date.now() });
  const record = state.userAdmin.record(id);
  record.createdDate = Date.now();
  record.createdBy = ctx.caller.user.id;
  recordAudit(ctx, 'User Created', 'userCreated', user);
  return { status: 200, body: v2UserDetail(state, user) };
}

async function updateUser(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathPodUser(ctx);
  const attrs = check(userValidators.v2UserAttributes, await readJson(ctx.req), 'body');
  applyAttributes(ctx.sim.state, user, attrs, 'body');
  recordAudit(ctx, 'User Updated', 'userUpdated', user);
  return { status: 200, body: v2UserDetail(ctx.sim.state, user) };
}

export function registerUserAdminRoutes(router: Router): void {
  router.user('GET', '/pod/v2/admin/user/list', listUsers);
  router.user('POST', '/pod/v2/admin/user/create', createUser);
  router.user('GET', '/pod/v2/admin/user/{uid}', getUser);
  router.user('POST', '/pod/v2/admin/user/{uid}/update', updateUser);
}
