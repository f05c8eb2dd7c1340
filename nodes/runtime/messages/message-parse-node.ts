/**
 * The `symphony-message-parse` node: a received message (MessageML or PresentationML, with its entity data) to
 * plain text, mentions, hashtags and cashtags on msg, so a flow can branch on them with core nodes. No API call.
 */
import { inputError, type SymphonyError } from '../core/errors';
import { handOver } from '../operations/hand-over';
import type { Translate } from '../core/i18n';
import { resolveField } from '../operations/inputs';
import { parseMessage } from './message-text';
import type { Node, NodeAPI, NodeMessage } from '../core/node-red';

import { MESSAGE_PARSE_TYPE } from '../core/node-types';

export { MESSAGE_PARSE_TYPE };

interface MessageParseConfig {
  message?: string;
  messageType?: string;
  data?: string;
  dataType?: string;
}

export function registerMessageParseNode(RED: NodeAPI, t: Translate): void {
  RED.nodes.registerType(MESSAGE_PARSE_TYPE, messageParseNodeConstructor(RED, t));
}

/** The constructor of the message parse node type. */
export function messageParseNodeConstructor(RED: NodeAPI, t: Translate): (this: Node, config: MessageParseConfig) => void {
  return function MessageParseNode(this: Node, config: MessageParseConfig): void {
    RED.nodes.createNode(this, config);
    const node = this;

    async function parse(msg: NodeMessage): Promise<void> {
      const message = await resolveField(RED, node, msg, config.message ?? 'payload.message', config.messageType ?? 'msg', 'message', 'message-parse');
      if (typeof message !== 'string') {
        throw inputError('message-parse', 'message', t('runtime.errors.message-parse.notMessage'));
      }
      const data = await resolveField(RED, node, msg, config.data ?? 'payload.data', config.dataType ?? 'msg', 'data', 'message-parse');
      const parsed = parseMessage(message, typeof data === 'string' || (data !== null && typeof data === 'object') ? data as string | Record<string, unknown> : undefined);
      Object.assign(msg, parsed);
    }

    node.on('input', (msg, send, done) => {
      parse(msg).then(
        () => handOver(RED, node, t, msg, () => {
          send(msg);
          done();
        }),
        (err: SymphonyError) => handOver(RED, node, t, msg, () => done(err), err),
      );
    });
  };
}
