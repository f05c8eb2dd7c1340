/// <reference path="../../nodes/editor/editor-data.d.ts" />
import type { OperationSpec, OptionSpec, ParamSpec } from '../../nodes/catalogue/types';
import { SCHEMA_VERSION } from '../../nodes/runtime/migrations/migrations';
import { CONFIG_TYPE } from './config-node';
import type { FieldTexts, OperationTexts } from './operation-texts';
import { MAX_ITEMS_DEFAULT, PAGES_VALUES, SPLIT_VALUES } from './paging-fields';
import { areaIcon, categoryColor, paletteCategory } from './palette';
import { KIND_ICONS } from './param-kinds';

/** A new node's field value and type: the catalogue default, else blank (reads msg.<name>) of the first type. */
export function paramDefault(param: ParamSpec): SymphonyEditorData.Param['default'] {
  return param.default ?? { value: '', type: param.types[0] ?? 'str' };
}

/** The label and tooltip keys, where they are not the operation's own (`<own>.label`, `<own>.description`). */
function textKeys(field: FieldTexts | undefined, own: string): { labelKey?: string; titleKey?: string } {
  return {
    ...(field && field.labelKey !== `${own}.label` ? { labelKey: field.labelKey } : {}),
    ...(field && field.descriptionKey !== `${own}.description` ? { titleKey: field.descriptionKey } : {}),
  };
}

function editorParam(op: OperationSpec, param: ParamSpec, texts: OperationTexts): SymphonyEditorData.Param {
  return {
    name: param.name,
    types: [...param.types],
    default: paramDefault(param),
    ...(param.required ? { required: true } : {}),
    ...(param.advanced ? { advanced: true } : {}),
    ...(param.kind === 'enum' && param.enum ? { enum: [...param.enum] } : {}),
    icon: KIND_ICONS[param.kind],
    ...textKeys(texts.params[param.name], `${op.id}.params.${param.name}`),
  };
}

function editorOption(op: OperationSpec, option: OptionSpec, texts: OperationTexts): SymphonyEditorData.Option {
  const own = `${op.id}.options.${option.name}`;
  const optionTexts = texts.options[option.name];
  const valueKeys = Object.entries(optionTexts?.valueKeys ?? {}).filter(([value, key]) => key !== `${own}.values.${value}`);
  return {
    name: option.name,
    values: [...option.values],
    default: option.default,
    ...textKeys(optionTexts, own),
    ...(valueKeys.length > 0 ? { valueKeys: Object.fromEntries(valueKeys) } : {}),
  };
}

/**
 * The compact catalogue embedded in symphony.html for the editor helper, from which it registers every operation
 * node type and builds its dialog (nodes/editor/operation-node.ts, operation-template.ts).
 */
export function editorData(namespace: string, operations: readonly OperationSpec[],
  textsOf: (op: OperationSpec) => OperationTexts): SymphonyEditorData.Catalogue {
  const entries = operations.map((op): [string, SymphonyEditorData.Operation] => {
    const texts = textsOf(op);
    return [op.type, {
      type: op.type,
      id: op.id,
      area: op.area,
      api: op.api,
      method: op.method,
      path: op.path,
      params: op.params.map((param) => editorParam(op, param, texts)),
      options: (op.options ?? []).map((option) => editorOption(op, option, texts)),
      oboPermissions: op.oboPermissions ? [...op.oboPermissions] : null,
      paged: op.paging !== undefined,
    }];
  });
  const areas = [...new Set(operations.map((op) => op.area))];
  return {
    namespace,
    operations: Object.fromEntries(entries),
    areas: Object.fromEntries(areas.map((area) => [area, { color: categoryColor(paletteCategory(area)), icon: areaIcon(area) }])),
    paging: { pages: [...PAGES_VALUES], split: [...SPLIT_VALUES], maxItems: MAX_ITEMS_DEFAULT },
    configType: CONFIG_TYPE,
    schemaVersion: SCHEMA_VERSION,
  };
}
