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
  private readonly underWay = new Set<Promise<void>>();

  constructor(
    private readonly RED: NodeAPI,
    private readonly node: Node,
    private readonly t: Translate,
    private readonly status: StatusReporter,
    private readonly operation: string,
  ) {}

  /** Ends `msg` once `work` settles: delivered as `delivery` says, or at Catch with the error. */
  run<T>(msg: NodeMessage, done: DoneFn, work: Promise<T>, delivery: (value: T) => Delivery): void {
    const { RED, node, t, status } = this;
    const ending = work.then(
      (value) => {
        const out = delivery(value);
        status.succeeded(out.status);
        handOver(RED, node, t, msg, () => {
          out.send();
          done();
        });
      },
      (err: unknown) => {
        const error = isSymphonyError(err)
          ? err
          : new SymphonyError('INVALID_INPUT', err instanceof Error ? err.message : String(err), { operation: this.operation });
        status.failed(error);
        handOver(RED, node, t, msg, () => done(error), error);
      },
    );
    this.underWay.add(ending);
    const settled = (): void => {
      this.underWay.delete(ending);
    };
    ending.then(settled, settled);
  }

  /** Resolves once every msg under way has ended. */
  private idle(): Promise<void> {
    return Promise.allSettled([...this.underWay]).then(() => undefined);
  }

  /** The node closes (its calls already aborted): `done` once every msg has ended and the status is settled. */
  stop(done: () => void): void {
    void this.idle().then(() => {
      this.status.stop();
      done();
    });
  }
}
