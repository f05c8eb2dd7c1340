/**
 * Reads the bot's datafeed (v5) until stopped: open the feed (reuse the one with our tag, else create it), then
 * long-poll it, acknowledging each answer with its ackId on the next read.
 *
 * Guarantees (see docs/adr/0005-datafeed-loop.md):
 * - While the feed lives, every well-formed event is delivered once: an answer is acknowledged only by the next
 *   read, after its events were delivered; an event seen again (its answer was lost and the agent repeated it) is
 *   recognised by id, type and timestamp and not delivered twice. A redeploy continues with the same feed and ackId.
 * - An event the node cannot deliver (null, not an object, an unknown type, fields the spec types otherwise, see
 *   event-check.ts) is skipped and reported through `onSkipped`; the rest of its answer is delivered and the answer
 *   is acknowledged, so no answer can stop the loop.
 * - When the agent says the feed is gone (400), a new one is created at once. Events the old feed held and had
 *   not yet answered are lost: the API offers no way to read them. Only a feed just created (or found by its tag)
 *   and refused before any read succeeded is recreated after a pause, so that a refusal cannot become a tight loop.
 * - Network errors, timeouts, 429 and 5xx back off (2 s, x1.5, at most 10 s) and keep going; a 401 has already
 *   been answered by the client (the config node's tokens renewed, once); other failures show as failed and
 *   are retried at the same pace, so fixing the cause in the pod needs no redeploy.
 * - stop() aborts the read under way and every pause at once, and resolves when the loop has ended (a delivery
 *   under way, e.g. a shared claim waiting for Redis, is bounded by its own timeout: see redis-claim.ts).
 * - Several instances reading one feed (same tag) may each deliver an event of an answer that came again after the
 *   agent's visibility timeout; the shared claim (event-claim.ts, ADR 0014) delivers it once.
 */
import { type BackoffSettings, Backoff, pause } from './datafeed-backoff';
import type { FeedSource } from './datafeed-api';
import { repeatKey, type FeedPosition } from './datafeed-position';
import { SymphonyError, isSymphonyError } from '../core/errors';
import { checkEvent } from './event-check';
import type { DatafeedEvent } from './event-types';
import { text } from '../core/i18n';
import { untilAborted } from '../http/until-aborted';

export type LoopState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface DatafeedLoopOptions {
  api: FeedSource;
  tag: string;
  position: FeedPosition;
  backoff: BackoffSettings;
  /** Runs before the feed is first opened (again after it fails), e.g. to learn the bot's user id. */
  prepare?: (signal: AbortSignal) => Promise<void>;
  /**
   * The well-formed events of an answer not delivered before, in order. A promise (a shared claim under way) is
   * awaited before the answer counts as delivered; `signal` tells it the loop is stopping.
   */
  deliver(events: DatafeedEvent[], signal: AbortSignal): void | Promise<void>;
  /** An event of an answer that was skipped: its id when it has one, and why. */
  onSkipped(skipped: SkippedEvent): void;
  onState(state: LoopState, error?: SymphonyError): void;
  /** A read answered (before its events are delivered), with this many events in it. */
  onRead?(events: number): void;
}

export interface SkippedEvent {
  id?: string;
  problem: string;
}

/** Failures that pass by themselves; an unreadable answer (a proxy's page) is read again with the same ackId. */
const TRANSIENT = new Set(['NETWORK', 'TIMEOUT', 'RATE_LIMITED', 'BAD_RESPONSE']);

function transient(error: SymphonyError): boolean {
  return TRANSIENT.has(error.code) || (error.status !== undefined && error.status >= 500);
}

/** The agent's answer to a read of a feed that no longer exists (expired, deleted) or an ackId it refuses. */
function feedGone(error: SymphonyError, readOperation: string): boolean {
  return error.cause.operation === readOperation && (error.status === 400 || error.status === 404);
}

function asSymphonyError(err: unknown): SymphonyError {
  if (isSymphonyError(err)) return err;
  return new SymphonyError('NETWORK', err instanceof Error ? err.message : String(err), { operation: 'datafeed' });
}

const stoppedError = (): SymphonyError => new SymphonyError('ABORTED', text('runtime.errors.events.stopped'), { operation: 'datafeed' });

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
    // False while the feed in use was just obtained from the agent and no read of it has succeeded: if the agent
    // refuses it then, it is recreated after a pause, not in a tight loop. A feed continued from a previous node
    // (a redeploy) counts as read: losing it is recreated at once, as for a running node.
    let proven = false;
    while (!signal.aborted) {
      try {
        if (!this.opened || !position.feedId) proven = !(await this.open(signal));
        await this.read(signal);
        proven = true;
        backoff.reset();
      } catch (err) {
        if (signal.aborted) break;
        const error = asSymphonyError(err);
        if (feedGone(error, this.options.api.readOperation)) {
          position.feedId = undefined;
          position.ackId = '';
          onState('reconnecting', error);
          if (proven) continue;
        } else {
          onState(transient(error) ? 'reconnecting' : 'failed', error);
        }
        if (!(await pause(backoff.next(), signal))) break;
      }
    }
  }

  /**
   * Learns what `prepare` gives, then finds or creates the feed, unless a previous node left one to continue.
   * True when the feed was obtained from the agent now (found by its tag or created), false when it is continued.
   */
  private async open(signal: AbortSignal): Promise<boolean> {
    const { api, tag, position, prepare, onState } = this.options;
    onState(this.opened ? 'reconnecting' : 'connecting');
    if (prepare && !this.prepared) {
      await untilAborted(prepare(signal), signal, stoppedError);
      this.prepared = true;
    }
    const obtained = !position.feedId;
    if (obtained) {
      position.feedId = await untilAborted(api.obtain(tag, signal), signal, stoppedError);
      // A feed found after a restart: its last answer's ackId is unknown, so that answer comes again.
      position.ackId = '';
    }
    this.opened = true;
    onState('connected');
    return obtained;
  }

  private async read(signal: AbortSignal): Promise<void> {
    const { api, position, deliver, onSkipped, onState, onRead } = this.options;
    const feedId = position.feedId as string;
    const batch = await untilAborted(api.read(feedId, position.ackId, signal), signal, stoppedError);
    if (signal.aborted) return;
    onRead?.(batch.events.length);
    onState('connected');
    try {
      const fresh: DatafeedEvent[] = [];
      for (const raw of batch.events) {
        const checked = checkEvent(raw);
        if (!checked.ok) {
          onSkipped({ id: checked.id, problem: checked.problem });
          continue;
        }
        const key = repeatKey(checked.event);
        if (key === undefined || position.seen.add(key)) fresh.push(checked.event);
      }
      if (fresh.length > 0) await deliver(fresh, signal);
    } finally {
      // Acknowledged by the next read only now, after delivery; kept even if delivery failed, so that an answer the
      // node cannot take is never read again and again.
      if (batch.ackId !== undefined) position.ackId = batch.ackId;
    }
  }
}
