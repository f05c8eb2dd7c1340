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
 * One script registering every operation node type, a `RED.nodes.registerType('<type>', { category: '<category>' })`
 * call per type: the literal form the flow library and its scorecard read types and categories from (DESIGN.md).
 * `RED` there is the editor helper's registry, which completes each definition and dialog from the catalogue
 * data before handing it to Node-RED (nodes/editor/operation-node.ts).
 */
export function operationRegistrations(operations: readonly OperationSpec[]): string {
  const calls = operations.map((op) => `RED.nodes.registerType(${jsQuoted(op.type)}, { category: ${jsQuoted(paletteCategory(op.area))} });`);
  return `<script type="text/javascript">\n(function (RED) {\n${calls.join('\n')}\n})(SymphonyEditor.operationRegistry());\n</script>`;
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
