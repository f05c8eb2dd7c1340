/**
 * What a user may do (pod, admin role required): feature entitlements, roles and status.
 * GET/POST /pod/v1/admin/user/{uid}/features[/update], GET /pod/v1/admin/system/roles/list,
 * POST /pod/v1/admin/user/{uid}/roles/add|remove, GET/POST /pod/v1/admin/user/{uid}/status[/update].
 */
import { readJson } from '../http/body';
import { badRequest } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import { check } from '../schemas';
import { userValidators } from '../schemas-users';
import { FEATURE_DEFAULTS, ROLES, SEND_FILES_FEATURE } from '../state-users';
import { checkRole } from './users-admin';
import { featureList, userStatus } from './users-admin-views';
import { SUCCESS, USER_ADMIN_ROLES, pathPodUser, recordAudit, requireRole } from './users-common';

function listFeatures(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  return { status: 200, body: featureList(ctx.sim.state, pathPodUser(ctx)) };
}

async function updateFeatures(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathPodUser(ctx);
  const features = check(userValidators.featureList, await readJson(ctx.req), 'body');
  features.forEach(({ entitlment }, i) => {
    if (!(entitlment in FEATURE_DEFAULTS)) {
      throw badRequest(`body[${i}].entitlment ${entitlment} is not a feature; known: ${Object.keys(FEATURE_DEFAULTS).join(', ')}`);
    }
  });
  const record = ctx.sim.state.userAdmin.record(user.id);
  for (const { entitlment, enabled } of features) {
    // sendFilesEnabled is what the agent checks before accepting attachments.
    if (entitlment === SEND_FILES_FEATURE) user.entitlements.canSendFiles = enabled;
    else record.features.set(entitlment, enabled);
  }
  record.lastUpdatedDate = Date.now();
  recordAudit(ctx, 'User Features Updated', 'userFeaturesUpdated', user);
  return SUCCESS;
}

function listRoles(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  return { status: 200, body: ROLES.map((role) => ({ ...role, userTypes: [...role.userTypes], optionalActions: [...role.optionalActions ?? []] })) };
}

async function addRole(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathPodUser(ctx);
  const { id } = check(userValidators.stringId, await readJson(ctx.req), 'body');
  checkRole(id, user.accountType, 'role');
  if (!user.roles.includes(id)) user.roles.push(id);
  ctx.sim.state.userAdmin.record(user.id).lastUpdatedDate = Date.now();
  recordAudit(ctx, 'Role Added', 'roleAdded', user);
  return SUCCESS;
}

async function removeRole(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathPodUser(ctx, 404);
  const { id } = check(userValidators.stringId, await readJson(ctx.req), 'body');
  if (!ROLES.some((role) => role.id === id)) throw badRequest(`role ${id} is not a role of this pod`);
  user.roles = user.roles.filter((role) => role !== id);
  ctx.sim.state.userAdmin.record(user.id).lastUpdatedDate = Date.now();
  recordAudit(ctx, 'Role Removed', 'roleRemoved', user);
  return SUCCESS;
}

function getStatus(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  return { status: 200, body: userStatus(ctx.sim.state, pathPodUser(ctx)) };
}

async function updateStatus(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathPodUser(ctx);
  const { status, suspended, suspendedUntil, suspensionReason } = check(userValidators.userStatus, await readJson(ctx.req), 'body');
  if (user.id === ctx.caller.user.id && status === 'DISABLED') throw badRequest('status: an account cannot disable itself');
  const record = ctx.sim.state.userAdmin.record(user.id);
  const now = Date.now();
  if (user.active && status === 'DISABLED') record.deactivatedDate = now;
  if (status === 'ENABLED') delete record.deactivatedDate;
  user.active = status === 'ENABLED';
  if (suspended !== undefined) record.suspension = suspended ? { suspended, suspendedUntil, suspensionReason } : { suspended };
  record.lastUpdatedDate = now;
  recordAudit(ctx, status === 'ENABLED' ? 'User Activated' : 'User Deactivated', status === 'ENABLED' ? 'userActivated' : 'userDeactivated', user);
  return SUCCESS;
}

export function registerUserAccessRoutes(router: Router): void {
  router.user('GET', '/pod/v1/admin/user/{uid}/features', listFeatures);
  router.user('POST', '/pod/v1/admin/user/{uid}/features/update', updateFeatures);
  router.user('GET', '/pod/v1/admin/system/roles/list', listRoles);
  router.user('POST', '/pod/v1/admin/user/{uid}/roles/add', addRole);
  router.user('POST', '/pod/v1/admin/user/{uid}/roles/remove', removeRole);
  router.user('GET', '/pod/v1/admin/user/{uid}/status', getStatus);
  router.user('POST', '/pod/v1/admin/user/{uid}/status/update', updateStatus);
}
