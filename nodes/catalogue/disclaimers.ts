/** Disclaimers: the texts users must acknowledge, and which one each user has (texts in ops-disclaimers.json). */
import { podAdminEntry } from './admin-entry';
import type { OperationSpec, ParamSpec } from './types';
import { TEXT, USER_ID_IN_PATH } from './users-fields';

const DISCLAIMER_ID_IN_PATH: ParamSpec = {
  name: 'disclaimerId', in: 'path', wireName: 'did', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT,
};

export const disclaimerOperations: readonly OperationSpec[] = [
  podAdminEntry('compliance', {
    id: 'disclaimers-list',
    method: 'GET',
    path: '/pod/v1/admin/disclaimer/list',
    params: [],
    idempotent: true,
  }),
  podAdminEntry('compliance', {
    id: 'disclaimer-get',
    method: 'GET',
    path: '/pod/v1/admin/disclaimer/{did}',
    params: [DISCLAIMER_ID_IN_PATH],
    idempotent: true,
  }),
  podAdminEntry('compliance', {
    id: 'disclaimer-users-list',
    method: 'GET',
    path: '/pod/v1/admin/disclaimer/{did}/users',
    params: [DISCLAIMER_ID_IN_PATH],
    idempotent: true,
  }),
  podAdminEntry('compliance', {
    id: 'user-disclaimer-get',
    method: 'GET',
    path: '/pod/v1/admin/user/{uid}/disclaimer',
    params: [USER_ID_IN_PATH],
    idempotent: true,
    // 204: the user has no disclaimer.
    emptyResult: null,
  }),
  podAdminEntry('compliance', {
    id: 'user-disclaimer-assign',
    method: 'POST',
    path: '/pod/v1/admin/user/{uid}/disclaimer/update',
    params: [USER_ID_IN_PATH, { name: 'disclaimerId', in: 'body', wireName: 'id', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT }],
    idempotent: true,
  }),
  podAdminEntry('compliance', {
    id: 'user-disclaimer-remove',
    method: 'DELETE',
    path: '/pod/v1/admin/user/{uid}/disclaimer',
    params: [USER_ID_IN_PATH],
    idempotent: true,
  }),
];
