import type { OperationSpec } from '../../nodes/catalogue/types';
import { escapeHtml, jsQuoted } from './html';
import { PAGES_VALUES, pagingProperties, SPLIT_VALUES } from './paging-fields';
import { paletteCategory } from './palette';
import type { Texts } from './texts';

/**
 * The node properties of an entry, in the order the runtime documents them (the editor declares the same, in
 * nodes/editor/operation-node.ts): the common ones, `P` + `PType` per parameter, options, pages, output, version.
 */
export function operationProperties(op: OperationSpec): string[] {
  return [
    'name', 'config', 'actAs', 'oboUser', 'oboUserType',
    ...op.params.flatMap((param) => [param.name, `${param.name}Type`]),
    ...(op.options ?? []).map((option) => option.name),
    ...pagingProperties(op),
    'outputProperty', 'schemaVersion',
  ];
}

/**
 * One script registering every operation node type: a `SymphonyEditor.registerType('<type>', { category: '<category>' })`
 * call per type, in the literal form the flow library and its scorecard read types and categories from; the
 * definition and the dialog come from the catalogue data (nodes/editor/operation-node.ts).
 */
export function operationRegistrations(operations: readonly OperationSpec[]): string {
  const calls = operations.map((op) => `SymphonyEditor.registerType(${jsQuoted(op.type)}, { category: ${jsQuoted(paletteCategory(op.area))} });`);
  return `<script type="text/javascript">\n${calls.join('\n')}\n</script>`;
}

/**
 * The type's edit template, left empty: Node-RED's registry lists a node set's types from these elements, and
 * the editor helper fills them from the catalogue data when it registers the types.
 */
export function operationTemplatePlaceholder(op: OperationSpec): string {
  return `<script type="text/html" data-template-name="${escapeHtml(op.type)}"></script>`;
}

/** The texts the browser's dialog builder names by parts: the Pages section's choices. */
export function checkDialogKeys(texts: Texts): void {
  for (const value of PAGES_VALUES) texts.key('editor', `editor.paging.pages.${value}`);
  for (const value of SPLIT_VALUES) texts.key('editor', `editor.paging.split.${value}`);
}
