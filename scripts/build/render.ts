import type { OperationSpec } from '../../nodes/catalogue/types';
import type { DedicatedNodeSpec } from '../../nodes/dedicated/types';
import { catalogueJson } from './catalogue-json';
import { checkCatalogue } from './check-catalogue';
import { configHelp, configScript, configTemplate } from './config-node';
import { checkDedicatedNodes, dedicatedHelp, dedicatedScript, dedicatedTemplate } from './dedicated-node';
import { editorData } from './editor-data';
import { BuildError } from './errors';
import { scriptJson } from './html';
import { type Catalog, mergeCatalogs } from './locale';
import { collectOboEndpoints } from './obo-endpoints';
import { operationHelp } from './operation-help';
import { checkDialogKeys, operationRegistrations, operationTemplatePlaceholder } from './operation-node';
import type { OperationTexts } from './operation-texts';
import { operationTexts } from './operation-texts';
import { OBO_ENDPOINTS_MARKERS, OPERATIONS_MARKERS, oboEndpointsTable, type ReadmeSection, readmeTable } from './readme';
import { Texts } from './texts';

export interface BuildInputs {
  packageName: string;
  /** Node set name: the basename of the runtime entry (`symphony` for dist/nodes/symphony.js). */
  setName: string;
  operations: readonly OperationSpec[];
  /** Node types with a runtime of their own (nodes/dedicated); none when absent. */
  dedicated?: readonly DedicatedNodeSpec[];
  editorCatalog: Catalog;
  runtimeCatalog: Catalog;
  /** The compiled editor helper (dist/editor/*.js, concatenated). */
  editorScript: string;
  /** Where the editor texts come from, for error messages. */
  localeSource: string;
}

export interface BuildOutputs {
  /** Generated files, relative to the directory of the runtime entry. */
  files: Record<string, string>;
  /** The README's generated tables: operations, and OBO-enabled endpoints. */
  readmeSections: ReadmeSection[];
}

const STYLE = `<style>
  .symphony-pem { font-family: monospace; font-size: 11px; resize: vertical; }
  .symphony-secret { -webkit-text-security: disc; }
  .symphony-file-row { margin: 4px 0 0 104px; }
  .symphony-required { color: #c0392b; }
  .symphony-section { margin-top: 12px; font-weight: bold; }
  .symphony-chat { display: flex; flex-direction: column; height: 100%; box-sizing: border-box; padding: 8px; gap: 6px; }
  .symphony-chat-row { display: flex; align-items: center; gap: 6px; }
  .symphony-chat-row label { width: 90px; flex: none; margin: 0; }
  .symphony-chat-row select { flex: 1; min-width: 0; margin: 0; }
  .symphony-chat-controls { display: flex; flex-direction: column; gap: 6px; }
  .symphony-chat-people ul { margin: 4px 0 0 18px; }
  .symphony-chat-messages { flex: 1; min-height: 80px; overflow-y: auto; border: 1px solid var(--red-ui-secondary-border-color, #ddd); padding: 4px; }
  .symphony-chat-message { margin: 4px 0; padding: 4px 6px; border-radius: 4px; background: var(--red-ui-secondary-background, #f3f3f3); overflow-wrap: anywhere; }
  .symphony-chat-mine { background: var(--red-ui-tertiary-background, #e6eef7); }
  .symphony-chat-head { font-size: 11px; color: var(--red-ui-secondary-text-color, #777); display: flex; justify-content: space-between; gap: 6px; }
  .symphony-chat-sender { font-weight: bold; }
  .symphony-chat-entity { color: var(--red-ui-text-color-link, #0070c0); font-weight: bold; }
  .symphony-chat-body pre { white-space: pre-wrap; }
  .symphony-chat-form { border-left: 3px solid var(--red-ui-secondary-border-color, #ccc); padding: 4px 8px; margin: 4px 0; }
  .symphony-chat-field { display: block; margin: 4px 0; }
  .symphony-chat-field-label { display: block; font-size: 11px; }
  .symphony-chat-field input[type="text"], .symphony-chat-field textarea, .symphony-chat-field select { width: 100%; box-sizing: border-box; margin: 0; }
  .symphony-chat-form-button { margin: 4px 4px 0 0; }
  .symphony-chat-form-status, .symphony-chat-empty, .symphony-chat-hint { font-size: 11px; color: var(--red-ui-secondary-text-color, #777); }
  .symphony-chat-composer { display: flex; gap: 6px; align-items: flex-end; }
  .symphony-chat-composer textarea { flex: 1; resize: vertical; margin: 0; }
  .symphony-chat-error { color: #c0392b; }
</style>`;

/**
 * The node set's message catalogue as Node-RED serves it (runtime, and editor at /locales): without the operations'
 * help texts (`<id>.help.*`), which only the build reads, into the help file.
 */
export function servedCatalog(catalog: Catalog, operations: readonly OperationSpec[]): Catalog {
  const served: Catalog = { ...catalog };
  for (const op of operations) {
    const texts = served[op.id];
    if (typeof texts === 'object' && texts.help !== undefined) {
      const { help: _help, ...rest } = texts;
      served[op.id] = rest;
    }
  }
  return served;
}

/** String literals of the editor helper that are locale keys (`t('editor.…')`); the build checks they exist. */
function editorScriptKeys(editorScript: string): string[] {
  return [...editorScript.matchAll(/'((?:editor|config)\.[A-Za-z0-9_.]+)'/g)].map((m) => m[1] ?? '');
}

/** Renders every generated file from the catalogue and the locale texts; throws BuildError on any gap. */
export function renderBuild(inputs: BuildInputs): BuildOutputs {
  checkCatalogue(inputs.operations);
  if (/<\/script/i.test(inputs.editorScript)) throw new BuildError('the compiled editor helper contains "</script"');
  const catalog = mergeCatalogs(inputs.editorCatalog, inputs.runtimeCatalog);
  const texts = new Texts(catalog, inputs.localeSource);
  editorScriptKeys(inputs.editorScript).forEach((key) => texts.key('editor helper (nodes/editor)', key));

  const namespace = `${inputs.packageName}/${inputs.setName}`;
  const opTexts = new Map<string, OperationTexts>(inputs.operations.map((op) => [op.type, operationTexts(texts, op)]));
  const textsOf = (op: OperationSpec): OperationTexts => opTexts.get(op.type) ?? operationTexts(texts, op);
  checkDialogKeys(texts);
  const html: string[] = [
    '<!-- Generated by scripts/build.ts from nodes/catalogue and locales/: do not edit. -->',
    STYLE,
    `<script type="text/javascript">\n${inputs.editorScript.trim()}\nSymphonyEditor.init(${scriptJson(editorData(namespace, inputs.operations, textsOf))});\n</script>`,
    // The "Symphony chat" sidebar tab (nodes/editor/chat-view.ts), once the helper knows its texts.
    '<script type="text/javascript">SymphonyEditor.registerChatView();</script>',
    configScript(),
    configTemplate(texts),
    // The operations' templates before their registration, which fills them (nodes/editor/operation-node.ts).
    inputs.operations.map(operationTemplatePlaceholder).join('\n'),
    operationRegistrations(inputs.operations),
  ];
  const help: string[] = [configHelp(texts)];
  for (const op of inputs.operations) help.push(operationHelp(op, textsOf(op), texts));
  const dedicated = inputs.dedicated ?? [];
  checkDedicatedNodes(dedicated, inputs.operations.map((op) => op.type));
  for (const spec of dedicated) {
    html.push(dedicatedScript(spec), dedicatedTemplate(spec, texts));
    help.push(dedicatedHelp(spec, texts));
  }
  texts.assertComplete();

  return {
    files: {
      [`${inputs.setName}.html`]: `${html.join('\n\n')}\n`,
      [`locales/en-US/${inputs.setName}.json`]: `${JSON.stringify(servedCatalog(catalog, inputs.operations), null, 2)}\n`,
      [`locales/en-US/${inputs.setName}.html`]: `${help.join('\n\n')}\n`,
      // Code imports the catalogue as './catalogue/index': a bare './catalogue' would resolve to this file.
      ['catalogue.json']: catalogueJson(inputs.packageName, inputs.operations),
    },
    readmeSections: [
      { markers: OPERATIONS_MARKERS, content: readmeTable(inputs.operations, (op) => textsOf(op).label) },
      { markers: OBO_ENDPOINTS_MARKERS, content: oboEndpointsTable(collectOboEndpoints(inputs.operations).claims) },
    ],
  };
}
