import type { OperationSpec, PagingSpec, ParamValues } from '../catalogue/types';
import type { OperationNodeConfig } from './inputs';

/** What a list node was set to do: one page or all pages (up to a cap), one msg or one msg per item. */
export interface PagingChoice {
  allPages: boolean;
  maxItems: number;
  perItem: boolean;
}

export const DEFAULT_MAX_ITEMS = 1000;

export interface PagedResult {
  /** What goes on msg.<output> when the node sends one msg. */
  result: unknown;
  /** The items, for one msg per item. */
  items: unknown[];
  /** All pages were asked for, and the cap stopped the reading before the last page. */
  truncated: boolean;
}

export function pagingChoice(config: OperationNodeConfig, op: OperationSpec): PagingChoice | undefined {
  if (!op.paging) return undefined;
  const cap = Number(config.maxItems);
  return {
    allPages: config.pages === 'all',
    maxItems: Number.isSafeInteger(cap) && cap > 0 ? cap : DEFAULT_MAX_ITEMS,
    perItem: config.split === 'items',
  };
}

function atPath(value: unknown, dotted: string): unknown {
  if (!dotted) return value;
  let node: unknown = value;
  for (const part of dotted.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function itemsOf(answer: unknown, paging: PagingSpec): unknown[] {
  const items = atPath(answer, paging.items);
  return Array.isArray(items) ? items : [];
}

/**
 * Reads one page, or every page until the API runs out or the cap is reached. Pages are addressed the way the
 * entry declares (skip/limit or a cursor); the first page starts where the node's own skip or cursor says.
 */
export async function readPages(
  paging: PagingSpec, choice: PagingChoice, values: ParamValues, fetchPage: (values: ParamValues) => Promise<unknown>,
): Promise<PagedResult> {
  if (!choice.allPages) {
    const answer = await fetchPage(values);
    return { result: answer, items: itemsOf(answer, paging), truncated: false };
  }
  const pageSize = Math.min(Number(values.limit ?? paging.maxPageSize), paging.maxPageSize);
  const collected: unknown[] = [];
  let skip = Number(values.skip ?? 0);
  let cursor = values.after;
  for (;;) {
    const wanted = Math.min(pageSize, choice.maxItems - collected.length);
    const pageValues: ParamValues = { ...values, limit: wanted };
    if (paging.style === 'skip-limit') pageValues.skip = skip;
    else if (cursor !== undefined) pageValues.after = cursor;
    const answer = await fetchPage(pageValues);
    const page = itemsOf(answer, paging);
    collected.push(...page.slice(0, wanted));
    skip += page.length;
    cursor = paging.cursorPath ? atPath(answer, paging.cursorPath) : undefined;
    const lastPage = page.length < wanted || (paging.style === 'cursor' && (cursor === undefined || cursor === null || cursor === ''));
    if (lastPage) return { result: collected, items: collected, truncated: false };
    if (collected.length >= choice.maxItems) return { result: collected, items: collected, truncated: true };
  }
}
