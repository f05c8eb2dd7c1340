/** TypedInput type lists and parameters shared by the users area's entries. */
import type { ParamSpec, TypedInputType } from './types';

export const TEXT: readonly TypedInputType[] = ['str', 'msg', 'flow', 'global', 'env', 'jsonata'];
export const INTEGER: readonly TypedInputType[] = ['num', 'str', 'msg', 'flow', 'global', 'env', 'jsonata'];
export const BOOLEAN: readonly TypedInputType[] = ['bool', 'msg', 'flow', 'global', 'env'];
export const JSON_VALUE: readonly TypedInputType[] = ['json', 'msg', 'flow', 'global', 'env', 'jsonata'];
export const LIST: readonly TypedInputType[] = ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'];

/** The user a path is about, as the spec's {uid}. */
export const USER_ID_IN_PATH: ParamSpec = { name: 'userId', in: 'path', wireName: 'uid', kind: 'id', idOf: 'user', required: true, types: TEXT };

/** Query skip/limit of a skip-limit list; the runtime pages with exactly these names. */
export function skipLimit(maxLimit?: number): ParamSpec[] {
  return [
    { name: 'skip', in: 'query', kind: 'integer', schema: { minimum: 0 }, types: INTEGER, advanced: true },
    { name: 'limit', in: 'query', kind: 'integer', schema: maxLimit ? { minimum: 1, maximum: maxLimit } : { minimum: 1 }, types: INTEGER, advanced: true },
  ];
}

/** Query limit/after/before of a cursor list (the spec's Pagination object); the runtime pages with `after`. */
export function cursorParams(maxLimit?: number): ParamSpec[] {
  return [
    { name: 'limit', in: 'query', kind: 'integer', schema: maxLimit ? { minimum: 1, maximum: maxLimit } : { minimum: 1 }, types: INTEGER, advanced: true },
    { name: 'after', in: 'query', kind: 'string', schema: { minLength: 1 }, types: TEXT, advanced: true },
    { name: 'before', in: 'query', kind: 'string', schema: { minLength: 1 }, types: TEXT, advanced: true },
  ];
}

/** Drops undefined entries, so a merged body carries only what was set. */
export function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
