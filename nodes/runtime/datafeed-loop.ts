/**
 * Reads the bot's datafeed (v5) until stopped: open the feed (reuse the one with our tag, else create it), then
 * long-poll it, acknowledging each answer with its ackId on the next read.
 *
 * Guarantees (see docs/adr/0005-datafeed-loop.md):
 * - While the feed lives, every event is delivered once: an answer is acknowledged only by the next read, after
 *   its events were delivered; an answer seen again (its response was lost and the agent repeated it) is
 *   recognised by event id and not delivered twice. A redeploy continues with the same feed and ackId.
 * - When the agent says the feed is gone (400), a new one is created at once. Events the old feed held and had
 *   not yet answered are lost: the API offers no way to read them.
 * - Network errors, timeouts, 429 and 5xx back off (2 s, x1.5, at most 10 s) and keep going; a 401 has already
 *   been answered by the client (the config node's tokens renewed, once); other failures show as failed and
 *   are retried at the same pace, so fixing the cause in the pod needs no redeploy.
 * - stop() aborts the read under way and every pause at once, and resolves when the loop has ended.
 */
import { type BackoffSettings, Backoff, pause } from './datafeed-backoff';
import type { DatafeedApi } from './datafeed-api';
import type { FeedPosition } from './datafeed-position';
import { SymphonyError, isSymphonyError } from './errors';
import { text } from './i18n';
import type { DatafeedEvent } from './event-types';

export type LoopState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface DatafeedLoopOptions {
  api: DatafeedApi;
  tag: string;
  position: FeedPosition;
  backoff: BackoffSettings;
  /** Runs before the feed is first opened (again after it fails), e.g. to learn the bot's user id. */
  prepare?: (signal: AbortSignal) => Promise<void>;
  deliver(events: DatafeedEvent[]): void;
  onState(state: LoopState, error?: SymphonyError): void;
}

const TRANSIENT = new Set(['NETWORK', 'TIMEOUT', 'RATE_LIMITED']);

function transient(error: SymphonyError): boolean {
  return TRANSIENT.has(error.code) || (error.status !== undefined && error.status >= 500);
}

/** The agent's answer to a read of a feed that no longer exists (expired, deleted) or an ackId it refuses. */
function feedGone(error: SymphonyError): boolean {
  return error.cause.operation === 'datafeed-read' && (error.status === 400 || error.status === 404);
}

function asSymphonyError(err: unknown): SymphonyError {
  if (isSymphonyError(err)) return err;
  return new SymphonyError('NETWORK', err instanceof Error ? err.message : String(err), { operation: 'datafeed' });
}

/** Settles with the promise, or rejects as soon as the signal aborts (the promise's outcome is then ignored). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new SymphonyError('ABORTED', text('runtime.errors.events.stopped'), { operation: 'datafeed' }));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export class DatafeedLoop {
  private readonly stopped = new AbortController();
  private running: Promise<void> = Promise.resolve();
  private prepared = false;
  private opened = false;

  constructor(private readonly options: DatafeedLoopOptions) {}

  start(): void {
    this.running = this.run();
  }

  /** Aborts the read under way; resolves once the loop has ended (no request or timer of it is left). */
  async stop(): Promise<void> {
    this.stopped.abort();
    await this.running;
  }

  /** Deletes the feed (when the node is removed), waiting `timeoutMs` at most; failures are ignored. */
  async deleteFeed(timeoutMs: number): Promise<void> {
    const { position, api } = this.options;
    const id = position.feedId;
    position.feedId = undefined;
    position.ackId = '';
    if (!id) return;
    await api.remove(id, AbortSignal.timeout(timeoutMs)).catch(() => undefined);
  }

  private async run(): Promise<void> {
    const { signal } = this.stopped;
    const { position, onState } = this.options;
    const backoff = new Backoff(this.options.backoff);
    // A feed refused right after being opened (no read succeeded since) is not recreated in a tight loop.
    let readSinceOpen = false;
    while (!signal.aborted) {
      try {
        if (!this.opened || !position.feedId) {
          await this.open(signal);
          readSinceOpen = false;
        }
        await this.read(signal);
        readSinceOpen = true;
        backoff.reset();
      } catch (err) {
        if (signal.aborted) break;
        const error = asSymphonyError(err);
        if (feedGone(error)) {
          position.feedId = undefined;
          position.ackId = '';
          onState('reconnecting', error);
          if (readSinceOpen) continue;
        } else {
          onState(transient(error) ? 'reconnecting' : 'failed', error);
        }
        if (!(await pause(backoff.next(), signal))) break;
      }
    }
  }

  /** Learns what `prepare` gives, then finds or creates the feed, unless a previous node left one to continue. */
  private async open(signal: AbortSignal): Promise<void> {
    const { api, tag, position, prepare, onState } = this.options;
    onState(this.opened ? 'reconnecting' : 'connecting');
    if (prepare && !this.prepared) {
      await untilAborted(prepare(signal), signal);
      this.prepared = true;
    }
    if (!position.feedId) {
      const existing = await untilAborted(api.find(tag, signal), signal);
      position.feedId = existing ?? await untilAborted(api.create(tag, signal), signal);
      // A feed found after a restart: its last answer's ackId is unknown, so that answer comes again.
      position.ackId = '';
    }
    this.opened = true;
    onState('connected');
  }

  private async read(signal: AbortSignal): Promise<void> {
    const { api, position, deliver, onState } = this.options;
    const feedId = position.feedId as string;
    const batch = await untilAborted(api.read(feedId, position.ackId, signal), signal);
    if (signal.aborted) return;
    onState('connected');
    const fresh = batch.events.filter((event) => typeof event.id !== 'string' || position.seen.add(event.id));
    if (fresh.length > 0) deliver(fresh);
    // Acknowledged by the next read only now, after delivery.
    if (batch.ackId !== undefined) position.ackId = batch.ackId;
  }
}
