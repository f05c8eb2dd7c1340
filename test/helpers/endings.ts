import { helper, type Msg } from './flow';

/** Where a msg ended: on a node's output (a helper wired to it), or at Catch. */
export interface Ending {
  where: 'output' | 'catch';
  msg: Msg;
}

export interface Endings {
  /** Every ending seen, by msg._msgid, in order. */
  byId: Map<string, Ending[]>;
  /** Resolves true at the msg's first ending, false if none came within `boundMs`. */
  waitFor(id: string, boundMs: number): Promise<boolean>;
}

/**
 * Records, by `_msgid`, every msg that reaches the helper node `outputId` or the Catch helper `catchId`, so a
 * test can tell a msg that ended once from one that ended twice or never.
 */
export function trackEndings(outputId: string, catchId = 'caught'): Endings {
  const byId = new Map<string, Ending[]>();
  const waiters = new Map<string, () => void>();
  const record = (where: Ending['where']) => (raw: never): void => {
    const msg = raw as Msg;
    const id = String(msg._msgid);
    byId.set(id, [...(byId.get(id) ?? []), { where, msg }]);
    waiters.get(id)?.();
  };
  helper.getNode(outputId).on('input', record('output'));
  helper.getNode(catchId).on('input', record('catch'));
  return {
    byId,
    waitFor: (id, boundMs) => new Promise((resolve) => {
      if (byId.has(id)) {
        resolve(true);
        return;
      }
      const timer = setTimeout(() => {
        waiters.delete(id);
        resolve(false);
      }, boundMs);
      waiters.set(id, () => {
        clearTimeout(timer);
        waiters.delete(id);
        resolve(true);
      });
    }),
  };
}
