/**
 * What a run of sends under faults must show, judged from how each msg ended and from what the simulator stored:
 * every msg ended exactly once; no message stored twice; none lost (out on the output yet not stored); every
 * output the parsed answer, in the spec's shape when the spec is at hand.
 */
import type { ValidateFunction } from 'ajv';
import type { Ending } from '../helpers/endings';

export interface SentMsg {
  id: string;
  /** The node it was sent to. */
  node: string;
  /** For a send: the unique text of its message, to find it in the simulator. */
  marker?: string;
  endings: Ending[];
}

export interface Verdict {
  /** Problems by kind, each with the msgs it happened to. */
  problems: Map<string, string[]>;
  tally: { output: number; catch: number; never: number; stored: number; lost: number; twice: number };
  /** Catch msgs by error code. */
  codes: Map<string, number>;
}

function describePayload(payload: unknown): string {
  if (typeof payload !== 'string') return String(payload);
  return payload.trimStart().startsWith('<') ? 'an HTML page' : 'unparsed text';
}

/**
 * `stored` maps each send's marker to the ids of the messages the simulator holds with it; `schemas` gives the
 * spec's 200 answer of each node, when known.
 */
export function judge(sent: readonly SentMsg[], stored: ReadonlyMap<string, string[]>, schemas: ReadonlyMap<string, ValidateFunction | null>, boundMs: number): Verdict {
  const verdict: Verdict = { problems: new Map(), tally: { output: 0, catch: 0, never: 0, stored: 0, lost: 0, twice: 0 }, codes: new Map() };
  const { tally, codes } = verdict;
  const problem = (msg: SentMsg, kind: string, detail: string): void => {
    const key = `${msg.node}: ${kind}`;
    verdict.problems.set(key, [...(verdict.problems.get(key) ?? []), `${msg.id}${detail ? `: ${detail}` : ''}`]);
  };
  for (const msg of sent) {
    const copies = msg.marker ? stored.get(msg.marker) ?? [] : [];
    if (copies.length > 0) tally.stored += 1;
    if (copies.length > 1) {
      tally.twice += 1;
      problem(msg, 'stored twice', `${copies.length} copies, ended at ${msg.endings[0]?.where ?? 'nothing'}`);
    }
    if (msg.endings.length > 1) problem(msg, 'ended more than once', msg.endings.map((e) => e.where).join(', '));
    const first = msg.endings[0];
    if (!first) {
      tally.never += 1;
      problem(msg, `never ended within ${boundMs} ms`, '');
      continue;
    }
    tally[first.where] += 1;
    if (first.where === 'catch') {
      const code = String(first.msg.error?.code ?? 'no code');
      codes.set(code, (codes.get(code) ?? 0) + 1);
      continue;
    }
    const lost = msg.marker !== undefined && copies.length === 0;
    if (lost) tally.lost += 1;
    const payload = first.msg.payload;
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      problem(msg, `output payload is ${describePayload(payload)}, not the parsed answer${lost ? ', and the message is not stored (lost)' : ''}`,
        JSON.stringify(payload)?.slice(0, 100) ?? '');
      continue;
    }
    const validate = schemas.get(msg.node);
    if (validate && !validate(payload)) {
      problem(msg, "output is not the spec's answer", (validate.errors ?? []).slice(0, 2).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; '));
    }
    if (!msg.marker) continue;
    const messageId = String((payload as { messageId?: unknown }).messageId);
    if (lost) problem(msg, 'reached the output but the message is not stored (lost)', messageId);
    else if (!copies.includes(messageId)) problem(msg, 'output names another message than the one stored', `${messageId} / ${copies.join(', ')}`);
  }
  return verdict;
}

/** Counts as "a 3, b 1", most first. */
export function counted(counts: ReadonlyMap<string, number>): string {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(', ');
}
