import type { SymphonyError } from './errors';
import type { Translate } from './i18n';
import type { Node } from './node-red';

/**
 * Passes a finished msg to Node-RED. Node-RED copies a msg for Catch nodes (and for a second wire); a msg it cannot
 * copy (nested thousands of levels deep) makes that throw, here inside a promise callback, where it would become
 * an unhandled rejection that stops Node-RED. It is logged instead, with the error the msg ended with.
 */
export function handOver(node: Node, t: Translate, pass: () => void, error?: SymphonyError): void {
  try {
    pass();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    node.error(error
      ? t('runtime.errors.node.catchFailed', { error: error.message, reason })
      : t('runtime.errors.node.sendFailed', { reason }));
  }
}
