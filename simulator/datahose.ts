/**
 * The datahose (agent POST /v5/events/read): one shared feed per service account, tag, event types and scopes,
 * made on its first read. It receives every event of the pod of its types and scopes, whoever it was addressed to,
 * and serves its readers as datafeeds do (simulator/shared-queue.ts): each answer to one waiting read, pending
 * until acknowledged, given again after the visibility timeout if not.
 */
import type { EventBus, V4EventJson } from './events';
import { SharedQueue, type QueueRead, type QueueTimings } from './shared-queue';

export const DATAHOSE_SCOPES = ['INTERNAL', 'EXTERNAL', 'FEDERATED'] as const;
export type DatahoseScope = typeof DATAHOSE_SCOPES[number];

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
  /** Events of answers given and not yet acknowledged. */
  pending: number;
  /** Reads waiting for events now. */
  reading: number;
}

export interface DatahoseFeed {
  key: DatahoseFeedKey;
  types: ReadonlySet<string>;
  queue: SharedQueue<V4EventJson>;
}

/** The scopes an event belongs to: its conversation's (internal or external), connections are external. */
function scopesOf(event: V4EventJson): Set<DatahoseScope> {
  if (event.type === 'CONNECTIONREQUESTED' || event.type === 'CONNECTIONACCEPTED') return new Set(['EXTERNAL']);
  const inner = Object.values(event.payload)[0] as { stream?: { external?: boolean }; message?: { stream?: { external?: boolean } } } | undefined;
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
  readonly timings: QueueTimings;

  constructor(bus: EventBus, holdMs: number, visibilityTimeoutMs = 30_000) {
    this.timings = { holdMs, visibilityTimeoutMs };
    bus.subscribe((event) => this.publish(event));
  }

  /** The feed for these settings, made now if no reader used them before. */
  feed(key: DatahoseFeedKey): DatahoseFeed {
    const id = feedId(key);
    let feed = this.feeds.get(id);
    if (!feed) {
      feed = { key, types: new Set(key.eventTypes), queue: new SharedQueue(this.timings) };
      this.feeds.set(id, feed);
    }
    return feed;
  }

  stats(): DatahoseFeedInfo[] {
    return [...this.feeds.values()].map(({ key, queue }) => ({
      tag: key.tag, userId: key.userId, eventTypes: [...key.eventTypes], scopes: [...key.scopes],
      queued: queue.queued, pending: queue.unacknowledged, reading: queue.reading,
    }));
  }

  read(feed: DatahoseFeed, ackId: string, onCancel: (cancel: () => void) => void): Promise<QueueRead<V4EventJson> | undefined> {
    return feed.queue.read(ackId, onCancel);
  }

  close(): void {
    for (const feed of this.feeds.values()) feed.queue.close();
  }

  private publish(event: V4EventJson): void {
    for (const feed of this.feeds.values()) {
      if (!feed.types.has(event.type)) continue;
      if (feed.key.scopes.length > 0 && ![...scopesOf(event)].some((scope) => feed.key.scopes.includes(scope))) continue;
      feed.queue.push([event]);
    }
  }
}
