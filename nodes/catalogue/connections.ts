import type { OperationSpec, ParamSpec, TypedInputType } from './types';

/** Connection statuses the list filters on; ALL lists every explicit connection. */
export const CONNECTION_STATUS_FILTERS = ['PENDING_INCOMING', 'PENDING_OUTGOING', 'ACCEPTED', 'REJECTED', 'ALL'] as const;

const ID_TYPES: readonly TypedInputType[] = ['str', 'num', 'msg', 'flow', 'global', 'env', 'jsonata'];

/** The other user, in the `{ userId }` body of create, accept and reject. */
const BODY_USER_ID: ParamSpec = { name: 'userId', in: 'body', kind: 'id', idOf: 'user', required: true, types: ID_TYPES };

/** A connection request body operation; accept and reject are not OBO-enabled (bot only). */
function connectionRequest(id: string, path: string, oboPermissions: readonly string[] | null, idempotent: boolean): OperationSpec {
  return {
    type: `symphony-${id}`,
    id,
    area: 'connections',
    api: 'pod',
    method: 'POST',
    path,
    params: [BODY_USER_ID],
    oboPermissions,
    ...(oboPermissions ? { oboEndpoints: [`POST ${path}`] } : {}),
    idempotent,
  };
}

export const connectionsOperations: readonly OperationSpec[] = [
  {
    type: 'symphony-connection-get',
    id: 'connection-get',
    area: 'connections',
    api: 'pod',
    method: 'GET',
    path: '/pod/v1/connection/user/{userId}/info',
    params: [{ name: 'userId', in: 'path', kind: 'id', idOf: 'user', required: true, types: ID_TYPES }],
    oboPermissions: ['GET_USER_CONNECTIONS'],
    oboEndpoints: ['GET /pod/v1/connection/user/{userId}/info'],
    idempotent: true,
  },
  {
    type: 'symphony-connection-list',
    id: 'connection-list',
    area: 'connections',
    api: 'pod',
    method: 'GET',
    path: '/pod/v1/connection/list',
    params: [
      { name: 'connectionStatus', in: 'query', wireName: 'status', kind: 'enum', enum: CONNECTION_STATUS_FILTERS, types: ['str', 'msg', 'flow', 'global', 'env', 'jsonata'] },
      { name: 'userIds', in: 'query', kind: 'id-list', idOf: 'user', types: ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] },
    ],
    oboPermissions: ['GET_USER_CONNECTIONS'],
    oboEndpoints: ['GET /pod/v1/connection/list'],
    idempotent: true,
    statusSummary: { show: 'count', text: 'connections', at: '' },
  },
  // A repeated request reminds the user again (requestCounter counts up), so it is not idempotent.
  connectionRequest('connection-create', '/pod/v1/connection/create', ['REQUEST_USER_CONNECTIONS'], false),
  connectionRequest('connection-accept', '/pod/v1/connection/accept', null, true),
  connectionRequest('connection-reject', '/pod/v1/connection/reject', null, true),
  {
    type: 'symphony-connection-remove',
    id: 'connection-remove',
    area: 'connections',
    api: 'pod',
    method: 'POST',
    path: '/pod/v1/connection/user/{uid}/remove',
    params: [{ name: 'userId', in: 'path', wireName: 'uid', kind: 'id', idOf: 'user', required: true, types: ID_TYPES }],
    oboPermissions: null,
    // A repeat after a removal that went through fails with 404.
    idempotent: false,
  },
];
