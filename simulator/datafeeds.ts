/**
 * Datafeeds v5, one set per user: every event the bus addresses to the user is queued in each of the user's feeds.
 * A read returns at once when events wait, else holds up to `holdMs` and answers as soon as one arrives.
 *
 * AckId semantics (agent spec, readDatafeed): each answer carries a new ackId; the events of that answer stay
 * pending until a read sends that ackId back, and a read with any other ackId (empty, older) gets the pending
 * events again, followed by the new ones. Events published before a feed exists never reach it; a deleted
 * (or dropped) feed loses what it held.
 *
 * For tests of readers, the control API can queue raw JSON as events (anything: null, junk, repeats) and make a
 * feed's next answers get lost after the events were taken, as when a response never reaches the reader.
 */
import { randomBytes } from 'node:crypto';
import type { EventBus } from './events';

export interface DatafeedRecord {
  id: string;
  userId: number;
  tag?: string;
  createdAt: number;
  /** V4Events from the bus, or raw JSON values queued through the control API. */
  queue: unknown[];
  /** The last answer's events, until acknowledged. */
  unacked?: { ackId: string; events: unknown[] };
  /** How many of the next answers with events are taken and then lost (never reach the reader). */
  answersToLose: number;
  waiter?: Waiter;
}

interface Waiter {
  /** Answers the waiting read now: with the feed's events, or as "not found" when the feed is gone. */
  finish(gone: boolean): void;
}

export type ReadResult = { found: true; events: unknown[]; ackId: string } | { found: false };

const NOT_FOUND: ReadResult = { found: false };
const newAckId = (): string => randomBytes(18).toString('base64url');

export class DatafeedStore {
  private readonly feeds = new Map<string, DatafeedRecord>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(bus: EventBus, public holdMs: number) {
    bus.subscribe((event, audience) => this.queue((feed) => audience.has(feed.userId), [event]));
  }

  /** Queues events (as they are: V4Events, or any JSON) in the matching feeds; a waiting read answers them at once. */
  queue(match: (feed: DatafeedRecord) => boolean, events: readonly unknown[]): number {
    let queued = 0;
    for (const feed of this.feeds.values()) {
      if (!match(feed)) continue;
      feed.queue.push(...events);
      feed.waiter?.finish(false);
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
    const feed: DatafeedRecord = { id: `${randomBytes(16).toString('hex')}_f`, userId, tag, createdAt: Date.now(), queue: [], answersToLose: 0 };
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

  /** Deletes feeds (a pending read on them answers "not found"); returns how many. */
  remove(match: (feed: DatafeedRecord) => boolean): number {
    let removed = 0;
    for (const feed of [...this.feeds.values()]) {
      if (!match(feed)) continue;
      this.feeds.delete(feed.id);
      feed.waiter?.finish(true);
      removed += 1;
    }
    return removed;
  }

  /**
   * Reads a feed. `onCancel` registers a callback for a client that goes away while the read waits: the read
   * then ends with undefined and no event is taken from the queue.
   */
  read(feed: DatafeedRecord, ackId: string, onCancel: (cancel: () => void) => void): Promise<ReadResult | undefined> {
    if (feed.unacked && ackId === feed.unacked.ackId) feed.unacked = undefined;
    // Only the newest reader of a feed waits: an older one is answered now.
    feed.waiter?.finish(false);
    if (feed.unacked || feed.queue.length > 0) return Promise.resolve(this.take(feed));
    return new Promise((resolve) => {
      const end = (result: ReadResult | undefined): void => {
        clearTimeout(timer);
        this.timers.delete(timer);
        if (feed.waiter === waiter) feed.waiter = undefined;
        resolve(result);
      };
      const waiter: Waiter = { finish: (gone) => end(gone ? NOT_FOUND : this.take(feed)) };
      const timer = setTimeout(() => waiter.finish(false), this.holdMs);
      this.timers.add(timer);
      feed.waiter = waiter;
      onCancel(() => {
        if (feed.waiter === waiter) end(undefined);
      });
    });
  }

  /** Answers every waiting read (empty) and stops every timer, for the simulator's close. */
  close(): void {
    for (const feed of this.feeds.values()) feed.waiter?.finish(false);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private take(feed: DatafeedRecord): ReadResult {
    const events = [...(feed.unacked?.events ?? []), ...feed.queue.splice(0)];
    const ackId = newAckId();
    feed.unacked = events.length > 0 ? { ackId, events } : undefined;
    return { found: true, events, ackId };
  }
}
