import type { OperationSpec, PagingSpec } from '../../nodes/catalogue/types';
import { formRow, selectControl } from './form';
import { escapeHtml } from './html';
import { MAX_ITEMS_DEFAULT, PAGES_VALUES, SPLIT_VALUES } from './paging-fields';
import type { Texts } from './texts';

const OWNER = 'editor';

/**
 * The edit dialog's "Pages" section of a paged entry: pages (one/all), maxItems (shown for all pages; blank
 * means the runtime's default, shown as the placeholder) and split (one msg with the list / one msg per item).
 */
export function pagingRows(shared: Texts): string {
  const key = (k: string): string => shared.key(OWNER, k);
  const choices = (name: string, values: readonly string[]) => values.map((v) => [v, key(`editor.paging.${name}.${v}`)] as const);
  return [
    `  <div class="form-row symphony-section"><i class="fa fa-files-o"></i> <span data-i18n="${key('editor.paging.section')}"></span></div>`,
    formRow({ inputId: 'node-input-pages', icon: 'files-o', labelKey: key('editor.paging.pages.label'),
      titleKey: key('editor.paging.pages.description'), control: selectControl('node-input-pages', choices('pages', PAGES_VALUES)) }),
    formRow({ inputId: 'node-input-maxItems', icon: 'hashtag', labelKey: key('editor.paging.maxItems.label'),
      titleKey: key('editor.paging.maxItems.description'), rowAttributes: ' id="symphony-max-items-row"',
      control: `<input type="number" id="node-input-maxItems" min="1" step="1" placeholder="${MAX_ITEMS_DEFAULT}" style="width: 100px;">` }),
    formRow({ inputId: 'node-input-split', icon: 'list', labelKey: key('editor.paging.split.label'),
      titleKey: key('editor.paging.split.description'), control: selectControl('node-input-split', choices('split', SPLIT_VALUES)) }),
  ].join('\n');
}

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
