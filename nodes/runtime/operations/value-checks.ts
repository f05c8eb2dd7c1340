import { text } from '../core/i18n';

/**
 * Checks that a value can go on the wire as it is, and short quotes of bad values for error texts. A value from a
 * msg can be anything a flow makes: a BigInt, a lone surrogate, a cycle, a structure thousands of levels deep, a
 * megabyte of text. None of them may reach a request, and none may blow up an error message or a log line.
 */

/** At most this many characters of a bad value are quoted in an error. */
export const QUOTE_LIMIT = 200;

/** JSON nested deeper than this is refused: no Symphony API takes it, and copying it would exhaust the stack. */
export const MAX_JSON_DEPTH = 100;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
// C0 and C1 controls (Unicode category Cc).
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;

/** The first `limit` characters of a text, one fewer where the cut would split a surrogate pair in two. */
export function headOf(value: string, limit: number): string {
  const end = /[\uD800-\uDBFF]/.test(value.charAt(limit - 1)) ? limit - 1 : limit;
  return value.slice(0, end);
}

/** Cuts a text to `limit` characters, saying how much was left out. */
export function bounded(value: string, limit = QUOTE_LIMIT): string {
  if (value.length <= limit) return value;
  const start = headOf(value, limit);
  return text('runtime.errors.input.values.cut', { start, more: value.length - start.length });
}

/** A text in quotes as JSON writes it, at most about QUOTE_LIMIT characters of it, escapes counted. */
export function quoteText(value: string): string {
  let quoted = '';
  let used = 0;
  // By code point, so that a surrogate pair is never cut in two; JSON escapes control characters and lone surrogates.
  for (const character of value) {
    const escaped = JSON.stringify(character).slice(1, -1);
    if (quoted.length + escaped.length > QUOTE_LIMIT) break;
    quoted += escaped;
    used += character.length;
  }
  const head = `"${quoted}"`;
  return used === value.length ? head : text('runtime.errors.input.values.cut', { start: head, more: value.length - used });
}

/** A short, safe description of any value for an error text ("string \"abc\"", "an object", "bigint 12"). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return text('runtime.errors.input.values.array');
  if (Buffer.isBuffer(value)) return text('runtime.errors.input.values.buffer');
  switch (typeof value) {
    case 'string': return `string ${quoteText(value)}`;
    case 'bigint': return `bigint ${bounded(value.toString())}`;
    case 'number':
    case 'boolean': return `${typeof value} ${String(value)}`;
    case 'object': return text('runtime.errors.input.values.object');
    default: return typeof value;
  }
}

/** Why a string cannot be sent as text, or undefined when it can. */
export function textProblem(value: string): string | undefined {
  const at = value.search(LONE_SURROGATE);
  return at < 0 ? undefined : text('runtime.errors.input.loneSurrogate', { position: at });
}

/**
 * Where a text has a control character, or undefined when it has none: such a text cannot be a path segment, nor a
 * name in a header (a multipart part's field or file name), which HTTP, and so a pod, refuses.
 */
export function controlCharacterProblem(value: string): string | undefined {
  const at = value.search(CONTROL_CHARACTER);
  return at < 0 ? undefined : text('runtime.errors.input.controlCharacter', { position: at });
}

/** Why a value cannot be one path segment, or undefined when it can (it is then percent-encoded as one). */
export function pathSegmentProblem(value: string): string | undefined {
  if (value.trim() === '') return text('runtime.errors.input.blankSegment');
  if (value === '.' || value === '..') return text('runtime.errors.input.dotSegment', { value });
  return controlCharacterProblem(value) ?? textProblem(value);
}

/** Where a problem sits inside a structured value: "" for the value itself, else ".a.0.b". */
export interface ValueProblem {
  at: string;
  problem: string;
}

/**
 * The first part of a JSON-bound value that JSON cannot carry faithfully: a BigInt, a lone surrogate, a number
 * that is not finite (JSON.stringify would turn it into null), a function or symbol (silently dropped), a cycle,
 * or nesting deeper than MAX_JSON_DEPTH. Objects with toJSON (Dates, Buffers) are taken as JSON serialises them.
 * Walks with an explicit stack, so a value nested a million levels deep is refused, not a stack overflow.
 */
export function jsonProblem(root: unknown): ValueProblem | undefined {
  const stack: Array<{ value: unknown; at: string; depth: number; parents: readonly object[] }> = [{ value: root, at: '', depth: 0, parents: [] }];
  while (stack.length > 0) {
    const { value, at, depth, parents } = stack.pop()!;
    const problem = leafProblem(value);
    if (problem) return { at, problem };
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Date) continue;
    if (parents.includes(value)) return { at, problem: text('runtime.errors.input.cycle') };
    if (depth >= MAX_JSON_DEPTH) return { at, problem: text('runtime.errors.input.tooDeep', { max: MAX_JSON_DEPTH }) };
    const inside = [...parents, value];
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      const keyProblem = textProblem(key);
      if (keyProblem) return { at: `${at}.${bounded(key.replace(LONE_SURROGATES, '\uFFFD'), 40)}`, problem: keyProblem };
      stack.push({ value: item, at: `${at}.${bounded(key, 40)}`, depth: depth + 1, parents: inside });
    }
  }
  return undefined;
}

function leafProblem(value: unknown): string | undefined {
  switch (typeof value) {
    case 'bigint': return text('runtime.errors.input.bigint');
    case 'number': return Number.isFinite(value) ? undefined : text('runtime.errors.input.notFinite', { value: String(value) });
    case 'string': return textProblem(value);
    case 'function':
    case 'symbol': return text('runtime.errors.input.notJson', { type: typeof value });
    default: return undefined;
  }
}

/**
 * Whether objects and arrays nest deeper than `limit` levels inside the value (walked without recursion). An object
 * met again (a cycle, or shared) is not walked twice: a copy reuses what it already copied.
 */
export function nestedDeeperThan(root: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || seen.has(value)) continue;
    if (depth >= limit) return true;
    seen.add(value);
    for (const item of Object.values(value)) stack.push({ value: item, depth: depth + 1 });
  }
  return false;
}
