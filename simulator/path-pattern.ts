/** Matches a path against an exact path or a prefix written with a trailing '*'. */
export function matchesPath(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

/** Matches a method against an expected one (case-insensitive); undefined or '*' match any method. */
export function matchesMethod(expected: string | undefined, method: string): boolean {
  return expected === undefined || expected === '*' || expected.toUpperCase() === method.toUpperCase();
}
