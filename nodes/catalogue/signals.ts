import { inputError } from '../runtime/core/errors';
import { text } from '../runtime/core/i18n';
import type { OperationSpec, ParamSpec, ParamValues } from './types';

/** Signals: saved hashtag/cashtag queries of a user, which other users may subscribe to (Agent API). */

const STRING_TYPES = ['str', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const NUMBER_TYPES = ['num', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const BOOL_TYPES = ['bool', 'msg', 'flow', 'global', 'env'] as const;
const LIST_TYPES = ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;

/** The spec names the path placeholder `id`; the node calls it signalId, as every signal node does. */
const signalId: ParamSpec = { name: 'signalId', in: 'path', wireName: 'id', kind: 'string', required: true, types: STRING_TYPES, schema: { minLength: 1 } };
const skip: ParamSpec = { name: 'skip', in: 'query', kind: 'integer', types: NUMBER_TYPES, schema: { minimum: 0 }, advanced: true };
const limit = (maximum?: number): ParamSpec => ({
  name: 'limit', in: 'query', kind: 'integer', types: NUMBER_TYPES, schema: maximum ? { minimum: 1, maximum } : { minimum: 1 }, advanced: true,
});

/** The BaseSignal fields, each one optional so that update can change just one of them. */
const signalFields = (required: boolean): ParamSpec[] => [
  // `name` is the node's own name property, hence signalName.
  { name: 'signalName', in: 'body', wireName: 'name', kind: 'string', required, types: STRING_TYPES, schema: { minLength: 1 } },
  { name: 'query', in: 'body', kind: 'string', required, types: STRING_TYPES, schema: { minLength: 1 } },
  { name: 'visibleOnProfile', in: 'body', kind: 'boolean', types: BOOL_TYPES },
  { name: 'companyWide', in: 'body', kind: 'boolean', types: BOOL_TYPES, advanced: true },
];

const SIGNAL_FIELDS = ['signalName', 'query', 'visibleOnProfile', 'companyWide'];

/** An update with no field set would send an empty BaseSignal: refused before the request. */
function requireSomeField(values: ParamValues): ParamValues {
  if (SIGNAL_FIELDS.every((name) => values[name] === undefined)) {
    throw inputError('signal-update', SIGNAL_FIELDS.join('|'), text('runtime.errors.signal-update.noField', { fields: SIGNAL_FIELDS.join(', ') }));
  }
  return values;
}

const MANAGE_SIGNALS = ['MANAGE_SIGNALS'] as const;
const agent = { area: 'signals', api: 'agent', oboPermissions: MANAGE_SIGNALS, needsKeyManager: true } as const;

export const signalsOperations: readonly OperationSpec[] = [
  {
    ...agent,
    type: 'symphony-signal-list',
    id: 'signal-list',
    method: 'GET',
    path: '/agent/v1/signals/list',
    params: [skip, limit(500)],
    oboEndpoints: ['GET /agent/v1/signals/list'],
    paging: { style: 'skip-limit', items: '', maxPageSize: 500 },
    idempotent: true,
    statusSummary: { show: 'count', text: 'signals' },
  },
  {
    ...agent,
    type: 'symphony-signal-get',
    id: 'signal-get',
    method: 'GET',
    path: '/agent/v1/signals/{id}/get',
    params: [signalId],
    oboEndpoints: ['GET /agent/v1/signals/{id}/get'],
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-signal-create',
    id: 'signal-create',
    method: 'POST',
    path: '/agent/v1/signals/create',
    params: signalFields(true),
    oboEndpoints: ['POST /agent/v1/signals/create'],
    idempotent: false,
  },
  {
    ...agent,
    type: 'symphony-signal-update',
    id: 'signal-update',
    method: 'POST',
    path: '/agent/v1/signals/{id}/update',
    params: [signalId, ...signalFields(false)],
    oboEndpoints: ['POST /agent/v1/signals/{id}/update'],
    idempotent: true,
    prepare: requireSomeField,
  },
  {
    ...agent,
    type: 'symphony-signal-delete',
    id: 'signal-delete',
    method: 'POST',
    path: '/agent/v1/signals/{id}/delete',
    params: [signalId],
    oboEndpoints: ['POST /agent/v1/signals/{id}/delete'],
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-signal-subscribe',
    id: 'signal-subscribe',
    method: 'POST',
    path: '/agent/v1/signals/{id}/subscribe',
    params: [
      signalId,
      { name: 'userIds', in: 'body-root', kind: 'id-list', idOf: 'user', types: LIST_TYPES },
      { name: 'pushed', in: 'query', kind: 'boolean', types: BOOL_TYPES, advanced: true },
    ],
    oboEndpoints: ['POST /agent/v1/signals/{id}/subscribe'],
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-signal-unsubscribe',
    id: 'signal-unsubscribe',
    method: 'POST',
    path: '/agent/v1/signals/{id}/unsubscribe',
    params: [signalId, { name: 'userIds', in: 'body-root', kind: 'id-list', idOf: 'user', types: LIST_TYPES }],
    oboEndpoints: ['POST /agent/v1/signals/{id}/unsubscribe'],
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-signal-subscribers',
    id: 'signal-subscribers',
    method: 'GET',
    path: '/agent/v1/signals/{id}/subscribers',
    params: [signalId, skip, limit()],
    oboEndpoints: ['GET /agent/v1/signals/{id}/subscribers'],
    // The spec gives no maximum; 100 is its default page.
    paging: { style: 'skip-limit', items: 'data', maxPageSize: 100 },
    idempotent: true,
    statusSummary: { show: 'count', text: 'subscribers' },
  },
];
