/** What the user-administration handlers share: the admin role check, the {uid} user, the audit record. */
import { badRequest, forbidden, HttpError } from '../http/errors';
import type { Reply, UserContext } from '../http/router';
import type { SimUser } from '../model';

/** Roles that may call the /pod/v1 and /pod/v2 admin user endpoints and GET /pod/v1/admin/system/roles/list. */
export const USER_ADMIN_ROLES = ['USER_PROVISIONING', 'ADMINISTRATOR', 'SUPER_ADMINISTRATOR'] as const;
/** The role the privileged-user audit trail needs (Symphony: a service account with Audit Trail Management). */
export const AUDIT_TRAIL_ROLES = ['AUDIT_TRAIL_MANAGEMENT'] as const;

/** Pod SuccessResponse. */
export const SUCCESS: Reply = { status: 200, body: { format: 'TEXT', message: 'OK' } };

export function requireRole(ctx: UserContext, roles: readonly string[]): void {
  if (!ctx.caller.user.roles.some((role) => roles.includes(role))) {
    throw forbidden(`The user lacks the required entitlement to perform this operation (one of the roles ${roles.join(', ')})`);
  }
}

/**
 * The user named by the {uid} path parameter. Most of these endpoints declare no 404, so an unknown user is the
 * 400 they declare for client errors; `unknownStatus` 404 is for those that declare it (roles/remove).
 */
export function pathUser(ctx: UserContext, unknownStatus: 400 | 404 = 400): SimUser {
  const uid = ctx.params.uid ?? '';
  if (!/^\d{1,16}$/.test(uid) || Number(uid) < 1) throw badRequest(`uid must be a user id (a positive whole number), got ${uid}`);
  const user = ctx.sim.state.users.get(Number(uid));
  if (!user) throw new HttpError(unknownStatus, `User ${uid} not found`);
  return user;
}

/** The admin endpoints manage the users of this pod only. */
export function pathPodUser(ctx: UserContext, unknownStatus: 400 | 404 = 400): SimUser {
  const user = pathUser(ctx, unknownStatus);
  if (!ctx.sim.state.isInternal(user)) throw new HttpError(unknownStatus, `User ${user.id} not found`);
  return user;
}

/** Adds a privileged write to the audit trail; `action` is the readable name, `actionName` its id. */
export function recordAudit(ctx: UserContext, action: string, actionName: string, affected: SimUser): void {
  const { user } = ctx.caller;
  ctx.sim.state.userAdmin.audit.push({
    timestamp: Date.now(),
    action,
    actionName,
    initiatorId: user.id,
    initiatorUsername: user.username,
    initiatorEmailAddress: user.emailAddress,
    initiatorRoles: [...user.roles],
    affectedId: affected.id,
    affectedUsername: affected.username,
    affectedEmailAddress: affected.emailAddress,
  });
}
