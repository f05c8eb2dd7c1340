/**
 * A form reply's values, typed by the form's fields: Symphony sends text for text fields (numbers too), a value or
 * a list for checkboxes, user ids for the person selector; the flow gets one shape per kind whatever came.
 */
import type { FormField } from './form-fields';

export type FormValues = Record<string, unknown>;

const asList = (value: unknown): unknown[] => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]);

function typed(field: FormField, value: unknown): unknown {
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return value === undefined || value === null ? '' : String(value);
    case 'number': {
      if (typeof value === 'number') return Number.isFinite(value) ? value : null;
      const text = typeof value === 'string' ? value.trim() : '';
      const number = text === '' ? NaN : Number(text);
      return Number.isFinite(number) ? number : null;
    }
    case 'select':
    case 'radio':
      return value === undefined || value === null || value === '' ? null : String(Array.isArray(value) ? value[0] : value);
    case 'checkbox':
      return asList(value).map(String);
    case 'person':
      return asList(value).map((id) => (typeof id === 'string' && /^\d+$/.test(id.trim()) ? Number(id) : id));
    case 'date':
      // A timestamp (as older clients send) becomes the same ISO date a date picker sends.
      if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString().slice(0, 10);
      return value === undefined || value === null || value === '' ? null : String(value);
    default:
      return value;
  }
}

/**
 * One property per field of the form (buttons aside), typed; `action` is the pressed button's name. What the
 * reply holds beyond the form's fields is left out: the raw values stay on msg.formValues.
 */
export function typeReplyValues(fields: readonly FormField[], values: FormValues): FormValues {
  const out: FormValues = {};
  for (const field of fields) {
    if (field.kind === 'action' || field.kind === 'reset') continue;
    out[field.name] = typed(field, values[field.name]);
  }
  out.action = typeof values.action === 'string' ? values.action : null;
  return out;
}
