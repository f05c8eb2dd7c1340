import type { OperationSpec } from '../../nodes/catalogue/types';
import type { Texts } from './texts';

export interface FieldTexts {
  /** i18n key of the field label, used by `data-i18n` in the edit dialog. */
  labelKey: string;
  label: string;
  descriptionKey: string;
  description: string;
}

export interface OptionTexts extends FieldTexts {
  /** i18n key of each value's label. */
  valueKeys: Record<string, string>;
}

/** Every text an operation node needs, resolved once; missing keys are reported by `Texts`. */
export interface OperationTexts {
  label: string;
  summary: string;
  output: string;
  example: string;
  details?: string;
  params: Record<string, FieldTexts>;
  options: Record<string, OptionTexts>;
}

/** An operation's own text (`<id>.<section>.<name>.<leaf>`) wins over the shared `editor.<section>.<name>.<leaf>`. */
function fieldTexts(texts: Texts, op: OperationSpec, section: 'params' | 'options', name: string): FieldTexts {
  const keysFor = (leaf: string): string[] => [`${op.id}.${section}.${name}.${leaf}`, `editor.${section}.${name}.${leaf}`];
  const labelKey = texts.firstKey(op.type, keysFor('label'));
  const descriptionKey = texts.firstKey(op.type, keysFor('description'));
  return {
    labelKey,
    label: texts.text(op.type, labelKey),
    descriptionKey,
    description: texts.text(op.type, descriptionKey),
  };
}

export function operationTexts(texts: Texts, op: OperationSpec): OperationTexts {
  const help = (leaf: string): string => texts.text(op.type, `${op.id}.help.${leaf}`);
  const options: Record<string, OptionTexts> = {};
  for (const option of op.options ?? []) {
    const valueKeys: Record<string, string> = {};
    for (const value of option.values) {
      valueKeys[value] = texts.firstKey(op.type,
        [`${op.id}.options.${option.name}.values.${value}`, `editor.options.${option.name}.values.${value}`]);
    }
    options[option.name] = { ...fieldTexts(texts, op, 'options', option.name), valueKeys };
  }
  return {
    label: texts.text(op.type, `${op.id}.label`),
    summary: help('summary'),
    output: help('output'),
    example: help('example'),
    details: texts.optional(`${op.id}.help.details`),
    params: Object.fromEntries(op.params.map((param) => [param.name, fieldTexts(texts, op, 'params', param.name)])),
    options,
  };
}
