/**
 * GET /agent/v1/audittrail/privilegeduser: the writes privileged accounts made through the admin user endpoints
 * (recorded by recordAudit), oldest first, filtered by time, initiator and role, with cursor paging. Needs the
 * Audit Trail Management role.
 */
import { badRequest } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import type { AuditEntry } from '../state-users';
import { cursorPage } from './users-cursor';
import { AUDIT_TRAIL_ROLES, requireRole } from './users-common';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

function timestampQuery(ctx: UserContext, name: string, required: boolean): number | undefined {
  const value = ctx.query.get(name);
  if (value === null || value === '') {
    if (required) throw badRequest(`${name} is required`);
    return undefined;
  }
  if (!/^\d{1,16}$/.test(value)) throw badRequest(`${name} must be a unix timestamp in milliseconds, got ${value}`);
  return Number(value);
}

/** V1AuditTrailInitiatorResponse: the spec types ids and the timestamp as strings. */
function auditJson(entry: AuditEntry): Record<string, unknown> {
  return {
    action: entry.action,
    actionName: entry.actionName,
    timestamp: String(entry.timestamp),
    initiatorId: String(entry.initiatorId),
    initiatorUsername: entry.initiatorUsername,
    initiatorEmailAddress: entry.initiatorEmailAddress,
    // Per-action attributes, as the spec allows.
    affectedId: String(entry.affectedId),
    affectedUsername: entry.affectedUsername,
    affectedEmailAddress: entry.affectedEmailAddress,
  };
}

function auditTrail(ctx: UserContext): Reply {
  requireRole(ctx, AUDIT_TRAIL_ROLES);
  const start = timestampQuery(ctx, 'startTimestamp', true) as number;
  const givenEnd = timestampQuery(ctx, 'endTimestamp', false);
  if (givenEnd !== undefined && givenEnd < start) throw badRequest('endTimestamp must not be before startTimestamp');
  const end = givenEnd ?? Date.now();
  const initiator = ctx.query.get('initiatorId') || undefined;
  if (initiator !== undefined && !/^\d{1,16}$/.test(initiator)) throw badRequest(`initiatorId must be a user id, got ${initiator}`);
  const role = ctx.query.get('role') || undefined;
  const entries = ctx.sim.state.userAdmin.audit.filter((e) => e.timestamp >= start && e.timestamp <= end
    && (initiator === undefined || e.initiatorId === Number(initiator))
    && (role === undefined || e.initiatorRoles.includes(role)));
  if (entries.length === 0) return { status: 204 };
  const page = cursorPage(entries, ctx.query, ctx.path, DEFAULT_LIMIT, MAX_LIMIT);
  return { status: 200, body: { items: page.items.map(auditJson), pagination: page.pagination } };
}

export function registerAuditRoutes(router: Router): void {
  router.user('GET', '/agent/v1/audittrail/privilegeduser', auditTrail);
}
