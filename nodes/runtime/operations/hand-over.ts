import { SymphonyError } from '../core/errors';
import type { Translate } from '../core/i18n';
import type { Node, NodeAPI, NodeMessage } from '../core/node-red';
import { nestedDeeperThan } from './value-checks';

/**
 * Passes a finished msg to Node-RED. Node-RED copies a msg for Catch nodes (and for a second wire); a msg it cannot
 * copy (nested thousands of levels deep) makes that throw, here inside a promise callback, where it would become
 * an unhandled rejection that stops Node-RED. Catch nodes then get the msg with what could not be copied replaced
 * by a note, and the error: the msg still ends once, at Catch.
 */
export function handOver(RED: NodeAPI, node: Node, t: Translate, msg: NodeMessage, pass: () => void, error?: SymphonyError): void {
  try {
    pass();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    // Node-RED takes code and cause from the error it is given: the Catch msg keeps them.
    const failure = error
      ? new SymphonyError(error.code, t('runtime.errors.node.catchFailed', { error: error.message, reason }), error.cause)
      : new SymphonyError('INVALID_INPUT', t('runtime.errors.node.sendFailed', { reason }), { operation: node.type, field: 'msg' });
    try {
      node.error(failure, copyable(RED, msg, t));
    } catch {
      node.error(failure);
    }
  }
}

/**
 * Deeper than this, a property is not copied for Catch: Node-RED copies recursively, and whether a copy that deep
 * fits the stack depends on how deep the stack already is where Node-RED makes it.
 */
const COPY_DEPTH_LIMIT = 1_000;

/** The msg's properties that Node-RED can copy, the others replaced by a note saying why they were left out. */
function copyable(RED: NodeAPI, msg: NodeMessage, t: Translate): NodeMessage {
  const copy: NodeMessage = {};
  for (const [key, value] of Object.entries(msg)) {
    try {
      if (nestedDeeperThan(value, COPY_DEPTH_LIMIT)) throw new Error(t('runtime.errors.node.tooDeepToCopy', { max: COPY_DEPTH_LIMIT }));
      copy[key] = RED.util.cloneMessage({ value }).value;
    } catch (err) {
      copy[key] = t('runtime.errors.node.notCopied', { reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return copy;
}
