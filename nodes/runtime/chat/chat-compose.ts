/**
 * What a person types in the chat view, as MessageML: the text escaped, and `@username`, `#hashtag` and
 * `$CASHTAG` turned into the `<mention uid/>`, `<hash tag/>` and `<cash tag/>` tags that the agent renders as
 * entities. An @name that is no user's username stays text, as does `$5` (a cashtag starts with a letter).
 */
import { escapeText } from '../messages/messageml';

/** A tag: its sign, then letters, digits, `_`, `.` or `-`, not ending in `.` or `-` (the end of a sentence). */
const TAG = /([@#$])([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)/gu;
/** A sign right after one of these is inside a word (an email address, a price like US$5...). */
const WORD = /[\p{L}\p{N}_&@#$]/u;

export function composeMessageML(typed: string, userIdOf: (username: string) => number | undefined): string {
  let out = '';
  let at = 0;
  for (const match of typed.matchAll(TAG)) {
    const start = match.index ?? 0;
    const [whole, sign, name] = match as unknown as [string, string, string];
    if (start > 0 && WORD.test(typed[start - 1] ?? '')) continue;
    let tag: string | undefined;
    if (sign === '@') {
      const uid = userIdOf(name);
      if (uid !== undefined) tag = `<mention uid="${uid}"/>`;
    } else if (sign === '#') {
      tag = `<hash tag="${escapeText(name)}"/>`;
    } else if (/^\p{L}/u.test(name)) {
      tag = `<cash tag="${escapeText(name)}"/>`;
    }
    if (tag === undefined) continue;
    out += escapeText(typed.slice(at, start)) + tag;
    at = start + whole.length;
  }
  return `<messageML>${out}${escapeText(typed.slice(at))}</messageML>`;
}
