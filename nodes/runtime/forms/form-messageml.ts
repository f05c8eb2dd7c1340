/**
 * A form's MessageML (Symphony Elements): a heading and an introduction, then one `<form>` holding an element per
 * field. Every text a user typed is XML-escaped, in attributes and in content alike.
 */
import { NUMBER_VALUE, splitList, type FormField } from './form-fields';

export interface FormText {
  title: string;
  intro: string;
  /** The number field's pattern-error-message, in the bot's language. */
  numberError: string;
}

/** Characters XML cannot hold at all (controls, lone surrogates, U+FFFE/U+FFFF): left out rather than refused. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escaped for content and double-quoted attributes; a carriage return, which XML would turn into a new line, as a reference. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}

/** In an attribute XML turns new lines and tabs into spaces: they go as references. */
function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

type Attributes = Array<[string, string | boolean | undefined]>;

/** Attributes with a value; `true` is written "true", false and blank ones are left out. */
function attrs(list: Attributes): string {
  return list.filter(([, v]) => v !== undefined && v !== false && v !== '')
    .map(([k, v]) => ` ${k}="${v === true ? 'true' : escapeAttribute(String(v))}"`).join('');
}

function element(tag: string, list: Attributes, content?: string): string {
  return content === undefined ? `<${tag}${attrs(list)}/>` : `<${tag}${attrs(list)}>${content}</${tag}>`;
}

/** A checkbox or radio group has no label of its own in Elements: a paragraph above it names it. */
function groupLabel(field: FormField): string {
  return field.label.trim() === '' ? '' : `<p>${escapeXml(field.label)}</p>`;
}

function fieldElement(field: FormField, text: FormText): string {
  const common: Attributes = [['name', field.name], ['label', field.label], ['placeholder', field.placeholder], ['required', field.required]];
  switch (field.kind) {
    case 'text':
      return element('text-field', common, escapeXml(field.value));
    case 'textarea':
      return element('textarea', common, escapeXml(field.value));
    case 'number':
      return element('text-field', [...common, ['pattern', NUMBER_VALUE.source], ['pattern-error-message', text.numberError]], escapeXml(field.value));
    case 'select':
      return element('select', [['name', field.name], ['label', field.label], ['data-placeholder', field.placeholder], ['required', field.required]],
        field.options.map((o) => element('option', [['value', o.value], ['selected', o.value === field.value]], escapeXml(o.label))).join(''));
    case 'checkbox': {
      const checked = splitList(field.value);
      return groupLabel(field) + field.options.map((o) =>
        element('checkbox', [['name', field.name], ['value', o.value], ['checked', checked.includes(o.value)]], escapeXml(o.label))).join('');
    }
    case 'radio':
      return groupLabel(field) + field.options.map((o) =>
        element('radio', [['name', field.name], ['value', o.value], ['checked', o.value === field.value]], escapeXml(o.label))).join('');
    case 'date':
      return element('date-picker', [...common, ['value', field.value]]);
    case 'person':
      return element('person-selector', common);
    case 'action':
      return element('button', [['name', field.name], ['type', 'action']], escapeXml(field.label));
    case 'reset':
      return element('button', [['type', 'reset']], escapeXml(field.label));
  }
}

export function formMessageML(formId: string, fields: readonly FormField[], text: FormText): string {
  const title = text.title.trim() === '' ? '' : `<h3>${escapeXml(text.title)}</h3>`;
  const intro = text.intro.trim() === '' ? '' : `<p>${escapeXml(text.intro)}</p>`;
  return `<messageML>${title}${intro}<form id="${escapeXml(formId)}">${fields.map((f) => fieldElement(f, text)).join('')}</form></messageML>`;
}

/** The form id of a node: stable across redeploys, and a valid XML attribute value whatever the node id. */
export function formIdOf(nodeId: string): string {
  return `nr-form-${nodeId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
