/** Typed query parameters; a malformed value is a 400 that names the parameter. */
import { badRequest } from '../http/errors';

export function booleanQuery(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badRequest(`${name} must be true or false`);
}
