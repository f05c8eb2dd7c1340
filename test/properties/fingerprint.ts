/**
 * Two walks over any value a msg may hold, iterative so that a value nested 20,000 levels deep neither overflows
 * the stack nor floods a report: `fingerprint` (exact, to compare what Catch got with what was sent) and
 * `brief` (short, to show an input in a failure report).
 */

function leafText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string': return `s${value.length}:${value}`;
    case 'number': return Object.is(value, -0) ? 'n-0' : `n${String(value)}`;
    case 'bigint': return `b${value}`;
    case 'boolean': return `t${value}`;
    case 'undefined': return 'u';
    case 'symbol': return `y${String(value)}`;
    case 'function': return 'f';
    default: break;
  }
  if (value === null) return 'null';
  // Tags of the real thing, not of any object whose prototype claims it (cloning can make such objects).
  if (ArrayBuffer.isView(value)) return `bytes:${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') return `date:${(value as Date).getTime()}`;
  if (tag === '[object RegExp]') return `re:${String(value)}`;
  return undefined;
}

function entriesOf(object: object): [string, unknown][] {
  try {
    if (object instanceof Map) return [...object.entries()].map(([k, v], i) => [`${i}:${String(k)}`, v]);
    if (object instanceof Set) return [...object.values()].map((v, i) => [String(i), v]);
  } catch {
    // a Map or Set in name only: read its own keys like any object
  }
  // Node-RED's cloning gives plain objects a prototype and drops own `__proto__` keys: neither is the node's doing.
  return Object.keys(object).filter((key) => key !== '__proto__').map((key) => [key, (object as Record<string, unknown>)[key]]);
}

/** Output text queued between values while walking. */
class Token {
  constructor(readonly text: string) {}
}

/** An exact text of a value: equal fingerprints mean equal values (cycles are marked, not followed). */
export function fingerprint(root: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (value instanceof Token) {
      out.push(value.text);
      continue;
    }
    const leaf = leafText(value);
    if (leaf !== undefined) {
      out.push(leaf, ',');
      continue;
    }
    const object = value as object;
    if (seen.has(object)) {
      out.push('cycle,');
      continue;
    }
    seen.add(object);
    const entries = entriesOf(object);
    out.push(`${Array.isArray(object) ? 'A' : 'O'}(`);
    stack.push(new Token('),'));
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push(child, new Token(`${JSON.stringify(key)}=`));
    }
  }
  return out.join('');
}

/** How deep arrays and objects go, walked without recursion. */
export function depthOf(root: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 0]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    max = Math.max(max, depth);
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || seen.has(value)) continue;
    seen.add(value);
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return max;
}

function briefString(value: string): string {
  const quoted = JSON.stringify(value.length > 40 ? value.slice(0, 40) : value);
  return value.length > 40 ? `${quoted}…(${value.length} chars)` : quoted;
}

/** A short readable form of any value for failure reports. */
export function brief(value: unknown, budget = 3): string {
  try {
    return briefOf(value, budget);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function briefOf(value: unknown, budget: number): string {
  if (typeof value === 'string') return briefString(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'symbol' || typeof value === 'function') return String(value).slice(0, 40);
  if (value === null || value === undefined || typeof value === 'boolean') return String(value);
  if (Buffer.isBuffer(value)) return `Buffer(${value.length})`;
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (value instanceof Map) return `Map(${value.size})`;
  if (value instanceof Set) return `Set(${value.size})`;
  if (value instanceof RegExp || value instanceof Error) return String(value).slice(0, 40);
  const depth = depthOf(value);
  if (depth > 6 || budget <= 0) return `${Array.isArray(value) ? 'array' : 'object'} nested ${depth} levels`;
  if (Array.isArray(value)) return `[${value.slice(0, 5).map((v) => brief(v, budget - 1)).join(', ')}${value.length > 5 ? ', …' : ''}]`;
  const keys = Object.keys(value as object);
  const parts = keys.slice(0, 5).map((key) => {
    const child = (value as Record<string, unknown>)[key];
    return `${JSON.stringify(key)}: ${child === value ? '<cycle>' : brief(child, budget - 1)}`;
  });
  return `{${parts.join(', ')}${keys.length > 5 ? ', …' : ''}}`;
}
