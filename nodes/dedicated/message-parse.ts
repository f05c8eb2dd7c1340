/** The `symphony-message-parse` node's editor side (runtime: nodes/runtime/messages/message-parse-node.ts). */
import { NAME_FIELD } from './common-fields';
import type { DedicatedNodeSpec } from './types';

const SOURCE_TYPES = ['msg', 'flow', 'global', 'str'] as const;

export const MESSAGE_PARSE_NODE: DedicatedNodeSpec = {
  type: 'symphony-message-parse',
  key: 'message-parse',
  category: 'symphony messages',
  icon: 'symphony-messages.svg',
  inputs: 1,
  outputs: 1,
  botOnly: true,
  fields: [
    NAME_FIELD,
    { name: 'message', value: 'payload.message', input: { kind: 'typed', types: SOURCE_TYPES }, icon: 'comment' },
    { name: 'messageType', value: 'msg', input: { kind: 'hidden' } },
    { name: 'data', value: 'payload.data', input: { kind: 'typed', types: SOURCE_TYPES }, icon: 'code' },
    { name: 'dataType', value: 'msg', input: { kind: 'hidden' } },
  ],
  help: {
    inputs: [['payload', 'object']],
    outputs: [['text', 'string'], ['mentions', 'array'], ['hashtags', 'array'], ['cashtags', 'array']],
  },
};
