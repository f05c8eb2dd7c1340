/** Typed query parameters; a malformed value is a 400 that names the parameter. */
import { badRequest } from '../http/errors';

export function booleanQuery(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badRequest(`${name} must be true or false`);
}

/** A whole number from `min` to `max`; `fallback` when absent or blank. */
export function boundedIntegerQuery(query: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const value = query.get(name);
  if (value === null || value === '') return fallback;
  const number = /^-?\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(number >= min && number <= max)) throw badRequest(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  return number;
}
