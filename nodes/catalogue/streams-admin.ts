/**
 * Stream administration (pod, for a service account with the User Provisioning role; none is OBO-enabled): IMs
 * between other users, any room's activation and membership whoever owns it, and any user's streams. Texts in
 * ops-streams-admin.json.
 */
import type { OperationSpec, ParamSpec, ParamValues } from './types';
import { STREAM_TYPES } from './streams';

const TEXT = ['str', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const LIST = ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const NUM = ['num', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const BOOL = ['bool', 'msg', 'flow', 'global', 'env'] as const;

const roomId: ParamSpec = { name: 'roomId', in: 'path', wireName: 'id', kind: 'stream-id', idOf: 'stream', required: true, types: TEXT };
const memberId: ParamSpec = { name: 'userId', in: 'body', wireName: 'id', kind: 'id', idOf: 'user', required: true, types: TEXT };

const adminEntry = (entry: Omit<OperationSpec, 'type' | 'area' | 'api' | 'oboPermissions'>): OperationSpec =>
  ({ ...entry, type: `symphony-${entry.id}`, area: 'streams', api: 'pod', oboPermissions: null });

/** StreamFilter takes the types as [{ type }]. */
function typesAsObjects(values: ParamValues): ParamValues {
  const types = values.streamTypes as string[] | undefined;
  return types ? { ...values, streamTypes: types.map((type) => ({ type })) } : values;
}

export const streamsAdminOperations: readonly OperationSpec[] = [
  adminEntry({
    id: 'admin-im-create',
    method: 'POST',
    path: '/pod/v1/admin/im/create',
    params: [{ name: 'userIds', in: 'body-root', kind: 'id-list', idOf: 'user', required: true, schema: { minItems: 2 }, types: LIST }],
    // The pod answers with the existing IM of the same members, so a repeat is harmless.
    idempotent: true,
  }),
  adminEntry({
    id: 'admin-room-set-active',
    method: 'POST',
    path: '/pod/v1/admin/room/{id}/setActive',
    params: [roomId, { name: 'active', in: 'query', kind: 'boolean', required: true, types: BOOL, default: { value: 'true', type: 'bool' } }],
    idempotent: true,
  }),
  adminEntry({
    id: 'admin-room-members',
    method: 'GET',
    path: '/pod/v1/admin/room/{id}/membership/list',
    params: [roomId, { name: 'includePastMembers', in: 'query', kind: 'boolean', types: BOOL, advanced: true }],
    idempotent: true,
  }),
  adminEntry({
    id: 'admin-room-member-add',
    method: 'POST',
    path: '/pod/v1/admin/room/{id}/membership/add',
    params: [roomId, memberId],
    idempotent: true,
  }),
  adminEntry({
    id: 'admin-room-member-remove',
    method: 'POST',
    path: '/pod/v1/admin/room/{id}/membership/remove',
    params: [roomId, memberId],
    idempotent: true,
  }),
  adminEntry({
    id: 'admin-user-streams',
    method: 'POST',
    path: '/pod/v1/admin/user/{uid}/streams/list',
    params: [
      { name: 'userId', in: 'path', wireName: 'uid', kind: 'id', idOf: 'user', required: true, types: TEXT },
      // StreamFilter, sent only when something is set (the spec makes the body optional).
      { name: 'streamTypes', in: 'body', kind: 'string-list', schema: { items: { type: 'string', enum: [...STREAM_TYPES] } }, types: LIST },
      { name: 'includeInactiveStreams', in: 'body', kind: 'boolean', types: BOOL, advanced: true },
      { name: 'skip', in: 'query', kind: 'integer', schema: { minimum: 0 }, types: NUM, advanced: true },
      // The spec gives 50 as the default and no maximum; 100 keeps pages the size of the other stream lists.
      { name: 'limit', in: 'query', kind: 'integer', schema: { minimum: 1, maximum: 100 }, types: NUM, advanced: true },
    ],
    paging: { style: 'skip-limit', items: '', maxPageSize: 100 },
    idempotent: true,
    // 204: the user is a member of no stream.
    emptyResult: [],
    prepare: typesAsObjects,
  }),
];
