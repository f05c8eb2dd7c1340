import type { OperationSpec, ParamSpec } from './types';

/** A message id in a path: ids from the agent may be standard base64, the pod wants them URL-safe. */
function messageIdParam(wireName: string): ParamSpec {
  return { name: 'messageId', in: 'path', wireName, kind: 'stream-id', idOf: 'message', required: true, types: ['str', 'msg', 'flow', 'global', 'env', 'jsonata'] };
}

/** Pod-wide settings and message administration (texts in ops-pod.json). */
export const systemOperations: readonly OperationSpec[] = [
  {
    type: 'symphony-allowed-file-types',
    id: 'allowed-file-types',
    area: 'system',
    api: 'pod',
    method: 'GET',
    path: '/pod/v1/files/allowedTypes',
    params: [],
    oboPermissions: ['SEND_MESSAGES'],
    oboEndpoints: ['GET /pod/v1/files/allowedTypes'],
    idempotent: true,
  },
  {
    type: 'symphony-uri-protocols',
    id: 'uri-protocols',
    area: 'system',
    api: 'pod',
    method: 'GET',
    path: '/pod/v1/admin/system/protocols/list',
    params: [],
    oboPermissions: ['SEND_MESSAGES'],
    oboEndpoints: ['GET /pod/v1/admin/system/protocols/list'],
    idempotent: true,
  },
  {
    type: 'symphony-message-suppress',
    id: 'message-suppress',
    area: 'messages',
    api: 'pod',
    method: 'POST',
    path: '/pod/v1/admin/messagesuppression/{id}/suppress',
    params: [messageIdParam('id')],
    oboPermissions: ['SUPPRESS_MESSAGES'],
    oboEndpoints: ['POST /pod/v1/admin/messagesuppression/{messageId}/suppress'],
    // Suppressing again answers suppressionDate 0 and changes nothing.
    idempotent: true,
  },
  {
    type: 'symphony-message-status',
    id: 'message-status',
    area: 'messages',
    api: 'pod',
    method: 'GET',
    path: '/pod/v1/message/{mid}/status',
    params: [messageIdParam('mid')],
    oboPermissions: null,
    idempotent: true,
  },
];
