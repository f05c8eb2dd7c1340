import type { ParamSpec } from '../../catalogue/types';
import { text } from '../core/i18n';
import { describeValue as describe } from './value-checks';

/**
 * The ids a previous node's answer names, so that nodes chain without a function node in between:
 * - a user field (`idOf: 'user'`) takes a lookup or search answer `{ users: [...] }`, an array of users (objects with
 *   `id`), one user, or ids (numbers, numeric strings, a comma separated string, an array mixing ids and users);
 *   a field that takes one user takes any of these naming exactly one user;
 * - a stream field (`idOf: 'stream'`) takes a stream id, or one object carrying it: `{ id }` (create IM, stream info,
 *   an item of list streams), `{ roomSystemInfo: { id } }` (create, get or update room, an item of search rooms),
 *   `{ IMSystemInfo: { id } }` (get or update IM), `{ streamId }` (a message's or an event's stream).
 * Anything else is refused by the caller with a text naming the field.
 */

export type Picked = { ok: true; value: unknown } | { ok: false; error: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);

/**
 * The items of a user list as given (each still an id, an id text or a user), or why the value names no users.
 * Strings and numbers are left to the id list's own splitting.
 */
export function userItems(value: unknown): { ok: true; items: unknown[]; one?: boolean } | { ok: false; error: string } | undefined {
  if (Array.isArray(value)) return { ok: true, items: value.map(userIdOf) };
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.users)) {
    if (value.users.length === 0) return { ok: false, error: text('runtime.errors.input.noUsersFound') };
    return { ok: true, items: value.users.map(userIdOf) };
  }
  if ('id' in value) return { ok: true, items: [value.id], one: true };
  return { ok: false, error: text('runtime.errors.input.notUsers', { value: describe(value) }) };
}

/** A user's id when the item is a user; the item itself otherwise (an id, or something the id check refuses). */
function userIdOf(item: unknown): unknown {
  return isObject(item) && 'id' in item ? item.id : item;
}

/** Where a stream id sits in the objects a stream field takes, in the order they are looked at. */
const STREAM_ID_PLACES: ReadonlyArray<(value: Record<string, unknown>) => unknown> = [
  (value) => value.id,
  (value) => value.streamId,
  (value) => (isObject(value.roomSystemInfo) ? value.roomSystemInfo.id : undefined),
  (value) => (isObject(value.IMSystemInfo) ? value.IMSystemInfo.id : undefined),
];

/** The stream id a value names: the value itself unless it is an object carrying one. */
export function streamIdOf(value: unknown): Picked {
  if (Array.isArray(value)) return { ok: false, error: text('runtime.errors.input.oneStream', { number: value.length }) };
  if (!isObject(value)) return { ok: true, value };
  for (const place of STREAM_ID_PLACES) {
    const id = place(value);
    if (typeof id === 'string') return { ok: true, value: id };
  }
  return { ok: false, error: text('runtime.errors.input.notStream', { value: describe(value) }) };
}

/**
 * The answer a blank field takes when msg has no property of its name: msg.payload, for a required user or stream
 * field, when the payload is an object or an array (an answer). Text and numbers are not taken: in msg.payload
 * they are most often a message or an inject node's timestamp.
 */
export function previousAnswer(param: ParamSpec, payload: unknown): unknown {
  if (!param.required || (param.idOf !== 'user' && param.idOf !== 'stream')) return undefined;
  return payload !== null && typeof payload === 'object' && !Buffer.isBuffer(payload) ? payload : undefined;
}

/** The key of the text for a required field left without a value: user and stream fields also name msg.payload. */
export function requiredKey(param: ParamSpec): string {
  if (param.required && param.idOf === 'user') return 'runtime.errors.input.requiredUsers';
  if (param.required && param.idOf === 'stream') return 'runtime.errors.input.requiredStream';
  return 'runtime.errors.input.required';
}
