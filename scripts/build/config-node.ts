import { SCHEMA_VERSION } from '../../nodes/runtime/migrations/migrations';
import { CONFIG_TABS, type ConfigField, type PropertyField, configFieldEntries } from './config-fields';
import { formRow, selectControl } from './form';
import { escapeHtml } from './html';
import { type DefaultEntry, registerTypeScript, renderDefaults, returning } from './register-type';
import type { Texts } from './texts';

export const CONFIG_TYPE = 'symphony-config';

const OWNER = CONFIG_TYPE;

const INPUT_ICONS: Record<ConfigField['input'], string> = {
  text: 'globe',
  number: 'hashtag',
  checkbox: 'check-square-o',
  select: 'shield',
  pem: 'certificate',
  lines: 'server',
  password: 'lock',
  'secret-pem': 'key',
  'secret-base64': 'certificate',
};

/**
 * A pod-only field is checked only while a pod is chosen: its rule (and `required`) goes into a validator that
 * passes while the built-in simulator is chosen, as Node-RED checks `required` before any validator.
 */
function defaultEntry(field: PropertyField): DefaultEntry {
  if (!field.podOnly || (!field.required && !field.validate)) return { value: field.value, required: field.required, validate: field.validate };
  return { value: field.value, validate: `SymphonyEditor.podOnly(${field.validate ?? 'undefined'}, ${field.required === true})` };
}

export function configScript(): string {
  const defaults: Array<[string, DefaultEntry]> = [];
  const credentials: string[] = [];
  for (const [name, field] of configFieldEntries()) {
    if (field.credential) {
      credentials.push(`      ${name}: { type: 'password' }`);
    } else {
      defaults.push([name, defaultEntry(field)]);
    }
  }
  defaults.push(['schemaVersion', { value: SCHEMA_VERSION }]);
  return registerTypeScript(CONFIG_TYPE, 'config', [
    ['defaults', renderDefaults(defaults, '    ')],
    ['credentials', `{\n${credentials.join(',\n')}\n    }`],
    ['label', returning('SymphonyEditor.configLabel(this)')],
    // Shown in the dialog title ("Edit Symphony connection node") instead of the type name.
    ['paletteLabel', returning('SymphonyEditor.configPaletteLabel()')],
    ['oneditprepare', 'function () { SymphonyEditor.prepareConfig(this); }'],
    ['oneditsave', 'function () { SymphonyEditor.saveConfig(this); }'],
  ]);
}

function loadButton(name: string, encoding: 'text' | 'base64', texts: Texts): string {
  return `<div class="symphony-file-row"><button type="button" class="red-ui-button red-ui-button-small" data-symphony-load="${name}" data-symphony-encoding="${encoding}"><i class="fa fa-upload"></i> <span data-i18n="${texts.key(OWNER, 'config.loadFile')}"></span></button></div>`;
}

function control(name: string, field: ConfigField, texts: Texts): string {
  const id = `node-config-input-${name}`;
  const placeholderKey = `config.properties.${name}.placeholder`;
  const placeholder = texts.has(placeholderKey) ? ` data-i18n="[placeholder]${texts.key(OWNER, placeholderKey)}"` : '';
  switch (field.input) {
    case 'text':
      return `<input type="text" id="${id}" style="width: 70%;"${placeholder}>`;
    case 'number':
      return `<input type="number" id="${id}" style="width: 100px;"${placeholder}>`;
    case 'checkbox':
      return `<input type="checkbox" id="${id}" style="display: inline-block; width: auto; vertical-align: top;">`;
    case 'password':
      return `<input type="password" id="${id}" style="width: 70%;">`;
    case 'select':
      return selectControl(id, (field.choices ?? []).map((v) => [v, texts.key(OWNER, `config.${name}.${v}`)] as const));
    case 'lines':
      return `<textarea id="${id}" rows="3" class="symphony-pem" style="width: 70%;"${placeholder}></textarea>`;
    case 'pem':
      return `<textarea id="${id}" rows="3" class="symphony-pem" style="width: 70%;"></textarea>${loadButton(name, 'text', texts)}`;
    case 'secret-pem':
    case 'secret-base64':
      // Masked by CSS: a password credential of an existing node shows Node-RED's '__PWRD__' placeholder here.
      return `<textarea id="${id}" rows="3" class="symphony-pem symphony-secret" style="width: 70%;"></textarea>${loadButton(name, field.input === 'secret-pem' ? 'text' : 'base64', texts)}`;
  }
}

function configRow(name: string, field: ConfigField, texts: Texts): string {
  return formRow({
    inputId: `node-config-input-${name}`,
    icon: field.icon ?? INPUT_ICONS[field.input],
    labelKey: texts.key(OWNER, `config.properties.${name}.label`),
    titleKey: texts.key(OWNER, `config.properties.${name}.description`),
    required: !field.credential && field.required === true,
    rowAttributes: (field.when ? ` data-symphony-when="${escapeHtml(field.when)}"` : '') + (field.podOnly ? ' data-symphony-pod-only' : ''),
    control: control(name, field, texts),
  });
}

function simulatorTip(texts: Texts): string {
  return `  <div class="form-tips" data-symphony-simulator-only style="margin-bottom: 12px;"><span data-i18n="${texts.key(OWNER, 'config.simulatorTip')}"></span></div>`;
}

/** Tabbed dialog; the editor helper builds the tab bar from the `data-symphony-tab` divs. */
export function configTemplate(texts: Texts): string {
  const tabs = CONFIG_TABS.map((tab) => {
    const rows = configFieldEntries().filter(([, field]) => field.tab === tab).map(([name, field]) => configRow(name, field, texts));
    // The Test connection button goes here (nodes/editor/test-connection.ts): the end of the connection tab.
    const extra = tab === 'connection' ? '\n  <div class="form-row" id="node-config-symphony-test-connection"></div>' : '';
    // Under the connection choice: what the built-in simulator is, while it is chosen.
    if (tab === 'connection') rows.splice(1, 0, simulatorTip(texts));
    return `<div id="node-config-symphony-tab-${tab}" data-symphony-tab="${texts.key(OWNER, `config.tabs.${tab}`)}" style="display: none;">
${rows.join('\n')}${extra}
</div>`;
  });
  return `<script type="text/html" data-template-name="${CONFIG_TYPE}">
  <div class="form-row"><ul id="node-config-symphony-tabs" style="min-width: 600px; margin-bottom: 20px;"></ul></div>
  <div id="node-config-symphony-tabs-content">
${tabs.join('\n')}
  </div>
</script>`;
}

export function configHelp(texts: Texts): string {
  const t = (key: string): string => escapeHtml(texts.text(OWNER, key));
  const sections = CONFIG_TABS.map((tab) => {
    const items = configFieldEntries().filter(([, field]) => field.tab === tab).map(([name]) =>
      `  <dt>${t(`config.properties.${name}.label`)} <span class="property-type">${escapeHtml(name)}</span></dt>
  <dd>${t(`config.properties.${name}.description`)}</dd>`);
    return `<h3>${t(`config.tabs.${tab}`)}</h3>\n<dl class="message-properties">\n${items.join('\n')}\n</dl>`;
  });
  return `<script type="text/html" data-help-name="${CONFIG_TYPE}">
<p>${t('config.help.summary')}</p>
${sections.join('\n')}
<p>${t('config.help.credentials')}</p>
</script>`;
}
