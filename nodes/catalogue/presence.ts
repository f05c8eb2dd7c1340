import type { OperationSpec } from './types';

export const PRESENCE_CATEGORIES = [
  'AVAILABLE', 'BUSY', 'DO_NOT_DISTURB', 'ON_THE_PHONE', 'BE_RIGHT_BACK', 'IN_A_MEETING', 'AWAY', 'OUT_OF_OFFICE',
  'OFF_WORK', 'OFFLINE',
] as const;

export const presenceOperations: readonly OperationSpec[] = [
  {
    type: 'symphony-presence-set',
    id: 'presence-set',
    area: 'presence',
    api: 'pod',
    method: 'POST',
    path: '/pod/v2/user/presence',
    params: [
      { name: 'category', in: 'body', kind: 'enum', enum: PRESENCE_CATEGORIES, required: true, types: ['str', 'msg', 'flow', 'global', 'env', 'jsonata'], default: { value: 'AVAILABLE', type: 'str' } },
      { name: 'soft', in: 'query', kind: 'boolean', types: ['bool', 'msg', 'flow', 'global', 'env'], advanced: true },
    ],
    oboPermissions: ['SET_PRESENCE'],
    idempotent: true,
  },
];
