/**
 * How the msgs of a node that makes calls end, and which are still under way. On success the status says so and
 * the msg goes on; on failure it reaches Catch with the error (done(err)), the original msg kept. A stop waits
 * until each has ended (aborted calls end at once), so none ends after it.
 */
import { SymphonyError, isSymphonyError } from '../core/errors';
import type { Translate } from '../core/i18n';
import type { DoneFn, Node, NodeAPI, NodeMessage, NodeStatus } from '../core/node-red';
import { handOver } from './hand-over';
import type { StatusReporter } from './status-reporter';

/** What a call that worked gives: the status to show (the default "ok" when none) and how to send the msg on. */
export interface Delivery {
  status?: NodeStatus;
  send(): void;
}

export class CallsUnderWay {
  /** Msgs whose call has not ended yet. */
  private underWay = 0;
  /** Called once none is under way (a stop waiting). */
  private whenIdle: Array<() => void> = [];

  constructor(
    private readonly RED: NodeAPI,
    private readonly node: Node,
    private readonly t: Translate,
    private readonly status: StatusReporter,
    private readonly operation: string,
  ) {}

  /**
   * Ends `msg` once `work` settles: delivered as `delivery` says, or at Catch with the error. Neither path lets an
   * exception out (it would be an unhandled rejection, which stops Node-RED): a failure to deliver ends the msg at
   * Catch instead.
   */
  run<T>(msg: NodeMessage, done: DoneFn, work: Promise<T>, delivery: (value: T) => Delivery): void {
    this.underWay++;
    work.then(
      (value) => {
        try {
          this.deliver(msg, done, delivery(value));
        } catch (err) {
          this.fail(msg, done, err);
        } finally {
          this.ended();
        }
      },
      (err: unknown) => {
        try {
          this.fail(msg, done, err);
        } finally {
          this.ended();
        }
      },
    );
  }

  private deliver(msg: NodeMessage, done: DoneFn, out: Delivery): void {
    this.status.succeeded(out.status);
    handOver(this.RED, this.node, this.t, msg, () => {
      out.send();
      done();
    });
  }

  private fail(msg: NodeMessage, done: DoneFn, err: unknown): void {
    const error = isSymphonyError(err)
      ? err
      : new SymphonyError('INVALID_INPUT', err instanceof Error ? err.message : String(err), { operation: this.operation });
    try {
      this.status.failed(error);
    } finally {
      handOver(this.RED, this.node, this.t, msg, () => done(error), error);
    }
  }

  private ended(): void {
    if (--this.underWay > 0) return;
    const waiting = this.whenIdle;
    this.whenIdle = [];
    for (const resume of waiting) resume();
  }

  /** The node closes (its calls already aborted): `done` once every msg has ended and the status is settled. */
  stop(done: () => void): void {
    const finish = (): void => {
      this.status.stop();
      done();
    };
    if (this.underWay === 0) finish();
    else this.whenIdle.push(finish);
  }
}
