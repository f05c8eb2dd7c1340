import { toMessageML, type MessageFormat } from '../runtime/messages/messageml';
import { toUrlSafeStreamId } from '../runtime/operations/normalise';
import { attachmentsParam, previewsParam, readMessageFiles } from './attachment-files';
import { ARTICLE_TYPE, prepareArticleShare } from './share-article';
import type { OperationSpec, OptionSpec, ParamSpec, ParamValues } from './types';

/** Agent message operations beside message send: share an article, blast a message, update a message. */

const STRING_TYPES = ['str', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const LIST_TYPES = ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;

const streamId: ParamSpec = { name: 'streamId', in: 'path', wireName: 'sid', kind: 'stream-id', idOf: 'stream', required: true, types: STRING_TYPES };
/** The same message, data, attachment and preview fields as message send, so flows can switch between the nodes. */
const messageParts: ParamSpec[] = [
  { name: 'message', in: 'multipart', kind: 'string', required: true, types: STRING_TYPES, default: { value: 'payload', type: 'msg' } },
  { name: 'data', in: 'multipart', kind: 'json', types: ['json', 'msg', 'flow', 'global', 'env', 'jsonata'], advanced: true },
  attachmentsParam,
  previewsParam,
];
const format: OptionSpec = { name: 'format', values: ['auto', 'text', 'messageml'], default: 'auto' };

/**
 * Message as MessageML by the node's format option, data as the EntityJSON text the API takes, attachment and
 * preview files read.
 */
function messageFields(operation: string, values: ParamValues, options: Record<string, string>): Promise<ParamValues> {
  return readMessageFiles(operation, {
    ...values,
    message: toMessageML(String(values.message), (options.format ?? 'auto') as MessageFormat, 'message', operation),
    data: values.data === undefined ? undefined : JSON.stringify(values.data),
  });
}

const article = (name: string, advanced = false): ParamSpec => ({ name, in: 'none', kind: 'string', types: STRING_TYPES, schema: { minLength: 1 }, ...(advanced ? { advanced } : {}) });

const SEND_MESSAGES = ['SEND_MESSAGES'] as const;

export const messageDeliveryOperations: readonly OperationSpec[] = [
  {
    type: 'symphony-content-share',
    id: 'content-share',
    area: 'messages',
    api: 'agent',
    method: 'POST',
    path: '/agent/v3/stream/{sid}/share',
    params: [
      streamId,
      article('title'), article('articleUrl'), article('summary'), article('author'), article('publisher'), article('appId'),
      { name: 'comment', in: 'none', kind: 'string', types: STRING_TYPES },
      article('articleId', true), article('thumbnailUrl', true),
      { name: 'publishDate', in: 'none', kind: 'integer', types: ['num', 'msg', 'flow', 'global', 'env', 'jsonata'], schema: { minimum: 0 }, advanced: true },
      { name: 'article', in: 'body', wireName: 'content', kind: 'json', types: ['json', 'msg', 'flow', 'global', 'env', 'jsonata'], schema: { type: 'object' }, advanced: true },
      { name: 'contentType', in: 'body', wireName: 'type', kind: 'string', types: STRING_TYPES, schema: { enum: [ARTICLE_TYPE] }, default: { value: ARTICLE_TYPE, type: 'str' }, advanced: true },
    ],
    oboPermissions: SEND_MESSAGES,
    oboEndpoints: ['POST /agent/v3/stream/{sid}/share'],
    idempotent: false,
    needsKeyManager: true,
    prepare: prepareArticleShare,
  },
  {
    type: 'symphony-message-blast',
    id: 'message-blast',
    area: 'messages',
    api: 'agent',
    method: 'POST',
    path: '/agent/v4/message/blast',
    params: [
      {
        name: 'streamIds', in: 'multipart', wireName: 'sids', kind: 'string-list', required: true, types: LIST_TYPES,
        // The agent takes at most 100 streams per blast.
        schema: { maxItems: 100, items: { type: 'string', minLength: 1, pattern: '^[A-Za-z0-9_+/=-]+$' } },
      },
      ...messageParts,
    ],
    options: [format],
    oboPermissions: SEND_MESSAGES,
    oboEndpoints: ['POST /agent/v4/message/blast'],
    idempotent: false,
    needsKeyManager: true,
    multipart: true,
    // One comma separated part, stream ids URL-safe like every other stream id the nodes send.
    prepare: async (values, options) => ({
      ...await messageFields('message-blast', values, options),
      streamIds: [...new Set((values.streamIds as string[]).map(toUrlSafeStreamId))].join(','),
    }),
  },
  {
    type: 'symphony-message-update',
    id: 'message-update',
    area: 'messages',
    api: 'agent',
    method: 'POST',
    path: '/agent/v4/stream/{sid}/message/{mid}/update',
    params: [
      streamId,
      // Message ids are URL-safe base64 like stream ids, and need the same conversion in a path.
      { name: 'messageId', in: 'path', wireName: 'mid', kind: 'stream-id', idOf: 'message', required: true, types: STRING_TYPES },
      ...messageParts,
      { name: 'silent', in: 'multipart', kind: 'boolean', types: ['bool', 'msg', 'flow', 'global', 'env'], advanced: true },
    ],
    options: [format],
    oboPermissions: SEND_MESSAGES,
    oboEndpoints: ['POST /agent/v4/stream/{sid}/message/{mid}/update'],
    // A repeat would update the replaced version, which the agent refuses.
    idempotent: false,
    needsKeyManager: true,
    multipart: true,
    prepare: (values, options) => messageFields('message-update', values, options),
  },
];
