import type { SymphonyError } from '../core/errors';
import type { RetryNotice } from '../http/http-client';
import type { Translate } from '../core/i18n';
import type { Node, NodeStatus } from '../core/node-red';
import type { AuthState } from '../auth/token-manager';
import { Paced } from '../core/paced';

/** How often a status whose text alone changes (a new message id, a new count) is sent at most. */
const TEXT_CHANGE_INTERVAL_MS = 250;

/** Stands for the text while the simulated marker is translated, then is replaced. */
const MARK = '\u0001';

/**
 * Keeps a node's status dot saying what is true now: authenticating, ok, retrying, failed. The status is only
 * sent when it changes, so a busy node does not flood the editor with identical updates; when only its text
 * changes (each send has its own message id), it is sent at most every 250 ms, the latest one last.
 */
export class StatusReporter {
  /** What the node shows now (a text held back aside); none before the first status. */
  private shownStatus: NodeStatus | undefined;
  /** Text changes, held back to one per interval. */
  private readonly textChanges = new Paced(TEXT_CHANGE_INTERVAL_MS);
  /** "(simulated)" around a text, translated once. */
  private readonly markSimulated: ((text: string | undefined) => string) | undefined;
  /** The status of a call that worked with nothing more to say, translated once. */
  private ok: NodeStatus | undefined;
  /** Outcome of the last call, restored when a passing state (authenticating, retry) is over. */
  private outcome: NodeStatus = {};
  /** Calls of this node under way: their own outcome will follow an authentication, so it is not restored. */
  private inFlight = 0;

  /** `simulated`: the config node connects to the built-in simulator, and "ok" says so. */
  constructor(private readonly node: Node, private readonly t: Translate, simulated = false) {
    if (simulated) {
      const [before = '', after = ''] = t('runtime.status.simulated', { text: MARK }).split(MARK);
      this.markSimulated = (text) => `${before}${text ?? ''}${after}`;
    }
  }

  private show(status: NodeStatus): void {
    const shown = this.shownStatus;
    if (shown && status.fill === shown.fill && status.shape === shown.shape && status.text === shown.text) {
      this.textChanges.cancel();
      return;
    }
    if (shown && status.fill === shown.fill && status.shape === shown.shape) {
      this.textChanges.run(() => this.apply(status));
      return;
    }
    this.textChanges.cancel();
    this.textChanges.ranNow();
    this.apply(status);
  }

  private apply(status: NodeStatus): void {
    this.shownStatus = status;
    this.node.status(status);
  }

  /** "(simulated)" added to the text when the node uses the built-in simulator. */
  private marked(status: NodeStatus): NodeStatus {
    return this.markSimulated ? { ...status, text: this.markSimulated(status.text) } : status;
  }

  /** The node is closing: a text held back is dropped with its timer. */
  stop(): void {
    this.textChanges.cancel();
  }

  started(): void {
    this.inFlight++;
  }

  /** A call worked: the status says so, or what came of it (`summary`, e.g. "3 users"). */
  succeeded(summary?: NodeStatus): void {
    this.inFlight--;
    this.outcome = summary ? this.marked(summary) : (this.ok ??= this.marked({ fill: 'green', shape: 'dot', text: this.t('runtime.status.ok') }));
    this.show(this.outcome);
  }

  /** A call of this node failed; `settled` is false for errors known before any call started (config). */
  failed(error: SymphonyError, settled = true): void {
    if (settled) this.inFlight--;
    this.outcome = { fill: 'red', shape: 'ring', text: this.describe(error) };
    this.show(this.outcome);
  }

  retrying(notice: RetryNotice): void {
    const seconds = Math.max(1, Math.round(notice.delayMs / 1000));
    const { status, networkCode } = notice.outcome;
    const text = status === 429
      ? this.t('runtime.status.rateLimited', { seconds })
      : this.t('runtime.status.retrying', { reason: status ? `HTTP ${status}` : networkCode, seconds });
    this.show({ fill: 'yellow', shape: 'ring', text });
  }

  authState(state: AuthState, error?: SymphonyError): void {
    if (state === 'authenticating') this.show({ fill: 'blue', shape: 'ring', text: this.t('runtime.status.authenticating') });
    else if (state === 'failed' && error) this.show({ fill: 'red', shape: 'ring', text: this.describe(error) });
    else if (this.inFlight === 0) this.show(this.outcome);
  }

  private describe(error: SymphonyError): string {
    switch (error.code) {
      case 'INVALID_INPUT': return this.t('runtime.status.invalidInput', { field: error.cause.field ?? '' });
      case 'INVALID_CONFIG': return this.t('runtime.status.configInvalid', { field: error.cause.field ?? '' });
      case 'NOT_AUTHORIZED': return this.t('runtime.status.notAuthorized');
      case 'SIMULATOR_UNAVAILABLE': return this.t('runtime.status.simulatorUnavailable');
      case 'RATE_LIMITED': return this.t('runtime.status.failed', { reason: 'HTTP 429' });
      case 'TIMEOUT': return this.t('runtime.status.failed', { reason: this.t('runtime.status.reasons.timeout') });
      case 'NETWORK': return this.t('runtime.status.failed', { reason: error.message.split(': ').pop() ?? this.t('runtime.status.reasons.network') });
      case 'ABORTED': return this.t('runtime.status.failed', { reason: this.t('runtime.status.reasons.stopped') });
      default: return this.t('runtime.status.failed', { reason: error.status ? `HTTP ${error.status}` : error.code });
    }
  }
}
