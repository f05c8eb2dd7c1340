/** The events node's status dot: connecting, connected, reconnecting (with the reason) or failed. */
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
    this.show(this.loop);
  }

  /** Authentication is shown while it runs; then the loop's own state is shown again. */
  authState(state: AuthState): void {
    if (state === 'authenticating') this.show({ fill: 'blue', shape: 'ring', text: this.t('runtime.events.status.authenticating') });
    else this.show(this.loop);
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
