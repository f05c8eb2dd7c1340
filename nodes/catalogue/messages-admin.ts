/**
 * Messages for administrators and search by query text: message details, receipts and relationships (pod, a
 * Content Management or compliance role needed), search with the "field:value AND ..." query of the GET search,
 * and the agent's semantic search. None is OBO-enabled. Texts in ops-messages-admin.json.
 */
import { parsedList } from './message-reading';
import type { OperationSpec, ParamSpec } from './types';

const TEXT = ['str', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const LIST = ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const NUM = ['num', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;

/** Message ids are URL-safe base64 like stream ids, and take the same conversion. */
const messageIdInPath: ParamSpec = { name: 'messageId', in: 'path', kind: 'stream-id', idOf: 'message', required: true, types: TEXT };
const skip: ParamSpec = { name: 'skip', in: 'query', kind: 'integer', schema: { minimum: 0 }, types: NUM, advanced: true };
const limit = (maximum: number): ParamSpec => ({ name: 'limit', in: 'query', kind: 'integer', schema: { minimum: 1, maximum }, types: NUM, advanced: true });

const podAdmin = { area: 'messages', api: 'pod', oboPermissions: null, idempotent: true } as const;
const agentRead = { area: 'messages', api: 'agent', oboPermissions: null, idempotent: true, needsKeyManager: true } as const;

export const messagesAdminOperations: readonly OperationSpec[] = [
  {
    ...podAdmin,
    type: 'symphony-admin-messages-details',
    id: 'admin-messages-details',
    method: 'POST',
    path: '/pod/v1/admin/messages',
    params: [{ name: 'messageIds', in: 'body', kind: 'string-list', required: true, types: LIST }],
  },
  {
    ...podAdmin,
    type: 'symphony-admin-message-receipts',
    id: 'admin-message-receipts',
    method: 'GET',
    path: '/pod/v1/admin/messages/{messageId}/receipts',
    params: [
      messageIdInPath,
      { name: 'after', in: 'query', kind: 'string', schema: { minLength: 1 }, types: TEXT, advanced: true },
      { name: 'before', in: 'query', kind: 'string', schema: { minLength: 1 }, types: TEXT, advanced: true },
    ],
    // The pod pages the receipts with cursors and picks the page size (100 in the simulator).
    paging: { style: 'cursor', items: 'MessageReceiptDetail', maxPageSize: 100, cursorPath: 'pagination.cursors.after', serverPageSize: true },
  },
  {
    ...podAdmin,
    type: 'symphony-admin-message-relationships',
    id: 'admin-message-relationships',
    method: 'GET',
    path: '/pod/v1/admin/messages/{messageId}/metadata/relationships',
    params: [messageIdInPath],
  },
  {
    ...agentRead,
    type: 'symphony-message-search-query',
    id: 'message-search-query',
    method: 'GET',
    path: '/agent/v1/message/search',
    params: [
      { name: 'query', in: 'query', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT },
      skip,
      // The spec gives no maximum; 50 is its default page, which every agent serves.
      limit(50),
      { name: 'scope', in: 'query', kind: 'string', schema: { minLength: 1 }, types: TEXT, advanced: true },
      { name: 'sortDir', in: 'query', kind: 'enum', enum: ['ASC', 'DESC'], types: TEXT, advanced: true },
      { name: 'tier', in: 'query', kind: 'enum', enum: ['hot', 'warm', 'all'], types: TEXT, advanced: true },
    ],
    paging: { style: 'skip-limit', items: '', maxPageSize: 50 },
    // 204: nothing found.
    emptyResult: [],
    result: parsedList,
  },
  {
    ...agentRead,
    type: 'symphony-message-search-semantic',
    id: 'message-search-semantic',
    method: 'POST',
    path: '/agent/v4/message/search/semantic',
    params: [
      { name: 'text', in: 'body', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT },
      // SemanticSearchQuery names the stream threadId.
      { name: 'streamId', in: 'body', wireName: 'threadId', kind: 'stream-id', idOf: 'stream', types: TEXT },
      skip,
      // The spec gives 25 as the default and no maximum; 50 like the other message searches.
      limit(50),
    ],
    paging: { style: 'skip-limit', items: '', maxPageSize: 50 },
    emptyResult: [],
    result: parsedList,
  },
];
