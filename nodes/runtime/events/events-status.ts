/**
 * The events node's status dot: connecting, connected, reconnecting (with the reason) or failed; with a shared
 * claim, also the duplicates skipped so far, and yellow while the claim is unavailable (events go out unclaimed).
 */
import type { LoopState } from './datafeed-loop';
import type { SymphonyError } from '../core/errors';
import type { Translate } from '../core/i18n';
import type { Node, NodeStatus } from '../core/node-red';
import type { AuthState } from '../auth/token-manager';

function reason(error: SymphonyError | undefined, t: Translate): string {
  if (!error) return '';
  if (error.status) return `HTTP ${error.status}`;
  if (error.code === 'NETWORK') return error.message.split(': ').pop() ?? t('runtime.status.reasons.network');
  return error.code.toLowerCase();
}

export class EventsStatus {
  private shown = '';
  private loop: NodeStatus = {};
  private skipped = 0;
  /** Why the shared claim is unavailable now; undefined while it works (or the node has none). */
  private claimDown: string | undefined;

  /** The config node connects to the built-in simulator: "connected" says so. */
  private simulated = false;

  constructor(private readonly node: Node, private readonly t: Translate) {}

  /** Marks the feed as read from the built-in simulator. */
  readsSimulator(): void {
    this.simulated = true;
  }

  loopState(state: LoopState, error?: SymphonyError): void {
    const { t } = this;
    const statuses: Record<LoopState, () => NodeStatus> = {
      connecting: () => ({ fill: 'blue', shape: 'ring', text: t('runtime.events.status.connecting') }),
      connected: () => ({ fill: 'green', shape: 'dot', text: this.simulated
        ? t('runtime.status.simulated', { text: t('runtime.events.status.connected') })
        : t('runtime.events.status.connected') }),
      reconnecting: () => ({ fill: 'yellow', shape: 'ring', text: t('runtime.events.status.reconnecting', { reason: reason(error, t) }) }),
      failed: () => ({ fill: 'red', shape: 'ring', text: t('runtime.events.status.failed', { reason: reason(error, t) }) }),
    };
    this.loop = statuses[state]();
    this.show(this.withClaim(this.loop));
  }

  /** `count` more events were skipped: another instance had claimed them. */
  claimSkipped(count: number): void {
    this.skipped += count;
    this.show(this.withClaim(this.loop));
  }

  claimState(down: string | undefined): void {
    this.claimDown = down;
    this.show(this.withClaim(this.loop));
  }

  /** While connected: yellow when the claim is unavailable, the duplicates skipped when there were some. */
  private withClaim(status: NodeStatus): NodeStatus {
    if (status.fill !== 'green' || status.text === undefined) return status;
    if (this.claimDown !== undefined) {
      return { fill: 'yellow', shape: 'dot', text: this.t('runtime.events.status.claimDown', { text: status.text, reason: this.claimDown }) };
    }
    if (this.skipped > 0) return { ...status, text: this.t('runtime.events.status.duplicates', { text: status.text, count: this.skipped }) };
    return status;
  }

  /** Authentication is shown while it runs; then the loop's own state is shown again. */
  authState(state: AuthState): void {
    if (state === 'authenticating') this.show({ fill: 'blue', shape: 'ring', text: this.t('runtime.events.status.authenticating') });
    else this.show(this.withClaim(this.loop));
  }

  /** A problem known before any call (no config, invalid config). */
  failed(text: string): void {
    this.show({ fill: 'red', shape: 'ring', text });
  }

  private show(status: NodeStatus): void {
    const key = `${status.fill}|${status.shape}|${status.text}`;
    if (key === this.shown) return;
    this.shown = key;
    this.node.status(status);
  }
}
