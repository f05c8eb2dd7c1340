/** What the DLP handlers share: the role they need, the page/limit paging of the two lists, query numbers. */
import { badRequest } from '../http/errors';
import type { UserContext } from '../http/router';
import { requireRole } from './users-common';

/**
 * The role the DLP endpoints need in the simulator. Symphony serves them to its compliance service account
 * (`ceservice`); the simulator takes the role its role list has for DLP policies.
 */
export const DLP_ROLES = ['EF_POLICY_MANAGEMENT'] as const;

export function requireDlpRole(ctx: UserContext): void {
  requireRole(ctx, DLP_ROLES);
}

/** A whole number query parameter within bounds, or the fallback when absent; a 400 naming it otherwise. */
export function integerQuery(ctx: UserContext, name: string, fallback: number | undefined, min: number, max?: number): number | undefined {
  const text = ctx.query.get(name);
  if (text === null || text === '') return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) throw badRequest(`${name} must be a whole number of at least ${min}, got ${text}`);
  if (max !== undefined && value > max) throw badRequest(`${name} must be at most ${max}, got ${text}`);
  return value;
}

/** The `page` (from 0) and `limit` (up to 50, default 50) of the policy and dictionary lists. */
export function numberedPage<T>(ctx: UserContext, all: readonly T[]): { items: T[]; page: number; size: number; pageCount: number } {
  const page = integerQuery(ctx, 'page', 0, 0) as number;
  const size = integerQuery(ctx, 'limit', 50, 1, 50) as number;
  return { items: all.slice(page * size, (page + 1) * size), page, size, pageCount: Math.ceil(all.length / size) };
}
