/**
 * How alive one feed (an events or datahose node) is: when a read last succeeded, how many events it read in the
 * last minute, how often it recovered (a feed recreated, reads working again after failures), and its state.
 * The minute is 60 one-second buckets reused in place: counting an event allocates nothing.
 */

/** The loop's states (datafeed-loop.ts), and `failed` for a node that could not start (no or invalid config). */
export type FeedState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

const WINDOW_SECONDS = 60;

export interface LivenessFigures {
  /** The last successful read (an answer, with or without events); undefined before the first. */
  lastReadAt?: number;
  /** Seconds since the last successful read, or since the node started when none succeeded yet. */
  secondsSinceLastRead: number;
  eventsPerMinute: number;
  reconnects: number;
  state: FeedState;
}

export class FeedLiveness {
  private readonly buckets = new Uint32Array(WINDOW_SECONDS);
  /** The second (since the epoch) the newest bucket counts. */
  private newestSecond = 0;
  private lastRead: number | undefined;
  private reconnectCount = 0;
  private current: FeedState = 'connecting';

  constructor(private readonly now: () => number = Date.now, private readonly startedAt = now()) {}

  /** A read answered, with `events` events in it. */
  read(events: number): void {
    const now = this.now();
    this.lastRead = now;
    if (events > 0) this.buckets[this.advance(Math.floor(now / 1000))] += events;
  }

  /** The loop's state; connected again after reconnecting or failing counts as a reconnect. */
  state(state: FeedState): void {
    if (state === 'connected' && (this.current === 'reconnecting' || this.current === 'failed')) this.reconnectCount += 1;
    this.current = state;
  }

  figures(): LivenessFigures {
    const now = this.now();
    return {
      lastReadAt: this.lastRead,
      secondsSinceLastRead: Math.max(0, Math.floor((now - (this.lastRead ?? this.startedAt)) / 1000)),
      eventsPerMinute: this.eventsPerMinute(now),
      reconnects: this.reconnectCount,
      state: this.current,
    };
  }

  /** Healthy: not failed, and a read succeeded (or the node started) at most `maxSilenceSeconds` ago. */
  healthy(maxSilenceSeconds: number): boolean {
    const { state, secondsSinceLastRead } = this.figures();
    return state !== 'failed' && secondsSinceLastRead <= maxSilenceSeconds;
  }

  private eventsPerMinute(now: number): number {
    const second = Math.floor(now / 1000);
    const age = second - this.newestSecond;
    if (age >= WINDOW_SECONDS) return 0;
    let sum = 0;
    // Buckets older than a minute (behind the newest by 60 - age or more) are not counted.
    for (let back = 0; back < WINDOW_SECONDS - age; back++) sum += this.buckets[(this.newestSecond - back) % WINDOW_SECONDS]!;
    return sum;
  }

  /** Moves the window to `second`, emptying the buckets it passes; returns the bucket of `second`. */
  private advance(second: number): number {
    const gap = second - this.newestSecond;
    if (gap > 0) {
      for (let s = 1; s <= Math.min(gap, WINDOW_SECONDS); s++) this.buckets[(this.newestSecond + s) % WINDOW_SECONDS] = 0;
      this.newestSecond = second;
    }
    return ((gap >= 0 ? second : this.newestSecond) % WINDOW_SECONDS);
  }
}
