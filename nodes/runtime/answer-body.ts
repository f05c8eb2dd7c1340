/**
 * Reads an answer's body as the request asked for it. A JSON answer is parsed here rather than by the HTTP
 * library, which silently hands back the raw text when parsing fails: a 2xx answer whose body is not JSON (cut
 * short, or an HTML page from a proxy) must be a failure, never a success carrying a string.
 */

/** How many characters of an unreadable body an error quotes. */
const QUOTED_BODY = 120;

export type ReadBody =
  | { readable: true; data: unknown }
  | { readable: false; data: string; excerpt: string };

/** The body of a JSON answer (`raw` as text); an error answer that is not JSON keeps its text for the message. */
export function readJsonBody(status: number, raw: unknown): ReadBody {
  if (typeof raw !== 'string' || raw === '') return { readable: true, data: raw };
  try {
    return { readable: true, data: JSON.parse(raw) };
  } catch {
    if (status < 200 || status >= 300) return { readable: true, data: raw };
    return { readable: false, data: raw, excerpt: excerpt(raw) };
  }
}

/** The first characters of a body, one line, for an error message. */
function excerpt(raw: string): string {
  const oneLine = raw.slice(0, QUOTED_BODY).replace(/\s+/g, ' ').trim();
  return raw.length > QUOTED_BODY ? `${oneLine}…` : oneLine;
}
