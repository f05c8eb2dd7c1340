import type { OperationSpec } from '../../catalogue/types';
import type { Translate } from '../core/i18n';
import type { NodeMessage, NodeStatus } from '../core/node-red';

/**
 * What the status dot says after a call that worked, from the entry's statusSummary: how many items came back
 * ("3 users", yellow "0 users found" where nothing found is news), or the id of what was made ("sent vd7qwNb6…").
 * The texts are translated once, when the node starts; each msg only puts its number or id in.
 */
export type Summarise = (out: NodeMessage | NodeMessage[]) => NodeStatus | undefined;

/** Stands for the number or id while a text is translated, then is replaced (no i18n placeholder looks like it). */
const MARK = '\u0001';
/** How much of an id the status shows. */
const SHORT_ID = 8;

/** A translated text with a hole, filled per msg. */
function template(t: Translate, key: string, name: 'number' | 'id'): (value: string) => string {
  const [before, after] = t(key, { [name]: MARK }).split(MARK);
  return after === undefined ? () => before ?? '' : (value) => `${before}${value}${after}`;
}

function atPath(value: unknown, dotted: string): unknown {
  let node = value;
  for (const part of dotted ? dotted.split('.') : []) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The summary of an operation's output, or undefined when the entry has none (the status then says "ok"). */
export function statusSummary(op: OperationSpec, t: Translate, output: (msg: NodeMessage) => unknown): Summarise | undefined {
  const summary = op.statusSummary;
  if (!summary) return undefined;
  const key = `runtime.status.summary.${summary.text}`;
  if (summary.show === 'id') {
    const sent = template(t, key, 'id');
    return (out) => {
      const id = Array.isArray(out) ? undefined : atPath(output(out), summary.at ?? '');
      if (typeof id !== 'string' || id === '') return undefined;
      return { fill: 'green', shape: 'dot', text: sent(id.length > SHORT_ID ? `${id.slice(0, SHORT_ID)}…` : id) };
    };
  }
  const one = template(t, `${key}.one`, 'number');
  const other = template(t, `${key}.other`, 'number');
  const items = summary.at ?? op.paging?.items ?? '';
  return (out) => {
    // One msg per item: as many msgs as items. One msg: the items (all pages), or the answer holding them.
    let count: number | undefined;
    if (Array.isArray(out)) count = out.length;
    else {
      const value = output(out);
      const list = Array.isArray(value) ? value : atPath(value, items);
      count = Array.isArray(list) ? list.length : undefined;
    }
    if (count === undefined) return undefined;
    const text = count === 1 ? one('1') : other(String(count));
    return { fill: count === 0 && summary.noneIsNews ? 'yellow' : 'green', shape: 'dot', text };
  };
}
