import type { OperationSpec } from './types';
import { toMessageML, type MessageFormat } from '../runtime/messages/messageml';
import { attachmentsParam, previewsParam, readMessageFiles } from './attachment-files';
import { messageDeliveryOperations } from './message-delivery';
import { messageReadingOperations } from './message-reading';

export const messagesOperations: readonly OperationSpec[] = [
  {
    type: 'symphony-message-send',
    id: 'message-send',
    area: 'messages',
    api: 'agent',
    method: 'POST',
    path: '/agent/v4/stream/{sid}/message/create',
    params: [
      { name: 'streamId', in: 'path', wireName: 'sid', kind: 'stream-id', idOf: 'stream', required: true, types: ['str', 'msg', 'flow', 'global', 'env', 'jsonata'] },
      { name: 'message', in: 'multipart', kind: 'string', required: true, types: ['str', 'msg', 'flow', 'global', 'env', 'jsonata'], default: { value: 'payload', type: 'msg' } },
      { name: 'data', in: 'multipart', kind: 'json', types: ['json', 'msg', 'flow', 'global', 'env', 'jsonata'], advanced: true },
      attachmentsParam,
      previewsParam,
    ],
    options: [{ name: 'format', values: ['auto', 'text', 'messageml'], default: 'auto' }],
    oboPermissions: ['SEND_MESSAGES'],
    oboEndpoints: ['POST /agent/v4/stream/{sid}/message/create'],
    idempotent: false,
    statusSummary: { show: 'id', text: 'sent', at: 'messageId' },
    needsKeyManager: true,
    multipart: true,
    prepare: async (values, options) => readMessageFiles('message-send', {
      ...values,
      message: toMessageML(String(values.message), (options.format ?? 'auto') as MessageFormat, 'message'),
      data: values.data === undefined ? undefined : JSON.stringify(values.data),
    }),
  },
  // Share, blast and update (nodes/catalogue/message-delivery.ts).
  ...messageDeliveryOperations,
  // Get, list, search and attachment download (nodes/catalogue/message-reading.ts).
  ...messageReadingOperations,
];
