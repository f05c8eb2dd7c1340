import type { OperationSpec, PagingSpec } from '../../nodes/catalogue/types';
import { escapeHtml } from './html';
import { MAX_ITEMS_DEFAULT } from './paging-fields';
import type { Texts } from './texts';

const OWNER = 'editor';

/** Escapes a locale text, then puts the (already safe) HTML of each `__name__` placeholder in. */
function fill(text: string, html: Record<string, string>): string {
  return escapeHtml(text).replace(/__(\w+)__/g, (whole, name: string) => html[name] ?? whole);
}

function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

function whereItemsAre(paging: PagingSpec, shared: Texts): string {
  return paging.items === ''
    ? escapeHtml(shared.text(OWNER, 'editor.help.pagingItemsRoot'))
    : fill(shared.text(OWNER, 'editor.help.pagingItemsAt'), { path: code(paging.items) });
}

/** The help's "Pages" part of a paged entry: where the items are, the API's page size and the three properties. */
export function pagingHelp(op: OperationSpec, shared: Texts): string {
  if (!op.paging) return '';
  const heading = escapeHtml(shared.text(OWNER, 'editor.paging.section'));
  const text = fill(shared.text(OWNER, 'editor.help.paging'), {
    items: whereItemsAre(op.paging, shared),
    pageSize: code(String(op.paging.maxPageSize)),
    maxItems: code(String(MAX_ITEMS_DEFAULT)),
    pages: code('pages'),
    maxItemsProperty: code('maxItems'),
    split: code('split'),
  });
  return `<h4>${heading}</h4>\n<p>${text}</p>\n`;
}
