/** Typed query parameters; a malformed value is a 400 that names the parameter. */
import { badRequest } from '../http/errors';

export function booleanQuery(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badRequest(`${name} must be true or false`);
}

/**
 * A whole number from `min` to `max` (no upper bound unless given), or undefined when absent or blank: the caller
 * applies the endpoint's default. Anything else is a 400 naming the parameter, as the pod answers a value it cannot
 * read as an integer.
 */
export function integerQuery(query: URLSearchParams, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  const number = /^-?\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!(Number.isSafeInteger(number) && number >= min && number <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    throw badRequest(`${name} must be a whole number ${range}, got ${value}`);
  }
  return number;
}
