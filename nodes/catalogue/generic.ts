import type { OperationSpec } from './types';

/**
 * Any method and path on the Pod, Agent or Login API, authenticated as the bot or a user: for what the
 * catalogue does not cover yet, and for deprecated endpoints (e.g. GET /pod/v1/sessioninfo).
 */
export const genericOperations: readonly OperationSpec[] = [
  {
    type: 'symphony-api',
    id: 'api',
    area: 'system',
    api: 'pod',
    method: 'GET',
    path: '{path}',
    params: [
      { name: 'method', in: 'none', kind: 'enum', enum: ['GET', 'POST', 'PUT', 'DELETE'], required: true, types: ['str', 'msg', 'flow', 'global', 'env'], default: { value: 'GET', type: 'str' } },
      {
        name: 'path', in: 'none', kind: 'string', required: true, types: ['str', 'msg', 'flow', 'global', 'env', 'jsonata'],
        // Under one of the three APIs, without a query string (use `query`) and without climbing out of it.
        schema: { pattern: '^/(pod|agent|login)/[A-Za-z0-9._~!$&\'()*+,;=:@%/-]*$', not: { pattern: '\\.\\.' } },
      },
      { name: 'query', in: 'none', kind: 'json', types: ['json', 'msg', 'flow', 'global', 'env', 'jsonata'], schema: { type: 'object' } },
      { name: 'body', in: 'none', kind: 'json', types: ['json', 'msg', 'flow', 'global', 'env', 'jsonata'], default: { value: 'payload', type: 'msg' } },
    ],
    oboPermissions: [],
    idempotent: false,
    dynamicTarget: true,
  },
];
