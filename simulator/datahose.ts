/**
 * The datahose (agent POST /v5/events/read): one shared feed per service account, tag, event types and scopes,
 * made on its first read. It receives every event of the pod of its types and scopes, whoever it was addressed to.
 *
 * Several readers of one feed share its events, as the spec says instances of a bot do: each answer takes the
 * waiting events (at most MAX_BATCH) for one reader, with an ackId of its own. An answer not acknowledged (its
 * ackId sent back by a read of the same feed) within the visibility timeout goes back to the front of the queue
 * for the next read, by any reader; an acknowledged one is gone. An ackId the feed never gave is refused (400).
 */
import { randomBytes } from 'node:crypto';
import type { EventBus, V4EventJson } from './events';

export const DATAHOSE_SCOPES = ['INTERNAL', 'EXTERNAL', 'FEDERATED'] as const;
export type DatahoseScope = typeof DATAHOSE_SCOPES[number];

/** Events one answer carries at most. */
const MAX_BATCH = 100;

export interface DatahoseFeedKey {
  userId: number;
  tag: string;
  eventTypes: readonly string[];
  scopes: readonly DatahoseScope[];
}

/** A feed as the control API and tests see it. */
export interface DatahoseFeedInfo {
  tag: string;
  userId: number;
  eventTypes: string[];
  scopes: string[];
  /** Events waiting for a read. */
  queued: number;
  /** Answers given and not yet acknowledged. */
  pending: number;
  /** Reads waiting for events now. */
  reading: number;
}

interface Batch {
  events: V4EventJson[];
  timer: NodeJS.Timeout;
}

interface DatahoseFeed {
  key: DatahoseFeedKey;
  types: ReadonlySet<string>;
  queue: V4EventJson[];
  /** Answers given and not yet acknowledged, by ackId. */
  pending: Map<string, Batch>;
  /** AckIds acknowledged or returned to the queue: sending one again is harmless. */
  spent: Set<string>;
  waiters: Array<() => void>;
}

export type DatahoseRead = { ok: true; events: V4EventJson[]; ackId: string } | { ok: false; unknownAckId: string };

const newAckId = (): string => randomBytes(18).toString('base64url');

/** The scopes an event belongs to: its conversation's (internal, external, cross-pod), connections are external. */
function scopesOf(event: V4EventJson): Set<DatahoseScope> {
  if (event.type === 'CONNECTIONREQUESTED' || event.type === 'CONNECTIONACCEPTED') return new Set(['EXTERNAL']);
  const inner = Object.values(event.payload)[0] as { stream?: { external?: boolean; crossPod?: boolean }; message?: { stream?: { external?: boolean; crossPod?: boolean } } } | undefined;
  const stream = inner?.stream ?? inner?.message?.stream;
  // Shared posts and other events outside a conversation count as internal; federation is not simulated.
  if (!stream) return new Set(['INTERNAL']);
  return new Set([stream.external ? 'EXTERNAL' : 'INTERNAL']);
}

function feedId(key: DatahoseFeedKey): string {
  return JSON.stringify([key.userId, key.tag, [...key.eventTypes].sort(), [...key.scopes].sort()]);
}

export class DatahoseStore {
  private readonly feeds = new Map<string, DatahoseFeed>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(bus: EventBus, public holdMs: number, public visibilityTimeoutMs = 30_000) {
    bus.subscribe((event) => this.publish(event));
  }

  /** The feed for these settings, made now if no reader used them before. */
  feed(key: DatahoseFeedKey): DatahoseFeed {
    const id = feedId(key);
    let feed = this.feeds.get(id);
    if (!feed) {
      feed = { key, types: new Set(key.eventTypes), queue: [], pending: new Map(), spent: new Set(), waiters: [] };
      this.feeds.set(id, feed);
    }
    return feed;
  }

  /** How many feeds exist and the events waiting in each (tests, control API). */
  stats(): DatahoseFeedInfo[] {
    return [...this.feeds.values()].map((f) => ({
      tag: f.key.tag, userId: f.key.userId, eventTypes: [...f.key.eventTypes], scopes: [...f.key.scopes], queued: f.queue.length, pending: f.pending.size, reading: f.waiters.length,
    }));
  }

  /**
   * Acknowledges `ackId` (when not empty) and answers with waiting events, waiting up to holdMs for some.
   * `onCancel` registers a callback for a reader that goes away while waiting: nothing is taken then.
   */
  read(feed: DatahoseFeed, ackId: string, onCancel: (cancel: () => void) => void): Promise<DatahoseRead | undefined> {
    if (ackId !== '') {
      const batch = feed.pending.get(ackId);
      if (batch) {
        clearTimeout(batch.timer);
        this.timers.delete(batch.timer);
        feed.pending.delete(ackId);
        feed.spent.add(ackId);
      } else if (!feed.spent.has(ackId)) {
        return Promise.resolve({ ok: false, unknownAckId: ackId });
      }
    }
    if (feed.queue.length > 0) return Promise.resolve(this.take(feed));
    return new Promise((resolve) => {
      let done = false;
      const end = (result: DatahoseRead | undefined): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.timers.delete(timer);
        feed.waiters = feed.waiters.filter((w) => w !== wake);
        resolve(result);
      };
      const wake = (): void => end(this.take(feed));
      const timer = setTimeout(wake, this.holdMs);
      this.timers.add(timer);
      feed.waiters.push(wake);
      onCancel(() => end(undefined));
    });
  }

  /** Answers every waiting read (empty) and stops every timer, for the simulator's close. */
  close(): void {
    for (const feed of this.feeds.values()) for (const wake of [...feed.waiters]) wake();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private publish(event: V4EventJson): void {
    for (const feed of this.feeds.values()) {
      if (!feed.types.has(event.type)) continue;
      if (feed.key.scopes.length > 0 && ![...scopesOf(event)].some((scope) => feed.key.scopes.includes(scope))) continue;
      feed.queue.push(event);
      // One waiting reader takes them: the events are spread, not copied, across the readers.
      feed.waiters[0]?.();
    }
  }

  private take(feed: DatahoseFeed): DatahoseRead {
    const events = feed.queue.splice(0, MAX_BATCH);
    const ackId = newAckId();
    if (events.length > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!feed.pending.delete(ackId)) return;
        feed.spent.add(ackId);
        // Not acknowledged in time: visible again, first in line, to whichever reader comes next.
        feed.queue.unshift(...events);
        feed.waiters[0]?.();
      }, this.visibilityTimeoutMs);
      this.timers.add(timer);
      feed.pending.set(ackId, { events, timer });
    } else {
      feed.spent.add(ackId);
    }
    return { ok: true, events, ackId };
  }
}
