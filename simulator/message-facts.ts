/**
 * What message search matches a stored message on: its author, the users it mentions, its hashtags and cashtags
 * (from the EntityJSON the agent stores beside PresentationML) and its plain text.
 */
import type { SimMessage } from './model';

const USER_ID = 'com.symphony.user.userId';
const TICKER_ID = 'org.symphonyoss.fin.security.id.ticker';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Tags and text are lower case: search is case-insensitive. */
export interface MessageFacts {
  author: number;
  mentions: Set<number>;
  hashtags: Set<string>;
  cashtags: Set<string>;
  text: string;
}

function entityIds(data: string): Array<{ type?: unknown; value?: unknown }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== 'object') return [];
  return Object.values(parsed as Record<string, unknown>).flatMap((entity) => {
    const ids = (entity as { id?: unknown } | null)?.id;
    return Array.isArray(ids) ? ids.filter((id): id is Record<string, unknown> => !!id && typeof id === 'object') : [];
  });
}

export function messageFacts(message: SimMessage): MessageFacts {
  const facts: MessageFacts = { author: message.userId, mentions: new Set(), hashtags: new Set(), cashtags: new Set(), text: '' };
  for (const { type, value } of entityIds(message.data)) {
    if (typeof value !== 'string' || typeof type !== 'string') continue;
    if (type === USER_ID) facts.mentions.add(Number(value));
    else if (type.endsWith('taxonomy.hashtag')) facts.hashtags.add(value.toLowerCase());
    else if (type === TICKER_ID) facts.cashtags.add(value.toLowerCase());
  }
  const text = message.message.replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, ' ').replace(/<[^>]*>/g, '');
  facts.text = decodeXml(text).replace(/\s+/g, ' ').trim().toLowerCase();
  return facts;
}
