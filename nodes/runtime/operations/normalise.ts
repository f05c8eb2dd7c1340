import path from 'node:path';
import type { ParamSpec } from '../../catalogue/types';
import { text } from '../core/i18n';
import { bounded, describeValue as describe, controlCharacterProblem, jsonProblem, quoteText } from './value-checks';
import { streamIdOf, userItems } from './answer-ids';

/**
 * Turns a raw value from the node or msg into the value the API takes, by the parameter's kind. Returns an
 * error text (without the field name) when the value cannot be of that kind. Ids are kept exact: anything
 * above 2^53-1 is refused rather than rounded.
 */

export type Normalised = { ok: true; value: unknown } | { ok: false; error: string };

const MAX_ID = BigInt(Number.MAX_SAFE_INTEGER);

const ok = (value: unknown): Normalised => ({ ok: true, value });
const fail = (error: string): Normalised => ({ ok: false, error });

export function normaliseId(value: unknown): Normalised {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1) return fail(text('runtime.errors.input.positiveWholeNumber', { value: String(value) }));
    if (!Number.isSafeInteger(value)) return fail(text('runtime.errors.input.unsafeNumber'));
    return ok(value);
  }
  if (typeof value === 'bigint') value = value.toString();
  if (typeof value === 'string') {
    const digits = value.trim();
    if (!/^\d+$/.test(digits)) return fail(text('runtime.errors.input.numericId', { value: quoteText(value) }));
    const big = BigInt(digits);
    if (big < 1n) return fail(text('runtime.errors.input.positiveId'));
    if (big > MAX_ID) return fail(text('runtime.errors.input.unsafeId', { digits: bounded(digits) }));
    return ok(Number(big));
  }
  return fail(text('runtime.errors.input.numericId', { value: describe(value) }));
}

function splitList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(/[\s,;]+/).filter((part) => part !== '');
  if (typeof value === 'number' || typeof value === 'bigint') return [value];
  return undefined;
}

/** How a list kind is named in messages: the whole list, and one of its items. */
interface ListNames {
  list: string;
  item: string;
}

function normaliseList(value: unknown, item: (v: unknown) => Normalised, names: () => ListNames): Normalised {
  const items = splitList(value);
  if (!items) return fail(text('runtime.errors.input.list', { list: names().list, value: describe(value) }));
  if (items.length === 0) return fail(text('runtime.errors.input.emptyList', { item: names().item }));
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
    const result = item(items[i]);
    if (!result.ok) return fail(text('runtime.errors.input.listItem', { index: i, error: result.error }));
    out.push(result.value);
  }
  return ok(out);
}

function normaliseNonEmptyString(value: unknown): Normalised {
  if (typeof value === 'string' && value.trim() !== '') return ok(value.trim());
  return fail(text('runtime.errors.input.nonEmptyString', { value: describe(value) }));
}

/** Standard base64 stream ids (from some APIs and UIs) become the URL-safe form paths need. */
export function toUrlSafeStreamId(id: string): string {
  return id.trim().replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function normaliseString(value: unknown): Normalised {
  if (typeof value === 'string') return ok(value);
  // NaN and Infinity are not text anyone meant to send.
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return ok(String(value));
  return fail(text('runtime.errors.input.string', { value: describe(value) }));
}

function normaliseNumber(value: unknown): Normalised {
  if (typeof value === 'number' && Number.isFinite(value)) return ok(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return ok(Number(value));
  return fail(text('runtime.errors.input.number', { value: describe(value) }));
}

function normaliseInteger(value: unknown): Normalised {
  const number = normaliseNumber(value);
  if (!number.ok) return number;
  return Number.isSafeInteger(number.value) ? number : fail(text('runtime.errors.input.wholeNumber', { value: describe(value) }));
}

function normaliseBoolean(value: unknown): Normalised {
  if (typeof value === 'boolean') return ok(value);
  if (value === 'true' || value === 'false') return ok(value === 'true');
  return fail(text('runtime.errors.input.boolean', { value: describe(value) }));
}

/** The allowed value a text names, in any case, spelled as the catalogue (the spec) spells it. */
function allowedSpelling(value: string, allowed: readonly string[]): string | undefined {
  const wanted = value.trim().toLowerCase();
  return allowed.find((candidate) => candidate.toLowerCase() === wanted);
}

function normaliseEnum(value: unknown, allowed: readonly string[]): Normalised {
  const spelled = typeof value === 'string' ? allowedSpelling(value, allowed) : undefined;
  if (spelled !== undefined) return ok(spelled);
  return fail(text('runtime.errors.input.oneOf', { allowed: allowed.join(', '), value: describe(value) }));
}

/** A list's items that name an allowed value in another case, spelled as the catalogue spells them. */
function spellItems(list: Normalised, allowed: readonly string[] | undefined): Normalised {
  if (!list.ok || !allowed) return list;
  return ok((list.value as string[]).map((item) => allowedSpelling(item, allowed) ?? item));
}

/** The values a list parameter's items may take, when its schema lists them. */
function itemEnum(spec: ParamSpec): readonly string[] | undefined {
  const values = (spec.schema?.items as { enum?: unknown } | undefined)?.enum;
  return Array.isArray(values) ? values.map(String) : undefined;
}

function normaliseJson(value: unknown): Normalised {
  if (typeof value === 'string') {
    try {
      return ok(JSON.parse(value));
    } catch {
      return fail(text('runtime.errors.input.jsonUnparsable'));
    }
  }
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return fail(text('runtime.errors.input.json', { value: describe(value) }));
  // Judged as it would be sent: a Date goes out as its text (an invalid one as null), not as an object.
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const sent: unknown = toJSON.call(value);
    if (sent === null || typeof sent !== 'object') return fail(text('runtime.errors.input.json', { value: describe(value) }));
    return ok(sent);
  }
  return ok(value);
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

/** A file name goes in the part's header: one a pod would refuse is refused here, naming the field. */
function fileNameProblem(name: string): string | undefined {
  const problem = controlCharacterProblem(name);
  return problem && text('runtime.errors.input.attachmentNameRefused', { name: quoteText(name), problem });
}

function fileSource(filePath: string, name: unknown, contentType: unknown): Normalised {
  const trimmed = filePath.trim();
  if (trimmed === '') return fail(text('runtime.errors.input.emptyFilePath'));
  const resolved = path.resolve(trimmed);
  const shown = typeof name === 'string' && name.trim() !== '' ? name.trim() : path.basename(resolved);
  const problem = fileNameProblem(shown);
  if (problem) return fail(problem);
  const source: AttachmentSource = { name: shown, path: resolved };
  if (typeof contentType === 'string' && contentType) source.contentType = contentType;
  return ok(source);
}

function normaliseAttachment(value: unknown): Normalised {
  if (Buffer.isBuffer(value)) return ok({ content: value });
  if (value instanceof Uint8Array) return ok({ content: Buffer.from(value) });
  if (typeof value === 'string') return fileSource(value, undefined, undefined);
  if (!value || typeof value !== 'object') return fail(text('runtime.errors.input.attachment', { value: describe(value) }));
  const { name, content, contentType, path: filePath } = value as { name?: unknown; content?: unknown; contentType?: unknown; path?: unknown };
  if (content === undefined && typeof filePath === 'string') return fileSource(filePath, name, contentType);
  if (typeof name !== 'string' || name.trim() === '') return fail(text('runtime.errors.input.attachmentName'));
  let buffer: Buffer;
  if (Buffer.isBuffer(content)) buffer = content;
  else if (content instanceof Uint8Array) buffer = Buffer.from(content);
  else if (typeof content === 'string') buffer = Buffer.from(content, 'utf8');
  else return fail(text('runtime.errors.input.attachmentContent', { name: bounded(name), value: describe(content) }));
  const problem = fileNameProblem(name.trim());
  if (problem) return fail(problem);
  const attachment: Attachment = { name: name.trim(), content: buffer };
  if (typeof contentType === 'string' && contentType) attachment.contentType = contentType;
  return ok(attachment);
}

const USER_IDS = (): ListNames => ({ list: text('runtime.errors.input.lists.userIds'), item: text('runtime.errors.input.listItems.userId') });
const STRINGS = (): ListNames => ({ list: text('runtime.errors.input.lists.strings'), item: text('runtime.errors.input.listItems.string') });
const ATTACHMENTS = (): ListNames => ({ list: text('runtime.errors.input.lists.attachments'), item: text('runtime.errors.input.listItems.attachment') });

/** User ids, from ids or from a previous node's answer (nodes/runtime/operations/answer-ids.ts). */
function normaliseUserIds(value: unknown): Normalised {
  const given = userItems(value);
  if (given && !given.ok) return fail(given.error);
  if (given?.one) {
    const id = normaliseId(given.items[0]);
    return id.ok ? ok([id.value]) : fail(text('runtime.errors.input.userObjectId', { error: id.error }));
  }
  const items = given ? given.items : splitList(value);
  if (items && items.length === 0) return fail(text('runtime.errors.input.nobody'));
  return normaliseList(items ?? value, normaliseId, USER_IDS);
}

/** One user id: an id, or anything a user list takes that names exactly one user. */
function normaliseUserId(value: unknown): Normalised {
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return normaliseId(value);
  const ids = normaliseUserIds(value);
  if (!ids.ok) return ids;
  const list = ids.value as number[];
  return list.length === 1 ? ok(list[0]) : fail(text('runtime.errors.input.oneUser', { number: list.length }));
}

function normaliseStreamId(spec: ParamSpec, value: unknown): Normalised {
  const picked = spec.idOf === 'stream' ? streamIdOf(value) : ok(value);
  if (!picked.ok) return picked;
  const id = normaliseNonEmptyString(picked.value);
  return id.ok ? ok(toUrlSafeStreamId(id.value as string)) : id;
}

/**
 * The value in the form the API takes, or why it cannot be. Whatever the kind, the result must also be sendable
 * as it is: no BigInt, lone surrogate, non-finite number, cycle or runaway nesting anywhere inside it.
 */
export function normalise(spec: ParamSpec, value: unknown): Normalised {
  const result = normaliseKind(spec, value);
  if (!result.ok) return result;
  const problem = jsonProblem(result.value);
  if (!problem) return result;
  return fail(problem.at ? text('runtime.errors.input.schemaItem', { item: problem.at.slice(1), message: problem.problem }) : problem.problem);
}

function normaliseKind(spec: ParamSpec, value: unknown): Normalised {
  switch (spec.kind) {
    case 'id': return spec.idOf === 'user' ? normaliseUserId(value) : normaliseId(value);
    case 'id-list': return spec.idOf === 'user' ? normaliseUserIds(value) : normaliseList(value, normaliseId, USER_IDS);
    case 'string-list': return spellItems(normaliseList(value, normaliseNonEmptyString, STRINGS), itemEnum(spec));
    case 'stream-id': return normaliseStreamId(spec, value);
    case 'string': return normaliseString(value);
    case 'number': return normaliseNumber(value);
    case 'integer': return normaliseInteger(value);
    case 'boolean': return normaliseBoolean(value);
    case 'enum': return normaliseEnum(value, spec.enum ?? []);
    case 'json': return normaliseJson(value);
    case 'attachments': return normaliseList(Array.isArray(value) ? value : [value], normaliseAttachment, ATTACHMENTS);
  }
}
