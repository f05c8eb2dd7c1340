import type { OperationSpec, PagingSpec, ParamValues } from '../../catalogue/types';
import { inputError } from '../core/errors';
import { text } from '../core/i18n';
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

const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

/**
 * Where the next page starts, for each paging style: the values of the next request, and how the answer's
 * page is trimmed (the `last-item` style repeats the previous page's last item).
 */
interface PageWalker {
  request(values: ParamValues, limit: number): ParamValues;
  /** Reads the page out of the answer; `done` when the API has no more. */
  advance(answer: unknown, requested: number): { page: unknown[]; done: boolean };
}

function walker(paging: PagingSpec, start: ParamValues): PageWalker {
  switch (paging.style) {
    case 'skip-limit': {
      let skip = Number(start.skip ?? 0);
      return {
        request: (values, limit) => ({ ...values, skip, limit }),
        advance: (answer, requested) => {
          const page = itemsOf(answer, paging);
          skip += page.length;
          return { page, done: page.length < requested };
        },
      };
    }
    case 'cursor': {
      const param = paging.cursorParam ?? 'after';
      let cursor = start[param];
      return {
        request: (values, limit) => (isBlank(cursor) ? { ...values, limit } : { ...values, [param]: cursor, limit }),
        advance: (answer, requested) => {
          const page = itemsOf(answer, paging);
          cursor = atPath(answer, paging.cursorPath ?? '');
          // A page shorter than asked ends the list, unless the API picks the page size itself.
          return { page, done: (!paging.serverPageSize && page.length < requested) || isBlank(cursor) };
        },
      };
    }
    case 'last-item': {
      const param = paging.cursorParam ?? '';
      const field = paging.cursorField ?? '';
      let last = start[param];
      let repeats = false;
      return {
        // One more than wanted: the API gives the last item of the previous page again, first.
        request: (values, limit) => ({ ...values, [param]: last, limit: repeats ? Math.min(limit + 1, paging.maxPageSize) : limit }),
        advance: (answer, requested) => {
          const raw = itemsOf(answer, paging);
          const page = repeats && raw.length > 0 && (raw[0] as Record<string, unknown>)[field] === last ? raw.slice(1) : raw;
          const done = raw.length < (repeats ? Math.min(requested + 1, paging.maxPageSize) : requested) || page.length === 0;
          if (page.length > 0) last = (page[page.length - 1] as Record<string, unknown>)[field];
          repeats = true;
          return { page, done };
        },
      };
    }
    case 'page-number': {
      let number = Number(start.page ?? 0);
      // Pages are numbered in units of the first request's size: a smaller last request would address other items.
      let size: number | undefined;
      return {
        request: (values, limit) => {
          size ??= limit;
          return { ...values, page: number, limit: size };
        },
        advance: (answer) => {
          const page = itemsOf(answer, paging);
          const count = paging.pageCountPath ? atPath(answer, paging.pageCountPath) : undefined;
          number += 1;
          const last = typeof count === 'number' && number >= count;
          return { page, done: page.length < (size ?? 0) || page.length === 0 || last };
        },
      };
    }
  }
}

/**
 * Reads one page, or every page until the API runs out or the cap is reached. The first page starts where the
 * node's own skip, cursor or last key says.
 */
export async function readPages(
  paging: PagingSpec, choice: PagingChoice, values: ParamValues, fetchPage: (values: ParamValues) => Promise<unknown>, operation: string,
): Promise<PagedResult> {
  if (!choice.allPages) {
    const answer = await fetchPage(values);
    return { result: answer, items: itemsOf(answer, paging), truncated: false };
  }
  if (paging.style === 'cursor' && !isBlank(values.before)) {
    throw inputError(operation, 'before', text('runtime.errors.paging.beforeWithAllPages'));
  }
  const pageSize = Math.min(Number(values.limit ?? paging.maxPageSize), paging.maxPageSize);
  const pages = walker(paging, values);
  const collected: unknown[] = [];
  for (;;) {
    const wanted = Math.min(pageSize, choice.maxItems - collected.length);
    const { page, done } = pages.advance(await fetchPage(pages.request(values, wanted)), wanted);
    collected.push(...page.slice(0, wanted));
    if (done) return { result: collected, items: collected, truncated: false };
    if (collected.length >= choice.maxItems) return { result: collected, items: collected, truncated: true };
  }
}
