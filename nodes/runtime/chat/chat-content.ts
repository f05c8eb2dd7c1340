/// <reference path="../../editor/chat-data.d.ts" />
/**
 * A message's PresentationML as the chat view shows it: a tree of whitelisted parts (text, emphasis, lists,
 * tables, links, mentions/hashtags/cashtags, Elements forms), never HTML. Unknown elements give their text only;
 * scripts, styles, images and attributes other than the few read here are dropped.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseMessage } from '../messages/message-text';

type Part = SymphonyChatData.Part;
type FieldPart = SymphonyChatData.FieldPart;

/** fast-xml-parser's ordered output: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
interface XmlNode {
  [name: string]: unknown;
}

const parser = new XMLParser({
  preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false,
  parseAttributeValue: false, processEntities: true, htmlEntities: true,
});

const BLOCKS: Record<string, SymphonyChatData.Block> = {
  b: 'b', strong: 'b', i: 'i', em: 'i', u: 'u', s: 's', strike: 's', del: 's', code: 'code', pre: 'pre', p: 'p',
  div: 'div', card: 'div', 'expandable-card': 'div', header: 'div', body: 'div', h1: 'h', h2: 'h', h3: 'h', h4: 'h', h5: 'h',
  h6: 'h', ul: 'ul', ol: 'ol', li: 'li', blockquote: 'blockquote', table: 'table', tr: 'tr', td: 'td', th: 'th',
};
/** Dropped with everything inside. */
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'img', 'video', 'audio', 'iframe', 'object']);
const SAFE_LINK = /^(https?:|mailto:)/i;

function nameOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function attributesOf(node: XmlNode): Record<string, string> {
  const raw = node[':@'];
  if (!raw || typeof raw !== 'object') return {};
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

function childrenOf(node: XmlNode, name: string): XmlNode[] {
  const children = node[name];
  return Array.isArray(children) ? children as XmlNode[] : [];
}

/** The text inside, tags left out. */
function textOf(nodes: XmlNode[]): string {
  return nodes.map((node) => {
    const name = nameOf(node);
    if (name === '#text') return String(node['#text']);
    return HIDDEN.has(name.toLowerCase()) ? '' : textOf(childrenOf(node, name));
  }).join('');
}

const truthy = (value: string | undefined): boolean => value !== undefined && value.toLowerCase() === 'true';
const optional = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

type EntityKind = SymphonyChatData.EntityPart['entity'];

/** What an EntityJSON object is: a user mention, a hashtag or a cashtag, or none of these. */
function entityKind(entity: unknown): EntityKind | undefined {
  if (!entity || typeof entity !== 'object') return undefined;
  const { type, id } = entity as { type?: unknown; id?: unknown };
  const idTypes = (Array.isArray(id) ? id : []).map((i: unknown) => (i && typeof i === 'object' ? String((i as { type?: unknown }).type) : ''));
  if (type === 'com.symphony.user.mention' || idTypes.includes('com.symphony.user.userId')) return 'mention';
  if (idTypes.some((t) => t.endsWith('taxonomy.hashtag'))) return 'hashtag';
  if (idTypes.includes('org.symphonyoss.fin.security.id.ticker') || type === 'org.symphonyoss.fin.security') return 'cashtag';
  return undefined;
}

class ContentReader {
  constructor(private readonly data: Record<string, unknown>) {}

  parts(nodes: XmlNode[]): Part[] {
    return nodes.flatMap((node) => this.part(node));
  }

  private part(node: XmlNode): Part[] {
    const name = nameOf(node);
    if (name === '#text') return [{ text: String(node['#text']) }];
    const tag = name.toLowerCase();
    const attributes = attributesOf(node);
    const children = childrenOf(node, name);
    if (HIDDEN.has(tag)) return [];
    if (tag === 'br' || tag === 'hr') return [{ tag }];
    if (tag === 'emoji') return [{ text: attributes.shortcode ? `:${attributes.shortcode}:` : textOf(children) }];
    const entityKey = attributes['data-entity-id'];
    if (entityKey !== undefined) {
      const kind = entityKind(this.data[entityKey]);
      if (kind) return [{ entity: kind, text: textOf(children) }];
    }
    if (tag === 'a') {
      const href = (attributes.href ?? '').trim();
      const inner = this.parts(children);
      return SAFE_LINK.test(href) ? [{ link: href, children: inner.length > 0 ? inner : [{ text: href }] }] : inner;
    }
    if (tag === 'form') return [{ form: attributes.id ?? '', children: this.parts(children) }];
    const field = this.field(tag, attributes, children);
    if (field) return [field];
    const block = BLOCKS[tag];
    return block ? [{ tag: block, children: this.parts(children) }] : this.parts(children);
  }

  private field(tag: string, attributes: Record<string, string>, children: XmlNode[]): FieldPart | undefined {
    const base = { name: attributes.name ?? '', label: optional(attributes.label), required: truthy(attributes.required) || undefined };
    switch (tag) {
      case 'text-field':
        return { field: 'text', ...base, placeholder: optional(attributes.placeholder), value: textOf(children) };
      case 'textarea':
        return { field: 'textarea', ...base, placeholder: optional(attributes.placeholder), value: textOf(children) };
      case 'select': {
        const options = children.filter((c) => nameOf(c).toLowerCase() === 'option').map((option) => {
          const optionAttributes = attributesOf(option);
          const label = textOf(childrenOf(option, nameOf(option)));
          return { value: optionAttributes.value ?? label, label, selected: truthy(optionAttributes.selected) };
        });
        return { field: 'select', ...base, multiple: truthy(attributes.multiple) || undefined, options };
      }
      case 'checkbox':
      case 'radio':
        return { field: tag, ...base, value: attributes.value ?? 'on', checked: truthy(attributes.checked), text: textOf(children) };
      case 'button':
        return { field: 'button', name: base.name, action: attributes.type === 'reset' ? 'reset' : 'action', text: textOf(children) };
      default:
        return undefined;
    }
  }
}

function entityData(data: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

/** The parts of a message (`presentationML` as the agent returns it, `data` its EntityJSON text). */
export function messageContent(presentationML: string, data: string): Part[] {
  const entities = entityData(data);
  try {
    // The parser reads broken markup without a word: check first.
    if (XMLValidator.validate(presentationML) !== true) throw new Error('not well-formed');
    const nodes = parser.parse(presentationML) as XmlNode[];
    // The PresentationML root <div data-format=…> is the message itself, not a block in it.
    const root = nodes.length === 1 && nameOf(nodes[0]!).toLowerCase() === 'div' ? childrenOf(nodes[0]!, nameOf(nodes[0]!)) : nodes;
    return new ContentReader(entities).parts(root);
  } catch {
    // Not well-formed (or nested too deep to walk): the tolerant reader still finds its text.
    return [{ text: parseMessage(presentationML, data).text }];
  }
}

/** The form's fields by name and its action buttons' names, for checking what a submit may carry. */
export function formFields(parts: readonly Part[], formId: string): { fields: Set<string>; actions: Set<string> } | undefined {
  for (const part of parts) {
    if ('form' in part && part.form === formId) {
      const fields = new Set<string>();
      const actions = new Set<string>();
      const visit = (inner: readonly Part[]): void => {
        for (const p of inner) {
          if ('field' in p) {
            if (p.field === 'button') {
              if (p.action === 'action') actions.add(p.name);
            } else if (p.name) {
              fields.add(p.name);
            }
          }
          if ('children' in p) visit(p.children);
        }
      };
      visit(part.children);
      return { fields, actions };
    }
    if ('children' in part) {
      const found = formFields(part.children, formId);
      if (found) return found;
    }
  }
  return undefined;
}
