/**
 * An answer read by its own Content-Type, for a call whose media type is not known in advance (the generic API
 * node): JSON parsed, text as a string, anything else (a file) as a Buffer.
 */

const isJson = (mediaType: string): boolean => mediaType === 'application/json' || mediaType.endsWith('+json');
const isText = (mediaType: string, contentType: string): boolean =>
  mediaType.startsWith('text/') || mediaType.endsWith('+xml') || mediaType === 'application/xml' || /;\s*charset=/i.test(contentType);

export function answerByContentType(body: Buffer, contentType: string | undefined): unknown {
  if (body.length === 0) return '';
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== '' && !isJson(mediaType)) return isText(mediaType, contentType ?? '') ? body.toString('utf8') : body;
  // JSON, or untyped: parsed when it parses, else the text as it came.
  const text = body.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
