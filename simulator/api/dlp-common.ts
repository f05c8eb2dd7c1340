/** What the DLP handlers share: the role they need, the page/limit paging of the two lists. */
import type { UserContext } from '../http/router';
import { requireRole } from './users-common';
import { integerQuery } from './query';

/**
 * The role the DLP endpoints need in the simulator. Symphony serves them to its compliance service account
 * (`ceservice`); the simulator takes the role its role list has for DLP policies.
 */
export const DLP_ROLES = ['EF_POLICY_MANAGEMENT'] as const;

export function requireDlpRole(ctx: UserContext): void {
  requireRole(ctx, DLP_ROLES);
}

/** The `page` (from 0) and `limit` (up to 50, default 50) of the policy and dictionary lists. */
export function numberedPage<T>(ctx: UserContext, all: readonly T[]): { items: T[]; page: number; size: number; pageCount: number } {
  const page = integerQuery(ctx.query, 'page', 0) ?? 0;
  const size = integerQuery(ctx.query, 'limit', 1, 50) ?? 50;
  return { items: all.slice(page * size, (page + 1) * size), page, size, pageCount: Math.ceil(all.length / size) };
}
