/** What one property run checks about how a msg ended, from the inputs the run gave it. */
import type { Msg } from '../helpers/flow';
import { brief, fingerprint } from './fingerprint';
import type { Binding } from './run-inputs';
import type { Subject } from './subjects';
import type { Variant } from './variants';
import type { ProxiedExchange } from '../helpers/fault-proxy';
import { isLogin, refusedAsPathSegment } from './wire-rules';

/** No error message or log line reaches this length, whatever the input. */
export const MAX_MESSAGE = 1_000;
/** A status is a few words under the node. */
export const MAX_STATUS = 200;
/** How much of a bad value an error may quote (the issue says about 200 characters). */
const MAX_QUOTE = 250;

/** What a run found wrong, one line each. */
export class Problems extends Error {
  constructor(problems: string[]) {
    super(problems.join('\n'));
  }
}

/** A problem report is its own message; anything else thrown is a fault of the test itself: show where. */
export function reportOf(failure: unknown): string {
  if (failure instanceof Problems) return failure.message;
  return failure instanceof Error ? failure.stack ?? failure.message : String(failure);
}

/** Which fields an input error may name: the node's fields, the OBO user, and `a|b` for a rule across fields. */
function fieldNames(subject: Subject): Set<string> {
  return new Set([...subject.fields.map((f) => f.name), ...(subject.obo ? ['oboUser'] : [])]);
}

/** Every string put anywhere for this run, to see whether an error quotes too much of one. */
function longStrings(binding: Binding, variant: Variant): string[] {
  const found: string[] = [];
  const visit = (value: unknown, depth = 0): void => {
    if (typeof value === 'string' && value.length > MAX_QUOTE) found.push(value);
    else if (Array.isArray(value) && depth < 3) value.forEach((item) => visit(item, depth + 1));
  };
  [binding.msg, binding.flow, binding.global, binding.env].forEach((bag) => Object.values(bag).forEach((value) => visit(value)));
  Object.values(variant.fields).forEach((source) => (source.via === 'literal' ? visit(source.text) : undefined));
  return found;
}

/**
 * The stream id an object names, by the shapes the README lists for stream fields ({ id }, { streamId },
 * { roomSystemInfo: { id } }, { IMSystemInfo: { id } }, the first that is text); anything else as it is.
 */
function namedStreamId(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value)) return value;
  const inner = (outer: unknown): unknown => (outer !== null && typeof outer === 'object' ? (outer as { id?: unknown }).id : undefined);
  const object = value as Record<string, unknown>;
  return [object.id, object.streamId, inner(object.roomSystemInfo), inner(object.IMSystemInfo)].find((id) => typeof id === 'string');
}

/**
 * A value the rules refuse, given as it is (on msg, in a context or env, as a string literal): the msg
 * must end at Catch before any request. Checked from the input because the wire cannot always show it (a lone
 * surrogate never gets there; NaN sent as text looks like the word).
 */
export function refusedInput(subject: Subject, variant: Variant, binding: Binding): string | undefined {
  for (const field of subject.fields) {
    if (!field.param || !binding.known.has(field.name)) continue;
    const value = binding.known.get(field.name);
    // A stream field takes the id an IM, room or stream answer carries; the id without the white space around it
    // (pasted ids often end in a newline).
    const named = field.param.idOf === 'stream' ? namedStreamId(value) : value;
    const segment = typeof named === 'string' && field.param.kind === 'stream-id' ? named.trim() : named;
    if (field.param.in === 'path' && typeof segment === 'string' && refusedAsPathSegment(segment)) {
      return `path parameter ${field.name} = ${brief(value)}`;
    }
    if (field.param.kind === 'string' && typeof value === 'number' && !Number.isFinite(value)) {
      return `text field ${field.name} = ${value}`;
    }
  }
  const user = binding.known.get('oboUser');
  if (variant.actAs === 'username' && typeof user === 'string' && refusedAsPathSegment(user.trim())) {
    return `oboUser ${brief(user)} (a path segment of the OBO login)`;
  }
  return undefined;
}

export function errorProblems(subject: Subject, variant: Variant, binding: Binding, msg: Msg): string[] {
  const error = msg.error;
  if (!error) return ['the Catch msg has no msg.error'];
  const problems: string[] = [];
  const message = String(error.message ?? '');
  if (message.length >= MAX_MESSAGE) problems.push(`msg.error.message is ${message.length} characters long: ${brief(message)}`);
  for (const [key, value] of Object.entries(error.cause ?? {})) {
    if (typeof value === 'string' && value.length >= MAX_MESSAGE) problems.push(`msg.error.cause.${key} is ${value.length} characters long`);
  }
  for (const value of longStrings(binding, variant)) {
    const head = value.slice(0, MAX_QUOTE);
    if (message.includes(head) || message.includes(JSON.stringify(value).slice(1, MAX_QUOTE + 1))) {
      problems.push(`msg.error.message quotes more than ${MAX_QUOTE} characters of a ${value.length}-character value`);
    }
  }
  if (error.code === 'INVALID_INPUT') {
    const field = error.cause?.field;
    if (typeof field !== 'string' || field === '') {
      problems.push(`an input error names no field (msg.error.cause.field = ${brief(field)}): ${brief(message)}`);
    } else {
      const allowed = fieldNames(subject);
      const unknown = field.split('|').filter((name) => !allowed.has(name));
      if (unknown.length > 0) problems.push(`an input error names ${brief(field)}, not a field of the node`);
      if (!message.startsWith(`${field}: `)) problems.push(`an input error's message does not start with its field ${brief(field)}: ${brief(message)}`);
    }
  }
  return problems;
}

/**
 * Node-RED copies a msg recursively for Catch nodes; a property nested deeper than this cannot be relied on to be
 * copied, and the README says such a property reaches Catch replaced by a note "[not copied: …]".
 */
export const UNCOPYABLE_DEPTH = 1_000;

/**
 * Each property sent must be on the msg that comes out (at Catch, all of them) as it was when sent; at Catch, one
 * of `uncopyable` (nested deeper than UNCOPYABLE_DEPTH) may instead carry the note that it was not copied.
 */
export function keptProblems(sent: Map<string, string>, received: Msg, except: string | undefined, uncopyable: ReadonlySet<string> = new Set()): string[] {
  const problems: string[] = [];
  for (const [key, print] of sent) {
    if (key === except) continue;
    const note = received[key];
    if (uncopyable.has(key) && typeof note === 'string' && note.startsWith('[not copied: ')) continue;
    if (!(key in received)) problems.push(`msg.${key} is missing from the msg that came out`);
    else if (fingerprint(received[key]) !== print) problems.push(`msg.${key} is not as it was sent: now ${brief(received[key])}`);
  }
  return problems;
}

/**
 * The generic API node calls the path it is given, as given: a path the URL rules would resolve (`.`, `%2e%2e`)
 * reaches another endpoint than the one the flow names.
 */
export function targetProblems(subject: Subject, binding: Binding, exchanges: readonly ProxiedExchange[]): string[] {
  const given = binding.known.get('path');
  if (!subject.op?.dynamicTarget || typeof given !== 'string') return [];
  return exchanges.filter((exchange) => !isLogin(exchange) && exchange.rawPath !== given)
    .map((exchange) => `the generic node was given path ${brief(given)} and called ${brief(exchange.rawPath)}`);
}
