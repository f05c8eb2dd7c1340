import type { OperationSpec } from './types';

export const streamsOperations: readonly OperationSpec[] = [
  {
    type: 'symphony-im-create',
    id: 'im-create',
    area: 'streams',
    api: 'pod',
    method: 'POST',
    path: '/pod/v1/im/create',
    params: [
      { name: 'userIds', in: 'body-root', kind: 'id-list', required: true, types: ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] },
    ],
    oboPermissions: ['SEND_MESSAGES'],
    // The pod returns the existing IM for the same members, so a repeat is harmless.
    idempotent: true,
  },
];
