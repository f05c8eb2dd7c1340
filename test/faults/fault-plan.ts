/**
 * Which fault each request meets, drawn from a seed: the same seed gives the same fault to the same request (the
 * n-th request of one send, by its marker, or the n-th to one path), whatever the interleaving.
 */
import type { Fault, IncomingRequest } from '../helpers/fault-proxy';

/** A proxy's error page, served with status 200. */
export const PROXY_PAGE = '<!DOCTYPE html><html><head><title>Notice</title></head><body><h1>Please wait</h1><p>Your request is being checked by the corporate gateway.</p></body></html>';

/** The faults an API call may meet, each with its chance in percent; the rest of the time it passes. */
const API_FAULTS: Array<[number, Fault]> = [
  [4, { kind: 'answer', status: 401, headers: { 'content-type': 'application/json' }, body: '{"code":401,"message":"Invalid session"}' }],
  [2, { kind: 'answer', status: 429, headers: { 'content-type': 'application/json', 'retry-after': '0' }, body: '{"code":429,"message":"Too many requests"}' }],
  [2, { kind: 'answer', status: 429, headers: { 'content-type': 'application/json', 'retry-after': '1' }, body: '{"code":429,"message":"Too many requests"}' }],
  [4, { kind: 'answer', status: 503, headers: { 'content-type': 'text/plain' }, body: 'Service Unavailable' }],
  [4, { kind: 'reset-before' }],
  [4, { kind: 'reset-after' }],
  [1.5, { kind: 'hang-before' }],
  [1.5, { kind: 'hang-after' }],
  [4, { kind: 'truncate' }],
  [3, { kind: 'answer', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: PROXY_PAGE }],
];

/** Logins meet the transport faults too, less often: each one costs every caller waiting on it. */
const AUTH_FAULTS: Array<[number, Fault]> = [
  [1, { kind: 'answer', status: 503, headers: { 'content-type': 'text/plain' }, body: 'Service Unavailable' }],
  [1, { kind: 'answer', status: 429, headers: { 'content-type': 'application/json', 'retry-after': '0' }, body: '{"code":429,"message":"Too many requests"}' }],
  [1, { kind: 'reset-before' }],
  [1, { kind: 'reset-after' }],
  [0.5, { kind: 'hang-before' }],
  [1, { kind: 'truncate' }],
  [1, { kind: 'answer', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: PROXY_PAGE }],
];

const PASS: Fault = { kind: 'pass' };

/** FNV-1a over the text, then a few rounds of mixing: a number in [0, 1) per (seed, key). */
function uniform(seed: number, key: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

/** Weights are percentages: a roll past all of them passes. */
function pick(faults: Array<[number, Fault]>, roll: number): Fault {
  let bound = 0;
  for (const [weight, fault] of faults) {
    bound += weight / 100;
    if (roll < bound) return fault;
  }
  return PASS;
}

const isAuth = (path: string): boolean => /^\/(login|relay)\//.test(path);

export interface FaultPlan {
  decide(request: IncomingRequest): Fault;
  /** How many requests met each fault. */
  counts: Map<string, number>;
}

/** `marker` finds the send a request belongs to in its body (a unique text per msg). */
export function faultPlan(seed: number, marker: RegExp): FaultPlan {
  const occurrences = new Map<string, number>();
  const counts = new Map<string, number>();
  return {
    counts,
    decide(request) {
      const mark = marker.exec(request.body.toString('latin1'))?.[0];
      const base = `${request.method} ${mark ?? request.rawPath}`;
      const nth = (occurrences.get(base) ?? 0) + 1;
      occurrences.set(base, nth);
      const fault = pick(isAuth(request.rawPath) ? AUTH_FAULTS : API_FAULTS, uniform(seed, `${base}#${nth}`));
      const name = fault.kind === 'answer' ? `${fault.status}${fault.status === 200 ? ' html' : ''}` : fault.kind;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return fault;
    },
  };
}
