/**
 * The queue behind a feed several readers may share (datafeed v5 by tag, the datahose by tag, types and scopes),
 * as Symphony's datafeed 2 serves it:
 * - Several reads may wait at once; each answer goes to one of them, and a read never ends another one.
 * - An answer's events stay pending under its ackId until a read of the feed sends that ackId back (they are then
 *   gone), or until the visibility timeout passes: they are then queued again, first in line, for whichever read
 *   comes next. An ackId the queue no longer holds acknowledges nothing.
 * - A read with nothing to take waits up to the hold time, then answers empty.
 * - Ending the queue (its feed deleted) answers every waiting read as gone.
 */
import { randomBytes } from 'node:crypto';

/** Events one answer carries at most. */
const MAX_BATCH = 100;

export interface QueueTimings {
  /** How long a read with nothing to take waits. */
  holdMs: number;
  /** How long an answer may stay unacknowledged before its events are given again. */
  visibilityTimeoutMs: number;
}

export type QueueRead<E> = { found: true; events: E[]; ackId: string } | { found: false };

interface Pending<E> {
  events: E[];
  timer: NodeJS.Timeout;
}

type Waiter<E> = (result: QueueRead<E> | undefined) => void;

const newAckId = (): string => randomBytes(18).toString('base64url');

export class SharedQueue<E> {
  private readonly queue: E[] = [];
  private readonly pending = new Map<string, Pending<E>>();
  private readonly waiters: Array<Waiter<E>> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private ended = false;

  constructor(private readonly timings: QueueTimings) {}

  /** Events waiting for a read. */
  get queued(): number {
    return this.queue.length;
  }

  /** Events of answers given and not yet acknowledged. */
  get unacknowledged(): number {
    let count = 0;
    for (const batch of this.pending.values()) count += batch.events.length;
    return count;
  }

  /** Reads waiting now. */
  get reading(): number {
    return this.waiters.length;
  }

  /** Queues events; one waiting read takes them at once. */
  push(events: readonly E[]): void {
    if (this.ended || events.length === 0) return;
    this.queue.push(...events);
    this.wakeOne();
  }

  /**
   * Acknowledges `ackId` (when the queue holds it) and answers with the waiting events, waiting up to the hold
   * time for some. `onCancel` registers a callback for a reader that goes away while waiting: nothing is taken
   * then, and the read ends with undefined.
   */
  read(ackId: string, onCancel: (cancel: () => void) => void): Promise<QueueRead<E> | undefined> {
    if (this.ended) return Promise.resolve({ found: false });
    const acknowledged = this.pending.get(ackId);
    if (acknowledged) {
      this.stop(acknowledged.timer);
      this.pending.delete(ackId);
    }
    if (this.queue.length > 0) return Promise.resolve(this.take());
    return new Promise((resolve) => {
      let settled = false;
      const finish: Waiter<E> = (result) => {
        if (settled) return;
        settled = true;
        this.stop(timer);
        const at = this.waiters.indexOf(finish);
        if (at >= 0) this.waiters.splice(at, 1);
        resolve(result);
      };
      const timer = this.start(() => finish(this.take()), this.timings.holdMs);
      this.waiters.push(finish);
      onCancel(() => finish(undefined));
    });
  }

  /** Takes the next answer now, as a read would (events lost on their way still count as given). */
  take(): QueueRead<E> {
    const events = this.queue.splice(0, MAX_BATCH);
    const ackId = newAckId();
    if (events.length > 0) {
      const timer = this.start(() => {
        if (!this.pending.delete(ackId)) return;
        // Not acknowledged in time: visible again, first in line.
        this.queue.unshift(...events);
        this.wakeOne();
      }, this.timings.visibilityTimeoutMs);
      this.pending.set(ackId, { events, timer });
    }
    return { found: true, events, ackId };
  }

  /** The feed is gone: every waiting read answers so, every timer stops, the events are lost. */
  end(): void {
    this.ended = true;
    for (const finish of [...this.waiters]) finish({ found: false });
    this.close();
    this.queue.length = 0;
    this.pending.clear();
  }

  /** Answers every waiting read (empty) and stops every timer, for the simulator's close. */
  close(): void {
    for (const finish of [...this.waiters]) finish({ found: true, events: [], ackId: newAckId() });
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private wakeOne(): void {
    const first = this.waiters[0];
    if (first && this.queue.length > 0) first(this.take());
  }

  private start(run: () => void, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private stop(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }
}
