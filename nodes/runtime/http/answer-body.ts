/**
 * Reads an answer's body. JSON is parsed here rather than by the HTTP library, which silently hands back the raw
 * text when parsing fails: a 2xx answer whose body is not the JSON it should be (cut short, or an HTML page from a
 * proxy) must be a failure, never a success carrying a string. An answer whose media type is not known in advance
 * (the generic API node) is read by its own Content-Type: JSON parsed, text as a string, anything else (a file) as
 * a Buffer.
 */

import { headOf } from '../operations/value-checks';

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

const isJson = (mediaType: string): boolean => mediaType === 'application/json' || mediaType.endsWith('+json');
const isText = (mediaType: string, contentType: string): boolean =>
  mediaType.startsWith('text/') || mediaType.endsWith('+xml') || mediaType === 'application/xml' || /;\s*charset=/i.test(contentType);

/** An answer read by its Content-Type; one that says JSON must be JSON, an untyped one is JSON when it parses. */
export function readByContentType(status: number, body: Buffer, contentType: string | undefined): ReadBody {
  if (body.length === 0) return { readable: true, data: '' };
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (isJson(mediaType)) return readJsonBody(status, body.toString('utf8'));
  if (mediaType !== '') return { readable: true, data: isText(mediaType, contentType ?? '') ? body.toString('utf8') : body };
  const text = body.toString('utf8');
  try {
    return { readable: true, data: JSON.parse(text) as unknown };
  } catch {
    return { readable: true, data: text };
  }
}

/** The first characters of a body, one line, for an error message. */
function excerpt(raw: string): string {
  const oneLine = headOf(raw, QUOTED_BODY).replace(/\s+/g, ' ').trim();
  return raw.length > QUOTED_BODY ? `${oneLine}…` : oneLine;
}
