/**
 * Editor side of the dedicated nodes (nodes/dedicated): the literal registerType script, the edit template and
 * the help, from each node's description and its texts under `dedicated.<key>.`.
 */
import type { DedicatedField, DedicatedNodeSpec, HelpProperty } from '../../nodes/dedicated/types';
import { BuildError } from './errors';
import { formRow, selectControl } from './form';
import { escapeHtml, jsQuoted } from './html';
import { categoryColor } from './palette';
import { type DefaultEntry, pickOnlyConfigScript, registerTypeScript, renderDefaults, returning } from './register-type';
import type { Texts } from './texts';

const root = (spec: DedicatedNodeSpec): string => `dedicated.${spec.key}`;

/** Type names are unique across the catalogue and the dedicated nodes; every field name once. */
export function checkDedicatedNodes(specs: readonly DedicatedNodeSpec[], catalogueTypes: readonly string[]): void {
  const seen = new Set(catalogueTypes);
  for (const spec of specs) {
    if (seen.has(spec.type)) throw new BuildError(`dedicated node ${spec.type}: the type is already taken`);
    seen.add(spec.type);
    const names = spec.fields.map((f) => f.name);
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice) throw new BuildError(`dedicated node ${spec.type}: field ${twice} is declared twice`);
    if (!/^[a-z][a-z0-9-]*$/.test(spec.key)) throw new BuildError(`dedicated node ${spec.type}: key must be lowercase letters, digits and -`);
    for (const field of spec.fields) {
      const by = field.showWhen && spec.fields.find((f) => f.name === field.showWhen?.field);
      if (field.showWhen && by?.input.kind !== 'select') throw new BuildError(`dedicated node ${spec.type}: field ${field.name} shows by ${field.showWhen.field}, which is not a select`);
    }
  }
}

function defaultEntry(field: DedicatedField): DefaultEntry {
  // An array default (multiselect) is rendered as JSON by scriptJson through `value`.
  const entry: DefaultEntry = { value: field.value as DefaultEntry['value'], required: field.required, validate: field.validate };
  if (field.input.kind === 'config') entry.type = field.input.type;
  return entry;
}

/**
 * Turns typed fields into TypedInputs and fills the checklists (nodes/editor/checklist.ts); the rest Node-RED
 * fills from the defaults by itself.
 */
function prepareSource(spec: DedicatedNodeSpec): string | undefined {
  const shown = spec.fields.flatMap((f) => (f.showWhen
    ? [`      SymphonyEditor.showWhen(${jsQuoted(f.name)}, ${jsQuoted(f.showWhen.field)}, [${f.showWhen.values.map(jsQuoted).join(', ')}]);`]
    : []));
  const addedLater = spec.fields.filter((f) => f.addedLater).map((f) => jsQuoted(f.name));
  const absent = addedLater.length > 0 ? [`      SymphonyEditor.showAbsentAsDefault(this, 'node-input', [${addedLater.join(', ')}]);`] : [];
  const lines = absent.concat(spec.fields.flatMap((f) => {
    if (f.input.kind === 'checklist') return [`      SymphonyEditor.prepareChecklist(this, ${jsQuoted(f.name)});`];
    if (f.input.kind === 'editableList' && f.input.prepare) return [`      SymphonyEditor.${f.input.prepare}(this, ${jsQuoted(f.name)});`];
    if (f.input.kind !== 'typed') return [];
    const types = f.input.types;
    return [`      $('#node-input-${f.name}').typedInput({ default: ${jsQuoted(types[0] ?? 'str')}, types: [${types.map(jsQuoted).join(', ')}], typeField: '#node-input-${f.name}Type' });`];
  })).concat(shown);
  if (lines.length === 0) return undefined;
  return `function () {\n${lines.join('\n')}\n    }`;
}

/** The element a field's row label points to: a checklist has no input of the field's own name, see checklist.ts. */
function controlId(field: DedicatedField): string {
  if (field.input.kind === 'checklist') return `node-input-${field.name}-checklist`;
  return field.input.kind === 'editableList' ? `node-input-${field.name}-list` : `node-input-${field.name}`;
}

/**
 * Preset buttons, then one heading and one checkbox per choice for each group: the choice in words, its value
 * in small print. No element is named `node-input-<field>`, so Node-RED leaves the property to oneditsave.
 */
function checklistControl(spec: DedicatedNodeSpec, field: DedicatedField, input: Extract<DedicatedField['input'], { kind: 'checklist' }>, texts: Texts): string {
  const base = `${root(spec)}`;
  const presets = input.presets.map((preset) =>
    `<button type="button" class="red-ui-button red-ui-button-small" style="margin: 0 4px 4px 0;" data-symphony-preset="${escapeHtml(preset.choices.join(','))}" data-i18n="${escapeHtml(texts.key(spec.type, `${base}.presets.${field.name}.${preset.key}`))}"></button>`).join('');
  const groups = input.groups.map((group) => {
    const boxes = group.choices.map((value) =>
      `<label style="display: block; width: auto; margin: 0 0 2px 0; cursor: pointer;"><input type="checkbox" value="${escapeHtml(value)}" style="display: inline-block; width: auto; margin: 0 6px 0 0; vertical-align: baseline;">`
      + `<span data-i18n="${escapeHtml(texts.key(spec.type, `${base}.choices.${field.name}.${value}`))}"></span> `
      + `<small style="opacity: 0.65; font-family: monospace; font-size: 10px;">${escapeHtml(value)}</small></label>`).join('');
    return `<div class="symphony-checklist-group" style="margin-top: 6px;"><div style="font-weight: bold;" data-i18n="${escapeHtml(texts.key(spec.type, `${base}.groups.${field.name}.${group.key}`))}"></div>${boxes}</div>`;
  }).join('');
  return `<div id="${controlId(field)}" class="symphony-checklist" style="display: inline-block; width: 70%; vertical-align: top;">`
    + `<div class="symphony-checklist-presets"><span data-i18n="${escapeHtml(texts.key('editor', 'editor.checklist.presets'))}"></span> ${presets}</div>${groups}</div>`;
}

export function dedicatedScript(spec: DedicatedNodeSpec): string {
  const key = root(spec);
  const extra = { ...spec.editor };
  const prepare = prepareSource(spec);
  if (prepare && !extra.oneditprepare) extra.oneditprepare = prepare;
  // Fields added later are checked before Node-RED reads the inputs, then the type's own save runs.
  if (spec.fields.some((f) => f.addedLater)) {
    extra.oneditsave = extra.oneditsave
      ? `function () {\n      SymphonyEditor.keepAbsentDefaults();\n      (${extra.oneditsave}).call(this);\n    }`
      : 'function () { SymphonyEditor.keepAbsentDefaults(); }';
  }
  const configs = spec.fields.flatMap((f) => (f.input.kind === 'config' ? [[f.name, f.input.type] as const] : []));
  if (configs.length > 0 && !extra.onadd) extra.onadd = pickOnlyConfigScript(configs);
  const secrets = spec.fields.filter((f) => f.input.kind === 'password').map((f) => `      ${f.name}: { type: 'password' }`);
  const members: Array<[string, string]> = [
    ['color', jsQuoted(categoryColor(spec.category))],
    ['defaults', renderDefaults(spec.fields.filter((f) => f.input.kind !== 'password').map((f) => [f.name, defaultEntry(f)] as const), '    ')],
    ...(secrets.length > 0 ? [['credentials', `{\n${secrets.join(',\n')}\n    }`] as [string, string]] : []),
    ['inputs', String(spec.inputs)],
    ['outputs', String(spec.outputs)],
    ['icon', jsQuoted(spec.icon)],
    ['paletteLabel', returning(`SymphonyEditor.t(${jsQuoted(`${key}.paletteLabel`)})`)],
    ['label', returning(`this.name || SymphonyEditor.t(${jsQuoted(`${key}.paletteLabel`)})`)],
    ['labelStyle', returning('this.name ? \'node_label_italic\' : \'\'')],
    ...Object.entries(extra),
  ];
  return registerTypeScript(spec.type, spec.category, members);
}

function choiceKeys(spec: DedicatedNodeSpec, field: DedicatedField, choices: readonly string[], raw: boolean | undefined, texts: Texts): Array<[string, string]> {
  return choices.map((value) => [value, raw ? '' : texts.key(spec.type, `${root(spec)}.choices.${field.name}.${value}`)]);
}

function control(spec: DedicatedNodeSpec, field: DedicatedField, texts: Texts): string {
  const id = `node-input-${field.name}`;
  const input = field.input;
  switch (input.kind) {
    case 'text': {
      const placeholder = input.placeholder ? ` data-i18n="[placeholder]${texts.key(spec.type, `${root(spec)}.properties.${field.name}.placeholder`)}"` : '';
      return `<input type="text" id="${id}" style="width: 70%;"${placeholder}>`;
    }
    case 'textarea':
      return `<textarea id="${id}" rows="${input.rows}" style="width: 70%;"></textarea>`;
    case 'checkbox':
      return `<input type="checkbox" id="${id}" style="display: inline-block; width: auto; vertical-align: top;">`;
    case 'config':
    case 'typed':
      return `<input type="text" id="${id}" style="width: 70%;">`;
    case 'select':
      return selectControl(id, choiceKeys(spec, field, input.choices, input.rawChoiceLabels, texts));
    case 'multiselect': {
      const options = choiceKeys(spec, field, input.choices, input.rawChoiceLabels, texts)
        .map(([value, labelKey]) => `<option value="${escapeHtml(value)}"${labelKey ? ` data-i18n="${escapeHtml(labelKey)}">` : `>${escapeHtml(value)}`}</option>`)
        .join('');
      return `<select id="${id}" multiple size="${input.size}" style="width: 70%;">${options}</select>`;
    }
    case 'checklist':
      return checklistControl(spec, field, input, texts);
    case 'editableList':
      return `<div style="margin-top: 6px;"><ol id="${controlId(field)}"></ol></div>`;
    case 'password':
      return `<input type="password" id="${id}" style="width: 70%;" autocomplete="off">`;
    case 'hidden':
      return `<input type="hidden" id="${id}">`;
  }
}

export function dedicatedTemplate(spec: DedicatedNodeSpec, texts: Texts): string {
  const rows = spec.fields.map((field) => {
    if (field.input.kind === 'hidden') return `  <input type="hidden" id="node-input-${field.name}">`;
    const base = `${root(spec)}.properties.${field.name}`;
    return formRow({
      inputId: controlId(field),
      icon: field.icon ?? 'pencil',
      labelKey: texts.key(spec.type, `${base}.label`),
      titleKey: texts.key(spec.type, `${base}.description`),
      required: field.required,
      control: control(spec, field, texts),
    });
  });
  return `<script type="text/html" data-template-name="${escapeHtml(spec.type)}">\n${rows.join('\n')}\n</script>`;
}

function property([name, type]: HelpProperty, description: string): string {
  return `  <dt>${escapeHtml(name)} <span class="property-type">${escapeHtml(type)}</span></dt>
  <dd>${escapeHtml(description)}</dd>`;
}

/** help.details: one paragraph, or several (an object of texts, in key order). */
function detailParagraphs(spec: DedicatedNodeSpec, texts: Texts): string[] {
  const key = `${root(spec)}.help.details`;
  const single = texts.optional(key);
  if (single !== undefined) return [single];
  const paragraphs: string[] = [];
  for (let i = 1; texts.has(`${key}.p${i}`); i += 1) paragraphs.push(texts.text(spec.type, `${key}.p${i}`));
  if (paragraphs.length === 0) texts.text(spec.type, key);
  return paragraphs;
}

export function dedicatedHelp(spec: DedicatedNodeSpec, texts: Texts): string {
  const key = root(spec);
  const s = (k: string): string => escapeHtml(texts.text('editor', `editor.help.${k}`));
  const t = (k: string): string => texts.text(spec.type, `${key}.${k}`);
  const list = (kind: 'inputs' | 'outputs'): string => spec.help[kind].map((p) => property(p, t(`help.${kind}.${p[0]}`))).join('\n');
  const options = spec.fields.filter((f) => f.input.kind !== 'hidden' && f.name !== 'name').map((f) =>
    `  <dt>${escapeHtml(t(`properties.${f.name}.label`))} <span class="property-type">${escapeHtml(f.name)}</span></dt>
  <dd>${escapeHtml(t(`properties.${f.name}.description`))}</dd>`);
  const sections = [`<p>${escapeHtml(t('summary'))}</p>`];
  if (spec.help.inputs.length > 0) sections.push(`<h3>${s('inputs')}</h3>\n<dl class="message-properties">\n${list('inputs')}\n</dl>`);
  if (spec.help.outputs.length > 0) sections.push(`<h3>${s('outputs')}</h3>\n<dl class="message-properties">\n${list('outputs')}\n</dl>`);
  sections.push(`<h3>${s('options')}</h3>\n<dl class="message-properties">\n${options.join('\n')}\n</dl>`);
  sections.push(`<h3>${s('details')}</h3>\n${detailParagraphs(spec, texts).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}`);
  if (spec.botOnly) sections.push(`<p>${s('permissions')}: ${s('botOnly')}</p>`);
  return `<script type="text/html" data-help-name="${escapeHtml(spec.type)}">\n${sections.join('\n')}\n</script>`;
}
