import type { OperationSpec } from '../../nodes/catalogue/types';
import { DEFAULT_MAX_ITEMS } from '../../nodes/runtime/operations/paging';
import { scriptJson } from './html';
import type { DefaultEntry } from './register-type';

/**
 * The node properties the runtime reads for an entry with `paging` (nodes/runtime/operations/paging.ts, pagingChoice), with
 * the runtime's own defaults: one page, at most DEFAULT_MAX_ITEMS items when reading all pages, one msg.
 */
export const PAGES_VALUES = ['one', 'all'] as const;
export const SPLIT_VALUES = ['list', 'items'] as const;
export const MAX_ITEMS_DEFAULT = DEFAULT_MAX_ITEMS;

export type PagingProperty = 'pages' | 'maxItems' | 'split';

/** `pages`, `maxItems`, `split` for a paged entry, none for the others. */
export function pagingDefaults(op: OperationSpec): Array<[PagingProperty, DefaultEntry]> {
  if (!op.paging) return [];
  return [
    ['pages', { value: PAGES_VALUES[0], validate: `SymphonyEditor.choiceValidator(${scriptJson(PAGES_VALUES)})` }],
    ['maxItems', { value: MAX_ITEMS_DEFAULT, validate: 'SymphonyEditor.numberValidator(1, true)' }],
    ['split', { value: SPLIT_VALUES[0], validate: `SymphonyEditor.choiceValidator(${scriptJson(SPLIT_VALUES)})` }],
  ];
}
