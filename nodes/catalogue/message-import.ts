/**
 * Message import (Agent API, the Content Management role; not OBO-enabled): historic messages from another system,
 * each with its own author and time. The node's fields describe one message; the advanced Messages field takes a
 * whole V4MessageImportList instead. Texts in ops-messages-admin.json.
 */
import { inputError } from '../runtime/core/errors';
import { text } from '../runtime/core/i18n';
import { toMessageML, type MessageFormat } from '../runtime/messages/messageml';
import type { OperationSpec, ParamSpec, ParamValues } from './types';

const TEXT = ['str', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const NUM = ['num', 'str', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const JSON_TYPES = ['json', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;

const field = (name: string, extra: Partial<ParamSpec> = {}): ParamSpec =>
  ({ name, in: 'none', kind: 'string', schema: { minLength: 1 }, types: TEXT, ...extra });

/** The fields one imported message needs when the Messages list is not used, by node field name. */
const NEEDED = ['streamId', 'fromUserId', 'timestamp', 'originatingSystemId'] as const;

function prepareImport(values: ParamValues, options: Record<string, string>): ParamValues {
  if (values.messages !== undefined) return values;
  for (const name of NEEDED) {
    if (values[name] === undefined) throw inputError('message-import', name, text('runtime.errors.message-import.needed', { field: name }));
  }
  const imported: Record<string, unknown> = {
    message: toMessageML(String(values.message), (options.format ?? 'auto') as MessageFormat, 'message', 'message-import'),
    intendedMessageTimestamp: values.timestamp,
    intendedMessageFromUserId: values.fromUserId,
    originatingSystemId: values.originatingSystemId,
    streamId: values.streamId,
  };
  if (values.data !== undefined) imported.data = JSON.stringify(values.data);
  if (values.originalMessageId !== undefined) imported.originalMessageId = values.originalMessageId;
  return { ...values, messages: [imported] };
}

const IMPORTED_MESSAGE = {
  type: 'object',
  properties: {
    message: { type: 'string', minLength: 1 },
    data: { type: 'string' },
    intendedMessageTimestamp: { type: 'integer', minimum: 0 },
    intendedMessageFromUserId: { type: 'integer', minimum: 1 },
    originatingSystemId: { type: 'string', minLength: 1 },
    originalMessageId: { type: 'string' },
    streamId: { type: 'string', minLength: 1 },
    attachments: { type: 'array', items: { type: 'object', properties: { filename: { type: 'string' }, content: { type: 'string' } } } },
    previews: { type: 'array', items: { type: 'object', properties: { filename: { type: 'string' }, content: { type: 'string' } } } },
  },
  required: ['message', 'intendedMessageTimestamp', 'intendedMessageFromUserId', 'originatingSystemId', 'streamId'],
} as const;

export const messageImportOperations: readonly OperationSpec[] = [
  {
    type: 'symphony-message-import',
    id: 'message-import',
    area: 'messages',
    api: 'agent',
    method: 'POST',
    path: '/agent/v4/message/import',
    params: [
      { name: 'streamId', in: 'none', kind: 'stream-id', idOf: 'stream', types: TEXT },
      field('message', { kind: 'string', default: { value: 'payload', type: 'msg' } }),
      { name: 'fromUserId', in: 'none', kind: 'id', idOf: 'user', types: TEXT },
      { name: 'timestamp', in: 'none', kind: 'integer', schema: { minimum: 0 }, types: NUM },
      field('originatingSystemId', { default: { value: 'node-red', type: 'str' } }),
      field('originalMessageId'),
      { name: 'data', in: 'none', kind: 'json', types: JSON_TYPES, advanced: true },
      { name: 'messages', in: 'body-root', kind: 'json', schema: { type: 'array', minItems: 1, items: IMPORTED_MESSAGE }, types: JSON_TYPES, advanced: true },
    ],
    options: [{ name: 'format', values: ['auto', 'text', 'messageml'], default: 'auto' }],
    rules: [{ exactlyOneOf: ['message', 'messages'] }],
    oboPermissions: null,
    // Without an original message id every repeat imports the message again.
    idempotent: false,
    needsKeyManager: true,
    prepare: prepareImport,
  },
];
