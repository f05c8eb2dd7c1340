import type { OperationSpec } from '../../nodes/catalogue/types';
import { DEFAULT_MAX_ITEMS } from '../../nodes/runtime/operations/paging';

/**
 * The node properties the runtime reads for an entry with `paging` (nodes/runtime/operations/paging.ts, pagingChoice), with
 * the runtime's own defaults: one page (the first choice), at most DEFAULT_MAX_ITEMS items when reading all pages,
 * one msg (the first choice). The editor declares them from the catalogue data it is given.
 */
export const PAGES_VALUES = ['one', 'all'] as const;
export const SPLIT_VALUES = ['list', 'items'] as const;
export const MAX_ITEMS_DEFAULT = DEFAULT_MAX_ITEMS;

export type PagingProperty = 'pages' | 'maxItems' | 'split';

/** `pages`, `maxItems`, `split` for a paged entry, none for the others. */
export function pagingProperties(op: OperationSpec): PagingProperty[] {
  return op.paging ? ['pages', 'maxItems', 'split'] : [];
}
