/**
 * Reads a Symphony message (PresentationML as the agent returns it in V4Message.message, or MessageML as sent)
 * into plain text and the mentions, hashtags and cashtags it carries. A small tolerant tokenizer, not an XML
 * parser: odd or broken markup still yields whatever text it holds, and nothing here ever throws.
 */

export interface MessageMention {
  /** The mentioned user's id, when the message carries it. */
  id?: number;
  /** The name shown for the mention (without @), or the email of a MessageML `<mention email>`. */
  name?: string;
}

export interface ParsedMessage {
  /** The text a reader sees: tags stripped, entities decoded, blocks and <br/> as line breaks. */
  text: string;
  /** Each mentioned user once, in order of appearance. */
  mentions: MessageMention[];
  /** Without the leading #, each once (case-insensitively), in order of appearance. */
  hashtags: string[];
  /** Without the leading $, each once (case-insensitively), in order of appearance. */
  cashtags: string[];
}

type Json = Record<string, unknown>;
type EntityKind = 'mention' | 'hashtag' | 'cashtag';
interface Classified { kind: EntityKind; value?: string | number }

const BLOCK = new Set([
  'messageml', 'div', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'pre', 'blockquote', 'hr', 'card', 'header', 'body', 'form', 'expandable-card', 'section', 'article',
]);
const VOID = new Set(['br', 'hr', 'img', 'input', 'col', 'wbr', 'meta', 'link', 'area', 'source']);
const HIDDEN = new Set(['style', 'script', 'head', 'title']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', euro: '€', pound: '£', yen: '¥', cent: '¢', copy: '©',
  reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«',
  raquo: '»', bull: '•', middot: '·', times: '×', divide: '÷', deg: '°', plusmn: '±', sect: '§', para: '¶',
};

/** Decodes character references; an unknown or invalid one is kept as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!Number.isInteger(code) || code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

/** Collects text with collapsed whitespace; block boundaries and <br/> become line breaks. */
class TextBuilder {
  private out = '';
  private space = false;
  private breaks = 0;

  inline(raw: string): void {
    const collapsed = raw.replace(/[ \t\r\n\f\u00a0]+/g, ' ');
    if (collapsed.startsWith(' ')) this.space = true;
    const content = collapsed.trim();
    if (content) {
      this.flush();
      this.out += content;
      this.space = collapsed.endsWith(' ');
    }
  }

  preformatted(raw: string): void {
    if (!raw) return;
    this.flush();
    this.out += raw.replace(/\r\n?/g, '\n');
  }

  /** A boundary of a block element: at most one line break, none at the very start. */
  block(): void {
    if (this.out && this.breaks === 0 && !this.out.endsWith('\n')) this.breaks = 1;
    this.space = false;
  }

  /** <br/>: one line break each. */
  lineBreak(): void {
    if (this.out) this.breaks += 1;
    this.space = false;
  }

  /** A cell of a table row: separated from the previous one by a space. */
  separate(): void {
    this.space = true;
  }

  result(): string {
    return this.out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  }

  private flush(): void {
    if (this.breaks > 0) this.out += '\n'.repeat(this.breaks);
    else if (this.space && this.out && !this.out.endsWith('\n')) this.out += ' ';
    this.breaks = 0;
    this.space = false;
  }
}

function entityData(data: string | Json | undefined): Json {
  if (data === undefined || data === null) return {};
  if (typeof data === 'object') return Array.isArray(data) ? {} : data;
  try {
    const parsed: unknown = JSON.parse(String(data));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Json : {};
  } catch {
    return {};
  }
}

/** What an EntityJSON object is: a user mention, a hashtag or a cashtag (security), or none of these. */
function classify(entity: unknown): Classified | undefined {
  if (!entity || typeof entity !== 'object') return undefined;
  const { type, id } = entity as { type?: unknown; id?: unknown };
  const ids = (Array.isArray(id) ? id : []).filter((i): i is Json => !!i && typeof i === 'object');
  const idOf = (test: (t: string) => boolean): unknown => ids.find((i) => typeof i.type === 'string' && test(i.type))?.value;
  // The id types decide first: some producers put a ticker under the taxonomy entity type.
  const userId = idOf((t) => t === 'com.symphony.user.userId');
  if (userId !== undefined) return { kind: 'mention', value: asUserId(userId) };
  const hashtag = idOf((t) => t.endsWith('taxonomy.hashtag'));
  if (hashtag !== undefined) return { kind: 'hashtag', value: asTag(hashtag) };
  const ticker = idOf((t) => t === 'org.symphonyoss.fin.security.id.ticker');
  if (ticker !== undefined) return { kind: 'cashtag', value: asTag(ticker) };
  const first = ids[0]?.value;
  if (type === 'com.symphony.user.mention') return { kind: 'mention', value: asUserId(first) };
  if (type === 'org.symphonyoss.taxonomy') return { kind: 'hashtag', value: asTag(first) };
  if (type === 'org.symphonyoss.fin.security') return { kind: 'cashtag', value: asTag(first) };
  return undefined;
}

function asUserId(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string' || !/^\s*\d+\s*$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function asTag(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Gathers entities, each once. */
class EntityList {
  readonly mentions: MessageMention[] = [];
  readonly hashtags: string[] = [];
  readonly cashtags: string[] = [];

  mention(id: number | undefined, name: string | undefined): void {
    if (id === undefined && !name) return;
    const same = this.mentions.find((m) => (id !== undefined && m.id === id) || (id === undefined && m.id === undefined && m.name === name));
    if (same) {
      if (!same.name && name) same.name = name;
      return;
    }
    this.mentions.push({ ...(id !== undefined ? { id } : {}), ...(name ? { name } : {}) });
  }

  tag(kind: 'hashtag' | 'cashtag', value: string | undefined): void {
    if (!value) return;
    const list = kind === 'hashtag' ? this.hashtags : this.cashtags;
    if (!list.some((t) => t.toLowerCase() === value.toLowerCase())) list.push(value);
  }
}

interface Tag {
  name: string;
  attributes: Record<string, string>;
  selfClosing: boolean;
}

const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function parseTag(source: string): Tag | undefined {
  const match = /^<([A-Za-z_][\w.:-]*)([\s\S]*?)(\/?)>$/.exec(source);
  if (!match) return undefined;
  const attributes: Record<string, string> = {};
  for (const [, name, double, single, bare] of (match[2] ?? '').matchAll(ATTRIBUTE)) {
    attributes[(name as string).toLowerCase()] = decodeEntities(double ?? single ?? bare ?? '');
  }
  return { name: (match[1] as string).toLowerCase(), attributes, selfClosing: match[3] === '/' };
}

/** Where a tag starting at `from` ends ('>' outside quotes), or -1. */
function tagEnd(source: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i;
    } else if (ch === '<') {
      return -1;
    }
  }
  return -1;
}

/** An element whose content is read as one entity: an entity span, or a MessageML mention/hash/cash with content. */
interface Capture {
  name: string;
  depth: number;
  text: string;
  done: (text: string) => void;
}

class Reader {
  readonly text = new TextBuilder();
  readonly entities = new EntityList();
  private readonly open: string[] = [];
  private capture: Capture | undefined;
  private pre = 0;
  private hidden = 0;
  private readonly cells: number[] = [];

  constructor(private readonly data: Json) {}

  /** Entities of the data that no element referenced (e.g. legacy messages) still count. */
  private readonly referenced = new Set<string>();

  characters(raw: string, decode = true): void {
    if (this.hidden > 0 || !raw) return;
    const value = decode ? decodeEntities(raw) : raw;
    if (this.capture) this.capture.text += value;
    else if (this.pre > 0) this.text.preformatted(value);
    else this.text.inline(value);
  }

  start(tag: Tag): void {
    if (this.capture) {
      if (!tag.selfClosing && !VOID.has(tag.name)) this.capture.depth += 1;
      if (tag.name === 'br') this.capture.text += ' ';
      return;
    }
    const { name, attributes } = tag;
    const closes = tag.selfClosing || VOID.has(name);
    if (this.startsEntity(tag, closes)) return;
    if (name === 'br') this.text.lineBreak();
    else if (BLOCK.has(name)) this.text.block();
    if (name === 'tr') this.cells.push(0);
    if (name === 'td' || name === 'th') {
      const count = this.cells.length ? this.cells[this.cells.length - 1] as number : 0;
      if (count > 0) this.text.separate();
      if (this.cells.length) this.cells[this.cells.length - 1] = count + 1;
    }
    if (name === 'emoji' && attributes.shortcode) this.text.inline(`:${attributes.shortcode}:`);
    if (closes) return;
    this.open.push(name);
    if (name === 'pre') this.pre += 1;
    if (HIDDEN.has(name)) this.hidden += 1;
  }

  end(name: string): void {
    const capture = this.capture;
    if (capture) {
      capture.depth -= 1;
      if (capture.depth > 0) return;
      this.capture = undefined;
      capture.done(capture.text.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim());
      return;
    }
    const at = this.open.lastIndexOf(name);
    if (at < 0) return; // a closing tag without its opening tag
    for (const closed of this.open.splice(at).reverse()) {
      if (closed === 'pre') this.pre -= 1;
      if (HIDDEN.has(closed)) this.hidden -= 1;
      if (closed === 'tr') this.cells.pop();
      if (BLOCK.has(closed)) this.text.block();
    }
  }

  finish(): ParsedMessage {
    if (this.capture) this.end(this.capture.name);
    for (const [key, entity] of Object.entries(this.data)) {
      if (this.referenced.has(key)) continue;
      const found = classify(entity);
      if (found?.kind === 'mention') this.entities.mention(found.value as number | undefined, undefined);
      else if (found) this.entities.tag(found.kind, found.value as string | undefined);
    }
    const { mentions, hashtags, cashtags } = this.entities;
    return { text: this.text.result(), mentions, hashtags, cashtags };
  }

  /** Mentions, hashtags and cashtags, in either markup; true when the element was taken as one. */
  private startsEntity(tag: Tag, closes: boolean): boolean {
    const { name, attributes } = tag;
    if (name === 'mention' || name === 'hash' || name === 'cash') {
      this.messageMLEntity(name, attributes);
      if (!closes) this.startCapture(name, () => undefined);
      return true;
    }
    const key = attributes['data-entity-id'];
    if (key === undefined) return false;
    this.referenced.add(key);
    // Only the message's entity data makes an element a mention, hashtag or cashtag: without it, an entity span
    // (whatever its class or its text's first character) is text.
    const found = classify(this.data[key]);
    if (!found) return false;
    if (name !== 'span' || closes) {
      // A block entity (a card for a security...) counts, and its content is read as usual.
      if (found.kind === 'mention') this.entities.mention(found.value as number | undefined, undefined);
      else this.entities.tag(found.kind, found.value as string | undefined);
      return false;
    }
    this.startCapture(name, (text) => this.presentationEntity(found, text));
    return true;
  }

  private startCapture(name: string, done: (text: string) => void): void {
    this.capture = { name, depth: 1, text: '', done };
  }

  private messageMLEntity(name: string, attributes: Record<string, string>): void {
    if (name === 'mention') {
      const id = asUserId(attributes.uid);
      const email = attributes.email?.trim() || undefined;
      this.entities.mention(id, id === undefined ? email : undefined);
      const shown = id ?? email;
      if (shown !== undefined) this.text.inline(`@${shown}`);
      return;
    }
    const value = attributes.tag?.trim();
    if (!value) return;
    this.entities.tag(name === 'hash' ? 'hashtag' : 'cashtag', value);
    this.text.inline(`${name === 'hash' ? '#' : '$'}${value}`);
  }

  /** An entity span of PresentationML: its text is what readers see (@Name, #tag, $TICKER). */
  private presentationEntity(found: Classified, text: string): void {
    const prefix = found.kind === 'mention' ? '@' : found.kind === 'hashtag' ? '#' : '$';
    const shown = text.startsWith(prefix) ? text.slice(1).trim() : text;
    if (found.kind === 'mention') {
      this.entities.mention(found.value as number | undefined, shown || undefined);
      this.text.inline(text || (found.value !== undefined ? `@${found.value}` : ''));
      return;
    }
    const value = (found.value as string | undefined) ?? (shown || undefined);
    this.entities.tag(found.kind, value);
    this.text.inline(text || (value ? `${prefix}${value}` : ''));
  }
}

function tokenize(source: string, reader: Reader): void {
  let at = 0;
  while (at < source.length) {
    const lt = source.indexOf('<', at);
    if (lt < 0) {
      reader.characters(source.slice(at));
      return;
    }
    if (lt > at) reader.characters(source.slice(at, lt));
    at = lt;
    if (source.startsWith('<!--', at)) {
      const end = source.indexOf('-->', at + 4);
      at = end < 0 ? source.length : end + 3;
    } else if (source.startsWith('<![CDATA[', at)) {
      const end = source.indexOf(']]>', at + 9);
      reader.characters(source.slice(at + 9, end < 0 ? source.length : end), false);
      at = end < 0 ? source.length : end + 3;
    } else if (source.startsWith('<?', at) || source.startsWith('<!', at)) {
      const end = source.indexOf('>', at);
      at = end < 0 ? source.length : end + 1;
    } else if (source[at + 1] === '/') {
      const match = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(source.slice(at, at + 200));
      if (match) {
        reader.end((match[1] as string).toLowerCase());
        at += match[0].length;
      } else {
        reader.characters('<');
        at += 1;
      }
    } else {
      const end = /^<[A-Za-z_]/.test(source.slice(at, at + 2)) ? tagEnd(source, at) : -1;
      const tag = end < 0 ? undefined : parseTag(source.slice(at, end + 1));
      if (tag) {
        reader.start(tag);
        at = end + 1;
      } else {
        // A lone '<' (as in broken markup "a < b"): text.
        reader.characters('<');
        at += 1;
      }
    }
  }
}

/**
 * Plain text, mentions, hashtags and cashtags of a message. `presentationML` is V4Message.message (or MessageML),
 * `data` its EntityJSON (V4Message.data, as text or parsed). Never throws: on input it cannot read it returns what
 * it found so far.
 */
export function parseMessage(presentationML: string, data?: string | Record<string, unknown>): ParsedMessage {
  const reader = new Reader(entityData(data));
  try {
    tokenize(typeof presentationML === 'string' ? presentationML : String(presentationML ?? ''), reader);
  } catch {
    // Unreachable by design; kept so that a surprise in odd input still returns the text read so far.
  }
  try {
    return reader.finish();
  } catch {
    return { text: '', mentions: [], hashtags: [], cashtags: [] };
  }
}
