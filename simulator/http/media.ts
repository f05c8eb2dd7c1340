/**
 * Content negotiation as a server built from the spec does it: 406 when the request's Accept admits none of the
 * media types the operation answers with (no Accept, or one with a wildcard, is fine), 415 when a body comes with
 * another Content-Type than the operation takes, without one, or where the operation takes no body.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors';
import type { RouteMedia } from './router';

const mediaType = (value: string): string => (value.split(';')[0] ?? '').trim().toLowerCase();

/** Whether an Accept header (RFC 9110 12.5.1) admits the media type; a range with q=0 admits nothing. */
export function acceptAdmits(accept: string | undefined, produced: string): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  const [type, subtype] = produced.split('/');
  return accept.split(',').some((range) => {
    const [name = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => /^q\s*=/.test(param));
    if (q !== undefined && !(Number(q.slice(q.indexOf('=') + 1)) > 0)) return false;
    const [rangeType, rangeSubtype] = name.split('/');
    return (rangeType === '*' && rangeSubtype === '*') || (rangeType === type && (rangeSubtype === '*' || rangeSubtype === subtype));
  });
}

/** A request has a body when it says so: a non-zero Content-Length, or a Transfer-Encoding. */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

export function checkMedia(req: IncomingMessage, media: RouteMedia): void {
  const accept = req.headers.accept;
  if (!acceptAdmits(accept, media.produces)) {
    throw new HttpError(406, `Not acceptable: Accept ${accept} admits none of what this endpoint answers with (${media.produces})`);
  }
  if (!hasBody(req)) return;
  const contentType = req.headers['content-type'];
  if (media.body === 'none') throw new HttpError(415, 'Unsupported media type: this endpoint takes no request body');
  if (mediaType(contentType ?? '') !== media.body) {
    throw new HttpError(415, `Unsupported media type: Content-Type ${contentType ?? '(none)'}, this endpoint takes ${media.body}`);
  }
}
