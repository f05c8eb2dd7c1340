/**
 * Symphony Elements in MessageML, checked as the agent does before it accepts a message: a form has an id and at
 * least one action button and holds no other form; its elements stand inside a form only and carry the attributes
 * they require (a name, a button's type action or reset, a select's options with values, a date picker's date as
 * yyyy-MM-dd, boolean attributes "true" or "false"). Also lists a message's forms, so a form reply can be checked
 * against the form it answers.
 */
import { XMLParser } from 'fast-xml-parser';

type Attrs = Record<string, string>;
type XmlNode = { [tag: string]: XmlNode[] | string | Attrs | undefined } & { ':@'?: Attrs };

/** Elements that exist only inside a form. */
const FORM_ELEMENTS = ['text-field', 'textarea', 'select', 'option', 'checkbox', 'radio', 'person-selector', 'date-picker', 'date-selector', 'time-picker', 'timezone-picker', 'room-selector', 'button'];
/** Elements whose value the reply carries under their name: the name is required. */
const NAMED = ['text-field', 'textarea', 'select', 'checkbox', 'radio', 'person-selector', 'date-picker', 'date-selector', 'time-picker', 'timezone-picker', 'room-selector'];
const BOOLEAN_ATTRIBUTES = ['required', 'checked', 'selected', 'masked', 'multiple', 'multi-submit', 'auto-submit'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ElementsForm {
  id: string;
  /** The names a reply may carry values for. */
  fieldNames: string[];
  /** The names of the action buttons: what a reply's `action` may be. */
  actions: string[];
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, trimValues: false });

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text' && !key.startsWith('?'));
}

function childrenOf(node: XmlNode, tag: string): XmlNode[] {
  const children = node[tag];
  return Array.isArray(children) ? children : [];
}

/** The forms of well-formed MessageML, or the first Elements rule it breaks. */
export function readForms(messageML: string): { ok: true; forms: ElementsForm[] } | { ok: false; reason: string } {
  const forms: ElementsForm[] = [];
  let problem: string | undefined;
  const walk = (nodes: XmlNode[], form: ElementsForm | undefined, parent: string): void => {
    for (const node of nodes) {
      if (problem) return;
      const tag = tagOf(node);
      if (!tag) continue;
      const attrs = node[':@'] ?? {};
      const bad = BOOLEAN_ATTRIBUTES.find((name) => name in attrs && attrs[name] !== 'true' && attrs[name] !== 'false');
      if (bad) {
        problem = `attribute "${bad}" of <${tag}> must be "true" or "false", not "${attrs[bad]}"`;
        return;
      }
      if (tag === 'form') {
        if (form) problem = 'a <form> cannot hold another form';
        else if (!attrs.id) problem = 'a <form> needs an id attribute';
        else if (forms.some((f) => f.id === attrs.id)) problem = `two forms have the id "${attrs.id}"`;
        if (problem) return;
        const inner: ElementsForm = { id: attrs.id!, fieldNames: [], actions: [] };
        walk(childrenOf(node, tag), inner, tag);
        if (!problem && inner.actions.length === 0) problem = `the form "${inner.id}" needs at least one <button type="action">`;
        forms.push(inner);
        continue;
      }
      if (FORM_ELEMENTS.includes(tag)) {
        if (!form) {
          problem = `<${tag}> can only be used inside a <form>`;
          return;
        }
        problem = elementProblem(tag, attrs, parent, node);
        if (problem) return;
        if (NAMED.includes(tag) && !form.fieldNames.includes(attrs.name!)) form.fieldNames.push(attrs.name!);
        if (tag === 'button' && (attrs.type ?? 'action') === 'action') form.actions.push(attrs.name!);
      }
      walk(childrenOf(node, tag), form, tag);
    }
  };
  walk(parser.parse(messageML) as XmlNode[], undefined, '');
  return problem ? { ok: false, reason: `Invalid MessageML: ${problem}` } : { ok: true, forms };
}

function elementProblem(tag: string, attrs: Attrs, parent: string, node: XmlNode): string | undefined {
  if (NAMED.includes(tag) && !attrs.name) return `<${tag}> needs a name attribute`;
  switch (tag) {
    case 'button': {
      const type = attrs.type ?? 'action';
      if (type !== 'action' && type !== 'reset') return `the type of a <button> must be action or reset, not "${type}"`;
      if (type === 'action' && !attrs.name) return 'an action <button> needs a name attribute';
      return undefined;
    }
    case 'select': {
      const options = childrenOf(node, tag).map(tagOf).filter((t) => t !== undefined);
      if (options.length === 0) return `the <select> "${attrs.name}" needs at least one <option>`;
      if (options.some((t) => t !== 'option')) return `a <select> holds only <option> elements`;
      return undefined;
    }
    case 'option':
      if (parent !== 'select') return '<option> can only be used inside a <select>';
      return attrs.value === undefined ? 'an <option> needs a value attribute' : undefined;
    case 'date-picker':
      return attrs.value !== undefined && !DATE.test(attrs.value) ? `the value of the <date-picker> "${attrs.name}" must be a date, yyyy-MM-dd` : undefined;
    default:
      return undefined;
  }
}
