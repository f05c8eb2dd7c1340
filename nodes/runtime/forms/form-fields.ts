/**
 * The fields of a `symphony-form` node, as its dialog saves them, checked: every problem is reported naming the
 * field (its position and name), so the editor and the runtime say the same thing.
 */

/** The kinds of field the dialog offers, each one Symphony Elements element (number: a text-field with a pattern). */
export const FIELD_KINDS = ['text', 'textarea', 'number', 'select', 'checkbox', 'radio', 'date', 'person', 'action', 'reset'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Kinds whose choices are the field's options. */
export const OPTION_KINDS: readonly FieldKind[] = ['select', 'checkbox', 'radio'];

export interface FormOption {
  value: string;
  label: string;
}

export interface FormField {
  kind: FieldKind;
  /** The key of the field's value in the reply; an action button's name is the reply's `action`. */
  name: string;
  label: string;
  required: boolean;
  placeholder: string;
  /** The initial value: text, a number, a date (YYYY-MM-DD), an option's value (checkbox: values, comma separated). */
  value: string;
  options: FormOption[];
}

/**
 * Names Elements accepts and flows can use as property names: a letter, then letters, digits, `_`, `-` or `.`.
 * `action` is where Symphony puts the pressed button's name: no field may take it.
 */
export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
export const RESERVED_NAMES = ['action'];
export const DATE_VALUE = /^\d{4}-\d{2}-\d{2}$/;
export const NUMBER_VALUE = /^-?\d+(?:\.\d+)?$/;

/** A problem of one field: its i18n key and what to fill in. */
export interface FieldProblem {
  key: string;
  substitutions?: Record<string, unknown>;
}

export type CheckedFields = { ok: true; fields: FormField[] } | { ok: false; problem: FieldProblem };

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** Options as saved: a list of {value, label}, or text of one option a line, `value=label` or just `value`. */
export function readOptions(saved: unknown): FormOption[] {
  if (Array.isArray(saved)) {
    return saved.map((o) => (o && typeof o === 'object'
      ? { value: str((o as FormOption).value), label: str((o as FormOption).label) || str((o as FormOption).value) }
      : { value: str(o), label: str(o) }));
  }
  return str(saved).split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => {
    const at = line.indexOf('=');
    const value = (at < 0 ? line : line.slice(0, at)).trim();
    const label = at < 0 ? value : line.slice(at + 1).trim();
    return { value, label: label || value };
  });
}

/** Reads and checks the saved fields; the first problem found is returned. */
export function checkFields(saved: unknown): CheckedFields {
  const fail = (key: string, substitutions?: Record<string, unknown>): CheckedFields => ({ ok: false, problem: { key, substitutions } });
  const list: unknown = typeof saved === 'string' && saved.trim() !== '' ? safeParse(saved) : saved;
  if (!Array.isArray(list)) return fail('runtime.form.problems.notList');
  const fields: FormField[] = [];
  const names = new Set<string>();
  for (const [i, raw] of list.entries()) {
    const at = { position: i + 1, name: '' };
    if (!raw || typeof raw !== 'object') return fail('runtime.form.problems.notField', at);
    const item = raw as Record<string, unknown>;
    const kind = item.kind as FieldKind;
    const name = str(item.name).trim();
    at.name = name;
    if (!FIELD_KINDS.includes(kind)) return fail('runtime.form.problems.kind', { ...at, kind: str(item.kind) });
    if (kind !== 'reset') {
      if (!FIELD_NAME.test(name)) return fail('runtime.form.problems.name', at);
      if (kind !== 'action' && RESERVED_NAMES.includes(name)) return fail('runtime.form.problems.reserved', at);
      if (names.has(name)) return fail('runtime.form.problems.twice', at);
      names.add(name);
    }
    const field: FormField = {
      kind, name: kind === 'reset' ? '' : name, label: str(item.label), required: item.required === true || item.required === 'true',
      placeholder: str(item.placeholder), value: str(item.value).trim(), options: OPTION_KINDS.includes(kind) ? readOptions(item.options) : [],
    };
    if (OPTION_KINDS.includes(kind)) {
      if (field.options.length === 0) return fail('runtime.form.problems.noOptions', at);
      const values = field.options.map((o) => o.value);
      const bad = values.findIndex((v, j) => v === '' || values.indexOf(v) !== j);
      if (bad >= 0) return fail('runtime.form.problems.optionValue', { ...at, option: bad + 1 });
      const defaults = kind === 'checkbox' ? splitList(field.value) : field.value === '' ? [] : [field.value];
      const unknown = defaults.find((v) => !values.includes(v));
      if (unknown !== undefined) return fail('runtime.form.problems.defaultOption', { ...at, value: unknown });
    }
    if (kind === 'number' && field.value !== '' && !NUMBER_VALUE.test(field.value)) return fail('runtime.form.problems.defaultNumber', at);
    if (kind === 'date' && field.value !== '' && !DATE_VALUE.test(field.value)) return fail('runtime.form.problems.defaultDate', at);
    if ((kind === 'action' || kind === 'reset') && field.label.trim() === '') return fail('runtime.form.problems.buttonLabel', at);
    fields.push(field);
  }
  if (!fields.some((f) => f.kind === 'action')) return fail('runtime.form.problems.noAction');
  return { ok: true, fields };
}

export function splitList(text: string): string[] {
  return text.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
