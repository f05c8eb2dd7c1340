/**
 * Cursor paging as the spec's Pagination object describes it (followers, following, audit trail): `before` points
 * at the start of the page returned, `after` at its end and is present only while more items follow, `next` and
 * `previous` are the links to the neighbouring pages. Cursors are opaque url-safe strings (an encoded offset).
 */
import { badRequest } from '../http/errors';
import { integerQuery } from './query';

export interface PaginationJson {
  cursors: { before: string; after?: string };
  previous?: string;
  next?: string;
}

export interface CursorPage<T> {
  items: T[];
  pagination: PaginationJson;
}

const encode = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');

function decode(name: string, cursor: string, total: number): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badRequest(`${name} is not a valid cursor: ${cursor}`);
  return Math.min(Number(match[1]), total);
}

/**
 * One page of `all`. `limit` defaults to `defaultLimit` and is capped at `maxLimit`; `path` is the request path,
 * for the next and previous links (which keep the request's other query parameters).
 */
export function cursorPage<T>(
  all: readonly T[], query: URLSearchParams, path: string, defaultLimit: number, maxLimit = Number.MAX_SAFE_INTEGER,
): CursorPage<T> {
  const limit = Math.min(integerQuery(query, 'limit', 1) ?? defaultLimit, maxLimit);
  const before = query.get('before') || undefined;
  const after = query.get('after') || undefined;
  if (before && after) throw badRequest('Only one of before and after may be given');
  let start = 0;
  let end = Math.min(limit, all.length);
  if (after) {
    start = decode('after', after, all.length);
    end = Math.min(start + limit, all.length);
  } else if (before) {
    end = decode('before', before, all.length);
    start = Math.max(0, end - limit);
  }
  const link = (name: 'before' | 'after', offset: number): string => {
    const params = new URLSearchParams(query);
    params.delete('before');
    params.delete('after');
    params.set('limit', String(limit));
    params.set(name, encode(offset));
    return `${path}?${params.toString()}`;
  };
  const pagination: PaginationJson = { cursors: { before: encode(start) } };
  if (end < all.length) {
    pagination.cursors.after = encode(end);
    pagination.next = link('after', end);
  }
  if (start > 0) pagination.previous = link('before', start);
  return { items: all.slice(start, end), pagination };
}
