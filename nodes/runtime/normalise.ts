import path from 'node:path';
import type { ParamSpec } from '../catalogue/types';

/**
 * Turns a raw value from the node or msg into the value the API takes, by the parameter's kind. Returns an
 * error text (without the field name) when the value cannot be of that kind. Ids are kept exact: anything
 * above 2^53-1 is refused rather than rounded.
 */

export type Normalised = { ok: true; value: unknown } | { ok: false; error: string };

const MAX_ID = BigInt(Number.MAX_SAFE_INTEGER);

const ok = (value: unknown): Normalised => ({ ok: true, value });
const fail = (error: string): Normalised => ({ ok: false, error });

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (Buffer.isBuffer(value)) return 'a Buffer';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

export function normaliseId(value: unknown): Normalised {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1) return fail(`must be a positive whole number, got ${value}`);
    if (!Number.isSafeInteger(value)) return fail('is larger than 2^53-1 and would lose precision: pass it as a string of digits only if it is at most 9007199254740991');
    return ok(value);
  }
  if (typeof value === 'bigint') value = value.toString();
  if (typeof value === 'string') {
    const digits = value.trim();
    if (!/^\d+$/.test(digits)) return fail(`must be a numeric id, got ${JSON.stringify(value)}`);
    const big = BigInt(digits);
    if (big < 1n) return fail('must be a positive id');
    if (big > MAX_ID) return fail(`${digits} is larger than 2^53-1 (9007199254740991) and cannot be represented exactly`);
    return ok(Number(big));
  }
  return fail(`must be a numeric id, got ${describe(value)}`);
}

function splitList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(/[\s,;]+/).filter((part) => part !== '');
  if (typeof value === 'number' || typeof value === 'bigint') return [value];
  return undefined;
}

function normaliseList(value: unknown, item: (v: unknown) => Normalised, what: string): Normalised {
  const items = splitList(value);
  if (!items) return fail(`must be ${what}: an array or a comma separated string, got ${describe(value)}`);
  if (items.length === 0) return fail(`must hold at least one ${what.replace(/^a list of /, '').replace(/s$/, '')}`);
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
    const result = item(items[i]);
    if (!result.ok) return fail(`item ${i}: ${result.error}`);
    out.push(result.value);
  }
  return ok(out);
}

function normaliseNonEmptyString(value: unknown): Normalised {
  if (typeof value === 'string' && value.trim() !== '') return ok(value.trim());
  return fail(`must be a non-empty string, got ${describe(value)}`);
}

/** Standard base64 stream ids (from some APIs and UIs) become the URL-safe form paths need. */
export function toUrlSafeStreamId(id: string): string {
  return id.trim().replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function normaliseString(value: unknown): Normalised {
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number' || typeof value === 'boolean') return ok(String(value));
  return fail(`must be a string, got ${describe(value)}`);
}

function normaliseNumber(value: unknown): Normalised {
  if (typeof value === 'number' && Number.isFinite(value)) return ok(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return ok(Number(value));
  return fail(`must be a number, got ${describe(value)}`);
}

function normaliseInteger(value: unknown): Normalised {
  const number = normaliseNumber(value);
  if (!number.ok) return number;
  return Number.isSafeInteger(number.value) ? number : fail(`must be a whole number, got ${describe(value)}`);
}

function normaliseBoolean(value: unknown): Normalised {
  if (typeof value === 'boolean') return ok(value);
  if (value === 'true' || value === 'false') return ok(value === 'true');
  return fail(`must be true or false, got ${describe(value)}`);
}

function normaliseEnum(value: unknown, allowed: readonly string[]): Normalised {
  if (typeof value === 'string') {
    const upper = value.trim().toUpperCase();
    if (allowed.includes(upper)) return ok(upper);
  }
  return fail(`must be one of ${allowed.join(', ')}, got ${describe(value)}`);
}

function normaliseJson(value: unknown): Normalised {
  if (typeof value === 'string') {
    try {
      return ok(JSON.parse(value));
    } catch {
      return fail('must be JSON: the text could not be parsed');
    }
  }
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) return ok(value);
  return fail(`must be an object or JSON text, got ${describe(value)}`);
}

export interface Attachment {
  name: string;
  content: Buffer;
  contentType?: string;
}

/**
 * An attachment as given: content in hand (`content`), or a file still to be read (`path`, absolute). A bare
 * Buffer has no name: entries that need one (a file attachment, not a preview) say so when they prepare the call.
 */
export interface AttachmentSource {
  name?: string;
  content?: Buffer;
  path?: string;
  contentType?: string;
}

function fileSource(filePath: string, name: unknown, contentType: unknown): Normalised {
  const trimmed = filePath.trim();
  if (trimmed === '') return fail('has an empty file path');
  const resolved = path.resolve(trimmed);
  const shown = typeof name === 'string' && name.trim() !== '' ? name.trim() : path.basename(resolved);
  const source: AttachmentSource = { name: shown, path: resolved };
  if (typeof contentType === 'string' && contentType) source.contentType = contentType;
  return ok(source);
}

function normaliseAttachment(value: unknown): Normalised {
  if (Buffer.isBuffer(value)) return ok({ content: value });
  if (value instanceof Uint8Array) return ok({ content: Buffer.from(value) });
  if (typeof value === 'string') return fileSource(value, undefined, undefined);
  if (!value || typeof value !== 'object') return fail(`must be { name, content: Buffer }, { path } or a file path, got ${describe(value)}`);
  const { name, content, contentType, path: filePath } = value as { name?: unknown; content?: unknown; contentType?: unknown; path?: unknown };
  if (content === undefined && typeof filePath === 'string') return fileSource(filePath, name, contentType);
  if (typeof name !== 'string' || name.trim() === '') return fail('needs a file name in "name" (or a file path in "path")');
  let buffer: Buffer;
  if (Buffer.isBuffer(content)) buffer = content;
  else if (content instanceof Uint8Array) buffer = Buffer.from(content);
  else if (typeof content === 'string') buffer = Buffer.from(content, 'utf8');
  else return fail(`"content" of ${name} must be a Buffer or a string, got ${describe(content)}`);
  const attachment: Attachment = { name: name.trim(), content: buffer };
  if (typeof contentType === 'string' && contentType) attachment.contentType = contentType;
  return ok(attachment);
}

export function normalise(spec: ParamSpec, value: unknown): Normalised {
  switch (spec.kind) {
    case 'id': return normaliseId(value);
    case 'id-list': return normaliseList(value, normaliseId, 'a list of user ids');
    case 'string-list': return normaliseList(value, normaliseNonEmptyString, 'a list of strings');
    case 'stream-id': {
      const text = normaliseNonEmptyString(value);
      return text.ok ? ok(toUrlSafeStreamId(text.value as string)) : text;
    }
    case 'string': return normaliseString(value);
    case 'number': return normaliseNumber(value);
    case 'integer': return normaliseInteger(value);
    case 'boolean': return normaliseBoolean(value);
    case 'enum': return normaliseEnum(value, spec.enum ?? []);
    case 'json': return normaliseJson(value);
    case 'attachments': return normaliseList(Array.isArray(value) ? value : [value], normaliseAttachment, 'a list of attachments');
  }
}
