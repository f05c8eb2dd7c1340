import type { OperationSpec, ParamSpec, ParamValues } from './types';
import { inputError } from '../runtime/core/errors';
import { text } from '../runtime/core/i18n';

/** TypedInput choices shared by this area's fields. */
const TEXT = ['str', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const LIST = ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const NUM = ['num', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const BOOL = ['bool', 'msg', 'flow', 'global', 'env'] as const;
const JSON_TYPES = ['json', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;

export const STREAM_TYPES = ['IM', 'MIM', 'ROOM', 'POST'] as const;
const ADMIN_STREAM_TYPES = ['IM', 'MIM', 'ROOM'] as const;

const roomId: ParamSpec = { name: 'roomId', in: 'path', wireName: 'id', kind: 'stream-id', idOf: 'stream', required: true, types: TEXT };
const memberId: ParamSpec = { name: 'userId', in: 'body', wireName: 'id', kind: 'id', idOf: 'user', required: true, types: TEXT };
const skip: ParamSpec = { name: 'skip', in: 'query', kind: 'integer', schema: { minimum: 0 }, types: NUM, advanced: true };
const limit = (maximum: number): ParamSpec => ({ name: 'limit', in: 'query', kind: 'integer', schema: { minimum: 1, maximum }, types: NUM });
const streamTypes = (allowed: readonly string[]): ParamSpec => ({
  name: 'streamTypes', in: 'body', kind: 'string-list', schema: { items: { type: 'string', enum: [...allowed] } }, types: LIST,
});

/**
 * The room attributes a low-code user sets by name; the rest goes in the advanced `attributes` JSON. Their `in` is
 * 'none' because `prepare` lays them into the body; `name` is every node's own name, so the room's is `roomName`.
 */
const roomName = (required: boolean): ParamSpec => ({
  name: 'roomName', wireName: 'name', in: 'none', kind: 'string', required, schema: { minLength: 1, maxLength: 50 }, types: TEXT,
});
const description: ParamSpec = { name: 'description', in: 'none', kind: 'string', types: TEXT };
const flag = (name: string, advanced: boolean): ParamSpec => ({ name, in: 'none', kind: 'boolean', types: BOOL, advanced });
const keywords: ParamSpec = {
  name: 'keywords', in: 'none', kind: 'json', types: JSON_TYPES, advanced: true,
  schema: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, value: { type: 'string' } }, required: ['key', 'value'] } },
};
const attributes: ParamSpec = { name: 'attributes', in: 'body-root', kind: 'json', schema: { type: 'object' }, types: JSON_TYPES, advanced: true };

/**
 * Builds the body from the advanced `attributes` JSON with the named fields laid over it (a named field wins, under
 * its wire name), so the fields people set have their own inputs while any other attribute can still be sent.
 */
function mergeAttributes(fields: readonly ParamSpec[], operation: string, needSomething: boolean): (values: ParamValues) => ParamValues {
  return (values: ParamValues): ParamValues => {
    const body: Record<string, unknown> = { ...(values.attributes as Record<string, unknown> | undefined) };
    const rest: ParamValues = { ...values };
    for (const field of fields) {
      if (values[field.name] !== undefined) body[field.wireName ?? field.name] = values[field.name];
      delete rest[field.name];
    }
    if (needSomething && Object.keys(body).length === 0) {
      throw inputError(operation, 'attributes', text('runtime.errors.streams.nothingToChange', { fields: fields.map((f) => f.name).join(', ') }));
    }
    return { ...rest, attributes: body };
  };
}

const pinnedMessageId = (advanced: boolean): ParamSpec => ({ name: 'pinnedMessageId', in: 'none', kind: 'string', schema: { minLength: 1 }, types: TEXT, advanced });
const IM_FIELDS: readonly ParamSpec[] = [pinnedMessageId(false)];
const CREATE_FIELDS: readonly ParamSpec[] = [
  roomName(true), description, flag('public', false), flag('readOnly', false), flag('discoverable', true), flag('membersCanInvite', true), keywords,
];
const UPDATE_FIELDS: readonly ParamSpec[] = [
  roomName(false), description, flag('discoverable', true), flag('membersCanInvite', true), pinnedMessageId(true), keywords,
];

/** StreamFilter-style bodies take the types as [{ type }]. */
function typesAsObjects(values: ParamValues): ParamValues {
  const types = values.streamTypes as string[] | undefined;
  return types ? { ...values, streamTypes: types.map((type) => ({ type })) } : values;
}

export const streamsOperations: readonly OperationSpec[] = [
  {
    type: 'symphony-im-create',
    id: 'im-create',
    area: 'streams',
    api: 'pod',
    method: 'POST',
    path: '/pod/v1/im/create',
    params: [
      { name: 'userIds', in: 'body-root', kind: 'id-list', idOf: 'user', required: true, types: LIST },
    ],
    oboPermissions: ['SEND_MESSAGES'],
    oboEndpoints: ['POST /pod/v1/im/create'],
    // The pod returns the existing IM for the same members, so a repeat is harmless.
    idempotent: true,
  },
  {
    type: 'symphony-im-info',
    id: 'im-info',
    area: 'streams',
    api: 'pod',
    method: 'GET',
    path: '/pod/v1/im/{id}/info',
    params: [{ name: 'streamId', in: 'path', wireName: 'id', kind: 'stream-id', idOf: 'stream', required: true, types: TEXT }],
    oboPermissions: null,
    idempotent: true,
  },
  {
    type: 'symphony-im-update',
    id: 'im-update',
    area: 'streams',
    api: 'pod',
    method: 'POST',
    path: '/pod/v1/im/{id}/update',
    params: [
      { name: 'streamId', in: 'path', wireName: 'id', kind: 'stream-id', idOf: 'stream', required: true, types: TEXT },
      ...IM_FIELDS,
      attributes,
    ],
    oboPermissions: null,
    idempotent: true,
    prepare: mergeAttributes(IM_FIELDS, 'im-update', true),
  },
  {
    type: 'symphony-room-create',
    id: 'room-create',
    area: 'streams',
    api: 'pod',
    method: 'POST',
    path: '/pod/v3/room/create',
    params: [...CREATE_FIELDS, attributes],
    oboPermissions: ['MANAGE_ROOMS', 'CREATE_USER_STREAM'],
    oboEndpoints: ['POST /pod/v3/room/create'],
    idempotent: false,
    prepare: mergeAttributes(CREATE_FIELDS, 'room-create', false),
  },
  {
    type: 'symphony-room-search',
    id: 'room-search',
    area: 'streams',
    api: 'pod',
    method: 'POST',
    path: '/pod/v3/room/search',
    params: [
      { name: 'query', in: 'body', kind: 'string', required: true, types: TEXT },
      { name: 'filters', in: 'body-root', kind: 'json', schema: { type: 'object' }, types: JSON_TYPES, advanced: true },
      { name: 'includeNonDiscoverable', in: 'query', kind: 'boolean', types: BOOL, advanced: true },
      skip,
      limit(100),
    ],
    oboPermissions: ['MANAGE_ROOMS'],
    oboEndpoints: ['POST /pod/v3/room/search'],
    paging: { style: 'skip-limit', items: 'rooms', maxPageSize: 100 },
    idempotent: true,
    statusSummary: { show: 'count', text: 'rooms' },
    emptyResult: { count: 0, rooms: [] },
    // The criteria (labels, active, private, owner, creator, member...) sit beside the query in one body.
    prepare: (values) => ({ ...values, query: undefined, filters: { ...(values.filters as Record<string, unknown> | undefined), query: values.query } }),
  },
  {
    type: 'symphony-room-info',
    id: 'room-info',
    area: 'streams',
    api: 'pod',
    method: 'GET',
    path: '/pod/v3/room/{id}/info',
    params: [roomId],
    oboPermissions: ['MANAGE_ROOMS'],
    oboEndpoints: ['GET /pod/v3/room/{roomId}/info'],
    idempotent: true,
  },
  {
    type: 'symphony-room-update',
    id: 'room-update',
    area: 'streams',
    api: 'pod',
    method: 'POST',
    path: '/pod/v3/room/{id}/update',
    params: [roomId, ...UPDATE_FIELDS, attributes],
    oboPermissions: ['MANAGE_ROOMS'],
    oboEndpoints: ['POST /pod/v3/room/{roomId}/update'],
    idempotent: true,
    prepare: mergeAttributes(UPDATE_FIELDS, 'room-update', true),
  },
  {
    type: 'symphony-room-set-active',
    id: 'room-set-active',
    area: 'streams',
    api: 'pod',
    method: 'POST',
    path: '/pod/v1/room/{id}/setActive',
    params: [
      roomId,
      { name: 'active', in: 'query', kind: 'boolean', required: true, types: BOOL, default: { value: 'true', type: 'bool' } },
    ],
    oboPermissions: ['MANAGE_ROOMS'],
    oboEndpoints: ['POST /pod/v1/room/{roomId}/setActive'],
    idempotent: true,
  },
  {
    type: 'symphony-room-members',
    id: 'room-members',
    area: 'streams',
    api: 'pod',
    method: 'GET',
    path: '/pod/v2/room/{id}/membership/list',
    params: [roomId],
    oboPermissions: null,
    idempotent: true,
    statusSummary: { show: 'count', text: 'members', at: '' },
  },
  ...(['add', 'remove', 'promoteOwner', 'demoteOwner'] as const).map((action): OperationSpec => {
    const id = { add: 'room-member-add', remove: 'room-member-remove', promoteOwner: 'room-owner-promote', demoteOwner: 'room-owner-demote' }[action];
    return {
      type: `symphony-${id}`,
      id,
      area: 'streams',
      api: 'pod',
      method: 'POST',
      path: `/pod/v1/room/{id}/membership/${action}`,
      params: [roomId, memberId],
      oboPermissions: ['MANAGE_ROOMS'],
      oboEndpoints: [`POST /pod/v1/room/{roomId}/membership/${action}`],
      // Adding a member twice, or removing one already gone, leaves the room as wanted.
      idempotent: true,
    };
  }),
  {
    type: 'symphony-streams-list',
    id: 'streams-list',
    area: 'streams',
    api: 'pod',
    method: 'POST',
    path: '/pod/v1/streams/list',
    params: [
      streamTypes(STREAM_TYPES),
      { name: 'includeInactiveStreams', in: 'body', kind: 'boolean', types: BOOL, advanced: true },
      skip,
      // The spec gives 50 as the default and no maximum; 100 keeps pages the size of the other stream lists.
      limit(100),
    ],
    oboPermissions: ['LIST_USER_STREAMS'],
    oboEndpoints: ['POST /pod/v1/streams/list'],
    paging: { style: 'skip-limit', items: '', maxPageSize: 100 },
    idempotent: true,
    statusSummary: { show: 'count', text: 'streams' },
    emptyResult: [],
    prepare: typesAsObjects,
  },
  {
    type: 'symphony-stream-info',
    id: 'stream-info',
    area: 'streams',
    api: 'pod',
    method: 'GET',
    path: '/pod/v2/streams/{sid}/info',
    params: [{ name: 'streamId', in: 'path', wireName: 'sid', kind: 'stream-id', idOf: 'stream', required: true, types: TEXT }],
    // The OBO table lists only the deprecated v1 path, which this node replaces.
    oboPermissions: ['SEND_MESSAGES'],
    oboEndpoints: ['GET /pod/v1/streams/{streamId}/info'],
    idempotent: true,
  },
  {
    type: 'symphony-stream-attachments',
    id: 'stream-attachments',
    area: 'streams',
    api: 'pod',
    method: 'GET',
    path: '/pod/v1/streams/{sid}/attachments',
    params: [
      { name: 'streamId', in: 'path', wireName: 'sid', kind: 'stream-id', idOf: 'stream', required: true, types: TEXT },
      { name: 'since', in: 'query', kind: 'integer', schema: { minimum: 0 }, types: NUM, advanced: true },
      { name: 'to', in: 'query', kind: 'integer', schema: { minimum: 0 }, types: NUM, advanced: true },
      limit(100),
      { name: 'sortDir', in: 'query', kind: 'enum', enum: ['ASC', 'DESC'], types: TEXT, advanced: true },
    ],
    oboPermissions: null,
    idempotent: true,
    statusSummary: { show: 'count', text: 'attachments', at: '' },
    emptyResult: [],
  },
  {
    type: 'symphony-admin-streams-list',
    id: 'admin-streams-list',
    area: 'streams',
    api: 'pod',
    method: 'POST',
    path: '/pod/v2/admin/streams/list',
    params: [
      // V2AdminStreamFilter takes IM, MIM or ROOM (no POST, unlike the caller's own stream list).
      { ...streamTypes(ADMIN_STREAM_TYPES), in: 'none' },
      { name: 'streamStatus', in: 'none', kind: 'enum', enum: ['ACTIVE', 'INACTIVE'], types: TEXT },
      { name: 'filters', in: 'body-root', kind: 'json', schema: { type: 'object' }, types: JSON_TYPES, advanced: true },
      skip,
      limit(100),
    ],
    oboPermissions: null,
    paging: { style: 'skip-limit', items: 'streams', maxPageSize: 100 },
    idempotent: true,
    statusSummary: { show: 'count', text: 'streams' },
    emptyResult: { count: 0, streams: [] },
    // The named filters are laid over the advanced filters JSON (V2AdminStreamFilter) in one body.
    prepare: (values) => {
      const { filters, streamTypes: types, streamStatus, ...rest } = typesAsObjects(values);
      const body = { ...(filters as Record<string, unknown> | undefined) };
      if (types !== undefined) body.streamTypes = types;
      if (streamStatus !== undefined) body.status = streamStatus;
      return { ...rest, filters: body };
    },
  },
  {
    type: 'symphony-admin-stream-members',
    id: 'admin-stream-members',
    area: 'streams',
    api: 'pod',
    method: 'GET',
    path: '/pod/v1/admin/stream/{id}/membership/list',
    params: [
      { name: 'streamId', in: 'path', wireName: 'id', kind: 'stream-id', idOf: 'stream', required: true, types: TEXT },
      skip,
      limit(1000),
    ],
    oboPermissions: null,
    paging: { style: 'skip-limit', items: 'members', maxPageSize: 1000 },
    idempotent: true,
    statusSummary: { show: 'count', text: 'members' },
    emptyResult: { count: 0, members: [] },
  },
];
