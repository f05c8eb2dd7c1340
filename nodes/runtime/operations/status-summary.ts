import type { OperationSpec, SummaryText } from '../../catalogue/types';
import type { Translate } from '../core/i18n';
import type { NodeMessage, NodeStatus } from '../core/node-red';

/**
 * What the status dot says after a call that worked, from the entry's statusOf (its own reading of the answer) or
 * its statusSummary: how many items came back
 * ("3 users", yellow "0 users found" where nothing found is news), or the id of what was made ("sent vd7qwNb6…").
 * The texts are translated once, when the node starts; each msg only puts its number or id in.
 */
export type Summarise = (out: NodeMessage | NodeMessage[]) => NodeStatus | undefined;

/** Stands for the number or id while a text is translated, then is replaced (no i18n placeholder looks like it). */
const MARK = '\u0001';
/** How much of an id the status shows. */
const SHORT_ID = 8;

/** The texts of each summary: a count's for one item and for any other number, or an id's. */
const TEXTS: Record<SummaryText, { one: string; other: string } | string> = {
  usersFound: { one: 'runtime.status.summary.usersFound.one', other: 'runtime.status.summary.usersFound.other' },
  users: { one: 'runtime.status.summary.users.one', other: 'runtime.status.summary.users.other' },
  rooms: { one: 'runtime.status.summary.rooms.one', other: 'runtime.status.summary.rooms.other' },
  streams: { one: 'runtime.status.summary.streams.one', other: 'runtime.status.summary.streams.other' },
  members: { one: 'runtime.status.summary.members.one', other: 'runtime.status.summary.members.other' },
  messages: { one: 'runtime.status.summary.messages.one', other: 'runtime.status.summary.messages.other' },
  attachments: { one: 'runtime.status.summary.attachments.one', other: 'runtime.status.summary.attachments.other' },
  connections: { one: 'runtime.status.summary.connections.one', other: 'runtime.status.summary.connections.other' },
  signals: { one: 'runtime.status.summary.signals.one', other: 'runtime.status.summary.signals.other' },
  subscribers: { one: 'runtime.status.summary.subscribers.one', other: 'runtime.status.summary.subscribers.other' },
  entries: { one: 'runtime.status.summary.entries.one', other: 'runtime.status.summary.entries.other' },
  sent: 'runtime.status.summary.sent',
};

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

/**
 * The summary of an operation's output, or undefined when the entry has none (the status then says "ok"). It never
 * throws: a status is not worth losing a msg over.
 */
export function statusSummary(op: OperationSpec, t: Translate, output: (msg: NodeMessage) => unknown): Summarise | undefined {
  const summarise = summariser(op, t, output);
  if (!summarise) return undefined;
  return (out) => {
    try {
      return summarise(out);
    } catch {
      return undefined;
    }
  };
}

function summariser(op: OperationSpec, t: Translate, output: (msg: NodeMessage) => unknown): Summarise | undefined {
  const { statusOf } = op;
  // An entry that reads its status from what came back (agent health: "all up", "2 down").
  if (statusOf) {
    return (out) => {
      const status = Array.isArray(out) ? undefined : statusOf(output(out));
      return status && { fill: status.fill, shape: 'dot', text: t(status.key, status.substitutions) };
    };
  }
  const summary = op.statusSummary;
  if (!summary) return undefined;
  const texts = TEXTS[summary.text];
  if (typeof texts === 'string') {
    const sent = template(t, texts, 'id');
    return (out) => {
      const id = Array.isArray(out) ? undefined : atPath(output(out), summary.at ?? '');
      if (typeof id !== 'string' || id === '') return undefined;
      return { fill: 'green', shape: 'dot', text: sent(id.length > SHORT_ID ? `${id.slice(0, SHORT_ID)}…` : id) };
    };
  }
  const one = template(t, texts.one, 'number');
  const other = template(t, texts.other, 'number');
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
