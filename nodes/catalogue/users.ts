import type { OperationSpec } from './types';
import { usersAdminOperations } from './users-admin';
import { BOOLEAN, JSON_VALUE, LIST, TEXT, USER_ID_IN_PATH, cursorParams, skipLimit } from './users-fields';

/** Follow and unfollow share everything but the path's last segment. */
function followEntry(verb: 'follow' | 'unfollow'): OperationSpec {
  return {
    type: `symphony-user-${verb}`,
    id: `user-${verb}`,
    area: 'users',
    api: 'pod',
    method: 'POST',
    path: `/pod/v1/user/{uid}/${verb}`,
    params: [
      USER_ID_IN_PATH,
      { name: 'followerIds', in: 'body', wireName: 'followers', kind: 'id-list', idOf: 'user', required: true, types: LIST },
    ],
    oboPermissions: ['MANAGE_USER_FOLLOWING'],
    oboEndpoints: [`POST /pod/v1/user/{uid}/${verb}`],
    idempotent: true,
  };
}

/** Followers and following: the same cursor-paged list of user ids, under different names. */
function followListEntry(list: 'followers' | 'following'): OperationSpec {
  return {
    type: `symphony-user-${list}-list`,
    id: `user-${list}-list`,
    area: 'users',
    api: 'pod',
    method: 'GET',
    path: `/pod/v1/user/{uid}/${list}`,
    params: [USER_ID_IN_PATH, ...cursorParams()],
    oboPermissions: null,
    // The spec sets no maximum; 100 is the page the pod serves by default.
    paging: { style: 'cursor', items: list, maxPageSize: 100, cursorPath: 'pagination.cursors.after' },
    idempotent: true,
    statusSummary: { show: 'count', text: 'users' },
  };
}

export const usersOperations: readonly OperationSpec[] = [
  {
    type: 'symphony-users-lookup',
    id: 'users-lookup',
    area: 'users',
    api: 'pod',
    method: 'GET',
    path: '/pod/v3/users',
    params: [
      { name: 'userIds', in: 'query', wireName: 'uid', kind: 'id-list', idOf: 'user', types: ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] },
      { name: 'emails', in: 'query', wireName: 'email', kind: 'string-list', types: ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] },
      { name: 'usernames', in: 'query', wireName: 'username', kind: 'string-list', types: ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] },
      { name: 'local', in: 'query', kind: 'boolean', types: ['bool', 'msg', 'flow', 'global', 'env'], advanced: true },
      { name: 'active', in: 'query', kind: 'boolean', types: ['bool', 'msg', 'flow', 'global', 'env'], advanced: true },
    ],
    // A person's name typed into an inject's payload is looked up: by email, by id, or by username.
    rules: [{ exactlyOneOf: ['userIds', 'emails', 'usernames'], payloadText: (text) => (text.includes('@') ? 'emails' : /^[\d\s,]+$/.test(text) ? 'userIds' : 'usernames') }],
    oboPermissions: ['GET_BASIC_CONTACT_INFO'],
    oboEndpoints: ['GET /pod/v3/users'],
    idempotent: true,
    statusSummary: { show: 'count', text: 'usersFound', at: 'users', noneIsNews: true },
    emptyResult: { users: [] },
  },
  {
    type: 'symphony-session-info',
    id: 'session-info',
    area: 'users',
    api: 'pod',
    method: 'GET',
    path: '/pod/v2/sessioninfo',
    params: [],
    oboPermissions: ['GET_BASIC_USER_INFO'],
    oboEndpoints: ['GET /pod/v1/sessioninfo', 'GET /pod/v2/sessioninfo'],
    idempotent: true,
  },
  {
    type: 'symphony-user-get',
    id: 'user-get',
    area: 'users',
    api: 'pod',
    method: 'GET',
    path: '/pod/v2/user',
    params: [
      { name: 'email', in: 'query', kind: 'string', schema: { minLength: 1 }, types: TEXT },
      { name: 'username', in: 'query', kind: 'string', schema: { minLength: 1 }, types: TEXT },
      { name: 'userId', in: 'query', wireName: 'uid', kind: 'id', idOf: 'user', types: TEXT, advanced: true },
      { name: 'local', in: 'query', kind: 'boolean', types: BOOLEAN, advanced: true },
    ],
    rules: [{ exactlyOneOf: ['email', 'username', 'userId'] }],
    oboPermissions: ['GET_BASIC_CONTACT_INFO', 'SEND_MESSAGES'],
    oboEndpoints: ['GET /pod/v1/user', 'GET /pod/v2/user'],
    idempotent: true,
    // The pod finds usernames in its own directory only, and asks for local=true to say so.
    prepare: (values) => (values.username !== undefined && values.local === undefined ? { ...values, local: true } : values),
  },
  {
    type: 'symphony-users-search',
    id: 'users-search',
    area: 'users',
    api: 'pod',
    method: 'POST',
    path: '/pod/v1/user/search',
    params: [
      { name: 'query', in: 'body', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT },
      { name: 'filters', in: 'body', kind: 'json', schema: { type: 'object' }, types: JSON_VALUE },
      { name: 'local', in: 'query', kind: 'boolean', types: BOOLEAN, advanced: true },
      ...skipLimit(),
    ],
    oboPermissions: ['GET_BASIC_CONTACT_INFO'],
    oboEndpoints: ['POST /pod/v1/user/search'],
    // The spec gives a default page of 50 and no maximum; 100 keeps each request modest.
    paging: { style: 'skip-limit', items: 'users', maxPageSize: 100 },
    idempotent: true,
    statusSummary: { show: 'count', text: 'usersFound', noneIsNews: true },
    emptyResult: { count: 0, users: [] },
  },
  followEntry('follow'),
  followEntry('unfollow'),
  followListEntry('followers'),
  followListEntry('following'),
  ...usersAdminOperations,
];
