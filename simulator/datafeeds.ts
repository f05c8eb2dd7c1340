/**
 * Datafeeds v5, one set per user: every event the bus addresses to the user is queued in each of the user's feeds.
 * A feed may be read by several readers at once (instances of a bot sharing a tag); it serves them as datafeed 2
 * does (simulator/shared-queue.ts): each answer goes to one waiting read, its events stay pending under its ackId
 * until a read sends that ackId back, and come again (to any reader) after the visibility timeout (30 s) if not.
 * A read with nothing to take waits up to `holdMs`. Events published before a feed exists never reach it; a deleted
 * (or dropped) feed loses what it held.
 *
 * For tests of readers, the control API can queue raw JSON as events (anything: null, junk, repeats) and make a
 * feed's next answers get lost after the events were taken, as when a response never reaches the reader.
 */
import { randomBytes } from 'node:crypto';
import type { EventBus } from './events';
import { SharedQueue, type QueueRead, type QueueTimings } from './shared-queue';

export interface DatafeedRecord {
  id: string;
  userId: number;
  tag?: string;
  createdAt: number;
  /** V4Events from the bus, or raw JSON values queued through the control API. */
  queue: SharedQueue<unknown>;
  /** How many of the next answers with events are taken and then lost (never reach the reader). */
  answersToLose: number;
}

export type ReadResult = QueueRead<unknown>;

export class DatafeedStore {
  private readonly feeds = new Map<string, DatafeedRecord>();
  readonly timings: QueueTimings;

  constructor(bus: EventBus, holdMs: number, visibilityTimeoutMs = 30_000) {
    this.timings = { holdMs, visibilityTimeoutMs };
    bus.subscribe((event, audience) => this.queue((feed) => audience.has(feed.userId), [event]));
  }

  /** Queues events (as they are: V4Events, or any JSON) in the matching feeds; a waiting read answers them at once. */
  queue(match: (feed: DatafeedRecord) => boolean, events: readonly unknown[]): number {
    let queued = 0;
    for (const feed of this.feeds.values()) {
      if (!match(feed)) continue;
      feed.queue.push(events);
      queued += 1;
    }
    return queued;
  }

  /** The next `times` answers with events of the matching feeds are lost after their events were taken. */
  loseAnswers(match: (feed: DatafeedRecord) => boolean, times: number): number {
    const feeds = [...this.feeds.values()].filter(match);
    for (const feed of feeds) feed.answersToLose += times;
    return feeds.length;
  }

  /** True (and counts it) when this answer, which has events, is to be lost. */
  takeLostAnswer(feed: DatafeedRecord): boolean {
    if (feed.answersToLose <= 0) return false;
    feed.answersToLose -= 1;
    return true;
  }

  /** A tag names one feed per user: creating again with the same tag returns that feed. */
  create(userId: number, tag: string | undefined): DatafeedRecord {
    if (tag) {
      const existing = this.list(userId, tag)[0];
      if (existing) return existing;
    }
    const feed: DatafeedRecord = {
      id: `${randomBytes(16).toString('hex')}_f`, userId, tag, createdAt: Date.now(), queue: new SharedQueue(this.timings), answersToLose: 0,
    };
    this.feeds.set(feed.id, feed);
    return feed;
  }

  all(): DatafeedRecord[] {
    return [...this.feeds.values()];
  }

  list(userId: number, tag?: string): DatafeedRecord[] {
    return [...this.feeds.values()].filter((f) => f.userId === userId && (tag === undefined || f.tag === tag));
  }

  /** The user's feed, or undefined (unknown, or another user's: not told apart). */
  find(userId: number, id: string): DatafeedRecord | undefined {
    const feed = this.feeds.get(id);
    return feed && feed.userId === userId ? feed : undefined;
  }

  /** Deletes feeds (their pending reads answer "not found"); returns how many. */
  remove(match: (feed: DatafeedRecord) => boolean): number {
    let removed = 0;
    for (const feed of [...this.feeds.values()]) {
      if (!match(feed)) continue;
      this.feeds.delete(feed.id);
      feed.queue.end();
      removed += 1;
    }
    return removed;
  }

  /**
   * Reads a feed. `onCancel` registers a callback for a client that goes away while the read waits: the read
   * then ends with undefined and no event is taken from the queue.
   */
  read(feed: DatafeedRecord, ackId: string, onCancel: (cancel: () => void) => void): Promise<ReadResult | undefined> {
    return feed.queue.read(ackId, onCancel);
  }

  /** Answers every waiting read (empty) and stops every timer, for the simulator's close. */
  close(): void {
    for (const feed of this.feeds.values()) feed.queue.close();
  }
}
