import type { OperationSpec } from './types';

/**
 * Any method and path on the Pod, Agent or Login API or the certificate authenticators, authenticated as the bot or
 * a user: for what the catalogue does not cover, and for deprecated endpoints (e.g. GET /pod/v1/sessioninfo).
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
      { name: 'method', in: 'none', kind: 'enum', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], required: true, types: ['str', 'msg', 'flow', 'global', 'env'], default: { value: 'GET', type: 'str' } },
      {
        name: 'path', in: 'none', kind: 'string', required: true, types: ['str', 'msg', 'flow', 'global', 'env', 'jsonata'],
        // Under one of the APIs, without a query string (use `query`) and without climbing out of it.
        schema: { pattern: '^/(pod|agent|login|sessionauth|keyauth)/[A-Za-z0-9._~!$&\'()*+,;=:@%/-]*$', not: { pattern: '\\.\\.' } },
      },
      { name: 'query', in: 'none', kind: 'json', types: ['json', 'msg', 'flow', 'global', 'env', 'jsonata'], schema: { type: 'object' } },
      { name: 'body', in: 'none', kind: 'json', types: ['json', 'msg', 'flow', 'global', 'env', 'jsonata'], default: { value: 'payload', type: 'msg' } },
      {
        name: 'bodyFormat', in: 'none', kind: 'enum', enum: ['json', 'multipart'], types: ['str', 'msg', 'flow', 'global', 'env'],
        default: { value: 'json', type: 'str' }, advanced: true,
      },
    ],
    oboPermissions: [],
    idempotent: false,
    dynamicTarget: true,
  },
];
