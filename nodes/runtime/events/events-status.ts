/**
 * The events and datahose nodes' status dot: connecting, connected (once reads answer: events per minute and the
 * age of the last read), reconnecting (with the reason) or failed. It also keeps the node's liveness figures.
 * The figures are shown at most once a second however fast events come, and refreshed every few seconds while
 * connected so that the age stays true when nothing comes. With a shared claim, it also shows the duplicates
 * skipped so far, and turns yellow while the claim is unavailable (events go out unclaimed).
 */
import type { LoopState } from './datafeed-loop';
import type { FeedLiveness } from './feed-liveness';
import type { SymphonyError } from '../core/errors';
import type { Translate } from '../core/i18n';
import type { Node, NodeStatus } from '../core/node-red';
import type { AuthState } from '../auth/token-manager';
import { Paced } from '../core/paced';

/** At most one status with new figures per this many ms. */
const THROTTLE_MS = 1_000;
/** The age of the last read is brought up to date this often while nothing else changes the status. */
const REFRESH_MS = 5_000;

function reason(error: SymphonyError | undefined, t: Translate): string {
  if (!error) return '';
  if (error.status) return `HTTP ${error.status}`;
  if (error.code === 'NETWORK') return error.message.split(': ').pop() ?? t('runtime.status.reasons.network');
  return error.code.toLowerCase();
}

export class EventsStatus {
  private shown = '';
  private state: LoopState | undefined;
  private loop: NodeStatus = {};
  /** New figures, shown at most once a second. */
  private readonly figures = new Paced(THROTTLE_MS);
  private refresh: NodeJS.Timeout | undefined;
  /** The node closed: no timer starts again and nothing more is shown. */
  private closed = false;
  private skipped = 0;
  /** Why the shared claim is unavailable now; undefined while it works (or the node has none). */
  private claimDown: string | undefined;

  /** The config node connects to the built-in simulator: "connected" says so. */
  private simulated = false;

  constructor(private readonly node: Node, private readonly t: Translate, private readonly liveness: FeedLiveness) {}

  /** Marks the feed as read from the built-in simulator. */
  readsSimulator(): void {
    this.simulated = true;
  }

  loopState(state: LoopState, error?: SymphonyError): void {
    const { t } = this;
    this.liveness.state(state);
    // Every read says connected again: only a change of state is shown at once, the figures at their pace.
    const again = state === 'connected' && this.state === 'connected';
    this.state = state;
    if (state === 'connected') {
      this.startRefresh();
      this.showLive(again);
      return;
    }
    this.stopTimers();
    const statuses: Record<Exclude<LoopState, 'connected'>, () => NodeStatus> = {
      connecting: () => ({ fill: 'blue', shape: 'ring', text: t('runtime.events.status.connecting') }),
      reconnecting: () => ({ fill: 'yellow', shape: 'ring', text: t('runtime.events.status.reconnecting', { reason: reason(error, t) }) }),
      failed: () => ({ fill: 'red', shape: 'ring', text: t('runtime.events.status.failed', { reason: reason(error, t) }) }),
    };
    this.loop = statuses[state]();
    this.show(this.loop);
  }

  /** A read answered with `events` events. */
  read(events: number): void {
    this.liveness.read(events);
    if (this.state === 'connected') this.showLive(true);
  }

  /** `count` more events were skipped: another instance had claimed them. */
  claimSkipped(count: number): void {
    this.skipped += count;
    if (this.state === 'connected') this.showLive(true);
  }

  claimState(down: string | undefined): void {
    this.claimDown = down;
    if (this.state === 'connected') this.show(this.connected());
  }

  /** Authentication is shown while it runs; then the loop's own state is shown again. */
  authState(state: AuthState): void {
    if (state === 'authenticating') this.show({ fill: 'blue', shape: 'ring', text: this.t('runtime.events.status.authenticating') });
    else if (this.state === 'connected') this.show(this.connected());
    else this.show(this.loop);
  }

  /** A problem known before any call (no config, invalid config): the feed counts as failed. */
  failed(text: string): void {
    this.liveness.state('failed');
    this.show({ fill: 'red', shape: 'ring', text });
  }

  /** Stops the timers for good (the node is closing). */
  stop(): void {
    this.closed = true;
    this.stopTimers();
  }

  /** "connected" until a read answers, then the figures. */
  private connected(): NodeStatus {
    const { t } = this;
    const figures = this.liveness.figures();
    let text = t('runtime.events.status.connected');
    if (figures.lastReadAt !== undefined) {
      const rate = t(figures.eventsPerMinute === 1 ? 'runtime.events.status.rate.one' : 'runtime.events.status.rate.other', { count: figures.eventsPerMinute });
      const seconds = figures.secondsSinceLastRead;
      const age = seconds < 60 ? t('runtime.events.status.age.seconds', { count: seconds }) : t('runtime.events.status.age.minutes', { count: Math.floor(seconds / 60) });
      text = t('runtime.events.status.live', { rate, age });
    }
    if (this.simulated) text = t('runtime.status.simulated', { text });
    if (this.claimDown !== undefined) return { fill: 'yellow', shape: 'dot', text: t('runtime.events.status.claimDown', { text, reason: this.claimDown }) };
    if (this.skipped > 0) text = t(this.skipped === 1 ? 'runtime.events.status.duplicates.one' : 'runtime.events.status.duplicates.other', { text, count: this.skipped });
    return { fill: 'green', shape: 'dot', text };
  }

  /** Shows the figures now, or (`throttled` and shown less than a second ago) once that second is over. */
  private showLive(throttled: boolean): void {
    if (this.closed) return;
    if (throttled) {
      this.figures.run(() => {
        if (this.state === 'connected') this.show(this.connected());
      });
      return;
    }
    this.figures.ranNow();
    this.show(this.connected());
  }

  private startRefresh(): void {
    if (this.refresh || this.closed) return;
    this.refresh = setInterval(() => this.showLive(true), REFRESH_MS);
    this.refresh.unref();
  }

  private stopTimers(): void {
    this.figures.cancel();
    clearInterval(this.refresh);
    this.refresh = undefined;
  }

  private show(status: NodeStatus): void {
    if (this.closed) return;
    const key = `${status.fill}|${status.shape}|${status.text}`;
    if (key === this.shown) return;
    this.shown = key;
    this.node.status(status);
  }
}
