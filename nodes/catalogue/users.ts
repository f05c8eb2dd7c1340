import type { OperationSpec } from './types';

export const usersOperations: readonly OperationSpec[] = [
  {
    type: 'symphony-users-lookup',
    id: 'users-lookup',
    area: 'users',
    api: 'pod',
    method: 'GET',
    path: '/pod/v3/users',
    params: [
      { name: 'userIds', in: 'query', wireName: 'uid', kind: 'id-list', types: ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] },
      { name: 'emails', in: 'query', wireName: 'email', kind: 'string-list', types: ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] },
      { name: 'usernames', in: 'query', wireName: 'username', kind: 'string-list', types: ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] },
      { name: 'local', in: 'query', kind: 'boolean', types: ['bool', 'msg', 'flow', 'global', 'env'], advanced: true },
      { name: 'active', in: 'query', kind: 'boolean', types: ['bool', 'msg', 'flow', 'global', 'env'], advanced: true },
    ],
    rules: [{ exactlyOneOf: ['userIds', 'emails', 'usernames'] }],
    oboPermissions: ['GET_BASIC_CONTACT_INFO'],
    idempotent: true,
    emptyResult: { users: [] },
  },
];
