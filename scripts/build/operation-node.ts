import type { OperationSpec, ParamSpec } from '../../nodes/catalogue/types';
import { SCHEMA_VERSION } from '../../nodes/runtime/migrations/migrations';
import { CONFIG_TYPE } from './config-node';
import { paramDefault } from './editor-data';
import { formRow, selectControl, typedControl } from './form';
import { escapeHtml, jsQuoted } from './html';
import type { OperationTexts } from './operation-texts';
import { pagingDefaults } from './paging-fields';
import { pagingRows } from './paging-section';
import { areaIcon, categoryColor, paletteCategory } from './palette';
import { KIND_ICONS } from './param-kinds';
import { type DefaultEntry, pickOnlyConfigScript, registerTypeScript, renderDefaults, returning } from './register-type';
import type { Texts } from './texts';

const ACT_AS_VALUES = ['bot', 'userId', 'username'] as const;

/** Property defaults, in the order the runtime documents them; names are what the runtime reads. */
export function operationDefaults(op: OperationSpec): Array<[string, DefaultEntry]> {
  const type = jsQuoted(op.type);
  const entries: Array<[string, DefaultEntry]> = [
    ['name', { value: '' }],
    ['config', { value: '', type: CONFIG_TYPE, required: true }],
    ['actAs', { value: 'bot', validate: `SymphonyEditor.actAsValidator(${type})` }],
    ['oboUser', { value: '', validate: 'SymphonyEditor.oboUserValidator()' }],
    ['oboUserType', { value: 'str' }],
  ];
  for (const param of op.params) {
    const initial = paramDefault(param);
    entries.push([param.name, { value: initial.value, validate: `SymphonyEditor.paramValidator(${type}, ${jsQuoted(param.name)})` }]);
    entries.push([`${param.name}Type`, { value: initial.type }]);
  }
  for (const option of op.options ?? []) {
    entries.push([option.name, { value: option.default, validate: `SymphonyEditor.optionValidator(${type}, ${jsQuoted(option.name)})` }]);
  }
  entries.push(...pagingDefaults(op));
  entries.push(['outputProperty', { value: 'payload', required: true, validate: 'SymphonyEditor.outputPropertyValidator()' }]);
  // New nodes are saved in the current version; the dialog upgrades older ones (nodes/runtime/migrations/migrations).
  entries.push(['schemaVersion', { value: SCHEMA_VERSION }]);
  return entries;
}

export function operationScript(op: OperationSpec): string {
  const type = jsQuoted(op.type);
  return registerTypeScript(op.type, paletteCategory(op.area), [
    ['color', jsQuoted(categoryColor(paletteCategory(op.area)))],
    ['defaults', renderDefaults(operationDefaults(op), '    ')],
    ['inputs', '1'],
    ['outputs', '1'],
    ['icon', jsQuoted(areaIcon(op.area))],
    ['paletteLabel', returning(`SymphonyEditor.paletteLabel(${type})`)],
    ['label', returning(`SymphonyEditor.label(this, ${type})`)],
    ['labelStyle', returning('SymphonyEditor.labelStyle(this)')],
    ['outputLabels', returning('SymphonyEditor.outputLabel(this)')],
    ['onadd', pickOnlyConfigScript([['config', CONFIG_TYPE]])],
    ['oneditprepare', `function () { SymphonyEditor.upgradeDialog(this, 'node-input'); SymphonyEditor.prepare(this, ${type}); }`],
    ['oneditsave', `function () { SymphonyEditor.save(this, ${type}); SymphonyEditor.stampVersion(this); }`],
  ]);
}

function paramRow(param: ParamSpec, texts: OperationTexts): string {
  const field = texts.params[param.name];
  return formRow({
    inputId: `node-input-${param.name}`,
    icon: KIND_ICONS[param.kind],
    labelKey: field?.labelKey ?? '',
    titleKey: field?.descriptionKey,
    required: param.required,
    control: typedControl(`node-input-${param.name}`, true),
  });
}

/** Rows in dialog order: name, config, act as, parameters (required first), options, pages, output, advanced. */
export function operationTemplate(op: OperationSpec, texts: OperationTexts, shared: Texts): string {
  const key = (k: string): string => shared.key('editor', k);
  const obo = op.oboPermissions !== null;
  const basic = op.params.filter((p) => !p.advanced);
  const ordered = [...basic.filter((p) => p.required), ...basic.filter((p) => !p.required)];
  const advanced = op.params.filter((p) => p.advanced);
  const actAs = (obo ? ACT_AS_VALUES : ACT_AS_VALUES.slice(0, 1)).map((v) => [v, key(`editor.actAs.${v}`)] as const);
  const rows = [
    formRow({ inputId: 'node-input-name', icon: 'tag', labelKey: key('editor.label.name'),
      control: `<input type="text" id="node-input-name" style="width: 70%;" data-i18n="[placeholder]${key('editor.label.name')}">` }),
    formRow({ inputId: 'node-input-config', icon: 'server', labelKey: key('editor.label.config'), required: true,
      control: '<input type="text" id="node-input-config" style="width: 70%;">' }),
    // Endpoints without OBO keep the (hidden) row so that actAs is still saved as 'bot'.
    formRow({ inputId: 'node-input-actAs', icon: 'user-secret', labelKey: key('editor.label.actAs'),
      rowAttributes: obo ? '' : ' style="display: none;"', control: selectControl('node-input-actAs', actAs) }),
    formRow({ inputId: 'node-input-oboUser', icon: 'user', labelKey: key('editor.label.oboUser'),
      rowAttributes: ' id="symphony-obo-user-row"', control: typedControl('node-input-oboUser', true) }),
    ...ordered.map((p) => paramRow(p, texts)),
    ...(op.options ?? []).map((option) => {
      const optionTexts = texts.options[option.name];
      const values = option.values.map((v) => [v, optionTexts?.valueKeys[v] ?? ''] as const);
      return formRow({ inputId: `node-input-${option.name}`, icon: 'sliders', labelKey: optionTexts?.labelKey ?? '',
        titleKey: optionTexts?.descriptionKey, control: selectControl(`node-input-${option.name}`, values) });
    }),
    ...(op.paging ? [pagingRows(shared)] : []),
    formRow({ inputId: 'node-input-outputProperty', icon: 'sign-out', labelKey: key('editor.label.output'),
      control: typedControl('node-input-outputProperty', false) }),
  ];
  if (advanced.length > 0) {
    rows.push(`  <div class="form-row">
    <a href="#" id="symphony-advanced-toggle"><i class="fa fa-caret-right"></i> <span data-i18n="${key('editor.label.advanced')}"></span></a>
  </div>
  <div id="symphony-advanced" style="display: none;">
${advanced.map((p) => paramRow(p, texts)).join('\n')}
  </div>`);
  }
  return `<script type="text/html" data-template-name="${escapeHtml(op.type)}">\n${rows.join('\n')}\n</script>`;
}
