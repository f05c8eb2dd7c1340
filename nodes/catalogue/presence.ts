import type { OperationSpec, TypedInputType } from './types';

export const PRESENCE_CATEGORIES = [
  'AVAILABLE', 'BUSY', 'DO_NOT_DISTURB', 'ON_THE_PHONE', 'BE_RIGHT_BACK', 'IN_A_MEETING', 'AWAY', 'OUT_OF_OFFICE',
  'OFF_WORK', 'OFFLINE',
] as const;

const ID_TYPES: readonly TypedInputType[] = ['str', 'num', 'msg', 'flow', 'global', 'env', 'jsonata'];
const TEXT_TYPES: readonly TypedInputType[] = ['str', 'msg', 'flow', 'global', 'env', 'jsonata'];
const BOOL_TYPES: readonly TypedInputType[] = ['bool', 'msg', 'flow', 'global', 'env'];

export const presenceOperations: readonly OperationSpec[] = [
  {
    type: 'symphony-presence-set',
    id: 'presence-set',
    area: 'presence',
    api: 'pod',
    method: 'POST',
    path: '/pod/v2/user/presence',
    params: [
      { name: 'category', in: 'body', kind: 'enum', enum: PRESENCE_CATEGORIES, required: true, types: TEXT_TYPES, default: { value: 'AVAILABLE', type: 'str' } },
      { name: 'soft', in: 'query', kind: 'boolean', types: BOOL_TYPES, advanced: true },
    ],
    oboPermissions: ['SET_PRESENCE'],
    oboEndpoints: ['POST /pod/v2/user/presence', 'POST /pod/v1/user/presence'],
    idempotent: true,
  },
  {
    type: 'symphony-presence-get',
    id: 'presence-get',
    area: 'presence',
    api: 'pod',
    method: 'GET',
    path: '/pod/v2/user/presence',
    params: [],
    oboPermissions: ['GET_PRESENCE'],
    oboEndpoints: ['GET /pod/v2/user/presence', 'GET /pod/v1/user/presence'],
    idempotent: true,
  },
  {
    type: 'symphony-presence-get-user',
    id: 'presence-get-user',
    area: 'presence',
    api: 'pod',
    method: 'GET',
    path: '/pod/v3/user/{uid}/presence',
    params: [
      { name: 'userId', in: 'path', wireName: 'uid', kind: 'id', idOf: 'user', required: true, types: ID_TYPES },
      { name: 'local', in: 'query', kind: 'boolean', types: BOOL_TYPES, advanced: true },
    ],
    oboPermissions: ['GET_PRESENCE'],
    oboEndpoints: ['GET /pod/v3/user/{userId}/presence', 'GET /pod/v2/user/{userId}/presence', 'GET /pod/v1/user/{userId}/presence'],
    idempotent: true,
  },
  {
    // The pod pages with "start at this user id (included)", a cursor the runtime's paging cannot follow (it
    // would need the last item's userId), so the node reads one page and exposes lastUserId and limit.
    type: 'symphony-presence-list-all',
    id: 'presence-list-all',
    area: 'presence',
    api: 'pod',
    method: 'GET',
    path: '/pod/v2/users/presence',
    params: [
      { name: 'lastUserId', in: 'query', kind: 'id', idOf: 'user', types: ID_TYPES },
      { name: 'limit', in: 'query', kind: 'integer', schema: { minimum: 1, maximum: 5000 }, types: ['num', 'msg', 'flow', 'global', 'env', 'jsonata'] },
    ],
    oboPermissions: null,
    idempotent: true,
    statusSummary: { show: 'count', text: 'users' },
    paging: { style: 'last-item', items: '', maxPageSize: 5000, cursorParam: 'lastUserId', cursorField: 'userId' },
  },
  {
    type: 'symphony-presence-register-interest',
    id: 'presence-register-interest',
    area: 'presence',
    api: 'pod',
    method: 'POST',
    path: '/pod/v1/user/presence/register',
    params: [{ name: 'userIds', in: 'body-root', kind: 'id-list', idOf: 'user', required: true, types: ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] }],
    oboPermissions: ['GET_PRESENCE'],
    oboEndpoints: ['POST /pod/v1/user/presence/register'],
    idempotent: true,
  },
  {
    type: 'symphony-presence-feed-create',
    id: 'presence-feed-create',
    area: 'presence',
    api: 'pod',
    method: 'POST',
    path: '/pod/v1/presence/feed/create',
    params: [],
    oboPermissions: ['GET_PRESENCE'],
    oboEndpoints: ['POST /pod/v1/presence/feed/create'],
    idempotent: false,
  },
  {
    type: 'symphony-presence-feed-read',
    id: 'presence-feed-read',
    area: 'presence',
    api: 'pod',
    method: 'GET',
    path: '/pod/v1/presence/feed/{feedId}/read',
    params: [{ name: 'feedId', in: 'path', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT_TYPES }],
    oboPermissions: ['GET_PRESENCE'],
    oboEndpoints: ['GET /pod/v1/presence/feed/{feedId}/read'],
    // A read consumes the changes it returns: repeating one whose answer was lost would lose them.
    idempotent: false,
  },
  {
    type: 'symphony-presence-feed-delete',
    id: 'presence-feed-delete',
    area: 'presence',
    api: 'pod',
    method: 'POST',
    path: '/pod/v1/presence/feed/{feedId}/delete',
    params: [{ name: 'feedId', in: 'path', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT_TYPES }],
    oboPermissions: ['GET_PRESENCE'],
    oboEndpoints: ['POST /pod/v1/presence/feed/{feedId}/delete'],
    // A repeat after a delete that went through fails with 400 (unknown feed).
    idempotent: false,
  },
  {
    type: 'symphony-presence-set-user',
    id: 'presence-set-user',
    area: 'presence',
    api: 'pod',
    method: 'POST',
    path: '/pod/v3/user/presence',
    params: [
      { name: 'userId', in: 'body', kind: 'id', idOf: 'user', required: true, types: ID_TYPES },
      { name: 'category', in: 'body', kind: 'enum', enum: PRESENCE_CATEGORIES, required: true, types: TEXT_TYPES, default: { value: 'AVAILABLE', type: 'str' } },
      { name: 'soft', in: 'query', kind: 'boolean', types: BOOL_TYPES, advanced: true },
    ],
    oboPermissions: ['SET_PRESENCE'],
    oboEndpoints: ['POST /pod/v3/user/presence'],
    idempotent: true,
  },
];
