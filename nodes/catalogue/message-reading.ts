import { inputError } from '../runtime/core/errors';
import { text } from '../runtime/core/i18n';
import { parseMessage } from '../runtime/messages/message-text';
import { normalise, toUrlSafeStreamId } from '../runtime/operations/normalise';
import { bounded } from '../runtime/operations/value-checks';
import type { OperationSpec, ParamSpec, ParamValues } from './types';

/**
 * Reading messages (Agent API): one by id, a stream's messages since a time, a search, and an attachment's
 * download. Bot only: Symphony's OBO table lists none of these endpoints.
 */

const STRING_TYPES = ['str', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const NUMBER_TYPES = ['num', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const JSON_TYPES = ['json', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;

const streamIdIn = (where: 'path' | 'body', required: boolean): ParamSpec => ({
  name: 'streamId', in: where, ...(where === 'path' ? { wireName: 'sid' } : {}), kind: 'stream-id', idOf: 'stream', ...(required ? { required } : {}), types: STRING_TYPES,
});
/** Message ids are URL-safe base64 like stream ids, and take the same conversion. */
const messageId = (where: 'path' | 'query'): ParamSpec => ({
  name: 'messageId', in: where, ...(where === 'path' ? { wireName: 'id' } : {}), kind: 'stream-id', idOf: 'message', required: true, types: STRING_TYPES,
});
const timestamp = (name: string, where: 'query' | 'body', extra: Partial<ParamSpec> = {}): ParamSpec => ({
  name, in: where, kind: 'integer', types: NUMBER_TYPES, schema: { minimum: 0 }, ...extra,
});
const skip: ParamSpec = { name: 'skip', in: 'query', kind: 'integer', types: NUMBER_TYPES, schema: { minimum: 0 }, advanced: true };
const limit = (maximum?: number): ParamSpec => ({
  name: 'limit', in: 'query', kind: 'integer', types: NUMBER_TYPES, schema: maximum ? { minimum: 1, maximum } : { minimum: 1 }, advanced: true,
});

/** V4Message with its plain text, mentions, hashtags and cashtags read out under `parsed`. */
function withParsedText(message: unknown): unknown {
  if (!message || typeof message !== 'object' || Array.isArray(message)) return message;
  const { message: content, data } = message as { message?: unknown; data?: unknown };
  if (typeof content !== 'string') return message;
  return { ...message, parsed: parseMessage(content, typeof data === 'string' || (data && typeof data === 'object') ? data as string : undefined) };
}

export const parsedList = (answer: unknown): unknown => (Array.isArray(answer) ? answer.map(withParsedText) : answer);

/** The MessageSearchQuery fields, each also a field of the search node. */
const SEARCH_FIELDS: readonly ParamSpec[] = [
  streamIdIn('body', false),
  { name: 'text', in: 'body', kind: 'string', types: STRING_TYPES, schema: { minLength: 1 } },
  { name: 'hashtag', in: 'body', kind: 'string', types: STRING_TYPES, schema: { minLength: 1 } },
  { name: 'cashtag', in: 'body', kind: 'string', types: STRING_TYPES, schema: { minLength: 1 } },
  { name: 'author', in: 'body', kind: 'id', idOf: 'user', types: STRING_TYPES },
  { name: 'mention', in: 'body', kind: 'id', idOf: 'user', types: STRING_TYPES, advanced: true },
  { name: 'streamType', in: 'body', kind: 'enum', enum: ['CHAT', 'IM', 'MIM', 'ROOM', 'POST'], types: STRING_TYPES, advanced: true },
  timestamp('fromDate', 'body', { advanced: true }),
  timestamp('toDate', 'body', { advanced: true }),
  { name: 'signal', in: 'body', kind: 'string', types: STRING_TYPES, schema: { minLength: 1 }, advanced: true },
];
const SEARCH_NAMES = SEARCH_FIELDS.map((p) => p.name);

/**
 * The search body: the fields set on the node, completed from the `query` object (a field set on the node wins),
 * hashtags and cashtags without their # or $. At least one criterion, and text only with a stream.
 */
function prepareSearch(values: ParamValues): ParamValues {
  const merged: ParamValues = { ...values, query: undefined };
  const query = (values.query ?? {}) as Record<string, unknown>;
  if (Array.isArray(query)) throw inputError('message-search', 'query', text('runtime.errors.message-search.queryNotObject', { fields: SEARCH_NAMES.join(', ') }));
  for (const [name, raw] of Object.entries(query)) {
    const spec = SEARCH_FIELDS.find((p) => p.name.toLowerCase() === name.toLowerCase());
    if (!spec) throw inputError('message-search', 'query', text('runtime.errors.message-search.unknownField', { name: bounded(name, 80), fields: SEARCH_NAMES.join(', ') }));
    if (merged[spec.name] !== undefined || raw === undefined || raw === null || raw === '') continue;
    const result = normalise(spec, raw);
    if (!result.ok) throw inputError('message-search', 'query', text('runtime.errors.message-search.invalidField', { name: spec.name, error: result.error }));
    merged[spec.name] = result.value;
  }
  for (const [name, sign] of [['hashtag', '#'], ['cashtag', '$']] as const) {
    const tag = merged[name];
    if (typeof tag === 'string' && tag.startsWith(sign)) merged[name] = tag.slice(1);
  }
  if (typeof merged.streamId === 'string') merged.streamId = toUrlSafeStreamId(merged.streamId);
  if (SEARCH_NAMES.every((name) => merged[name] === undefined || merged[name] === '')) {
    throw inputError('message-search', 'query', text('runtime.errors.message-search.noCriterion', { fields: SEARCH_NAMES.join(', ') }));
  }
  if (merged.text !== undefined && merged.streamId === undefined) {
    throw inputError('message-search', 'streamId', text('runtime.errors.message-search.textNeedsStream'));
  }
  return merged;
}

/** The file id, given as such or as the attachment object of V4Message.attachments. */
function prepareDownload(values: ParamValues): ParamValues {
  if (values.fileId !== undefined) return values;
  const { id } = values.attachment as { id?: unknown };
  if (typeof id !== 'string' || id.trim() === '') {
    throw inputError('attachment-download', 'attachment', text('runtime.errors.attachment-download.noId'));
  }
  return { ...values, fileId: id.trim() };
}

/** The agent answers with a file as base64 text (attachments, DLP dictionaries and violation attachments). */
export function base64ToBuffer(answer: unknown): Buffer {
  if (Buffer.isBuffer(answer)) return Buffer.from(answer.toString('latin1').trim(), 'base64');
  return Buffer.from(typeof answer === 'string' ? answer.trim() : '', 'base64');
}

const agent = { area: 'messages', api: 'agent', oboPermissions: null, needsKeyManager: true, idempotent: true } as const;

export const messageReadingOperations: readonly OperationSpec[] = [
  {
    ...agent,
    type: 'symphony-message-get',
    id: 'message-get',
    method: 'GET',
    path: '/agent/v1/message/{id}',
    params: [messageId('path')],
    result: withParsedText,
  },
  {
    ...agent,
    type: 'symphony-message-list',
    id: 'message-list',
    method: 'GET',
    path: '/agent/v4/stream/{sid}/message',
    params: [
      streamIdIn('path', true),
      // A new node reads the last 24 hours.
      timestamp('since', 'query', { required: true, default: { value: '$millis() - 86400000', type: 'jsonata' } }),
      timestamp('until', 'query', { advanced: true }),
      skip,
      limit(500),
    ],
    paging: { style: 'skip-limit', items: '', maxPageSize: 500 },
    statusSummary: { show: 'count', text: 'messages' },
    emptyResult: [],
    result: parsedList,
  },
  {
    ...agent,
    type: 'symphony-message-search',
    id: 'message-search',
    method: 'POST',
    path: '/agent/v1/message/search',
    params: [
      ...SEARCH_FIELDS,
      { name: 'query', in: 'none', kind: 'json', types: JSON_TYPES, schema: { type: 'object' }, advanced: true },
      skip,
      limit(),
      { name: 'scope', in: 'query', kind: 'string', types: STRING_TYPES, schema: { minLength: 1 }, advanced: true },
      { name: 'sortDir', in: 'query', kind: 'enum', enum: ['ASC', 'DESC'], types: STRING_TYPES, advanced: true },
      // Lower case, as the spec writes them.
      { name: 'tier', in: 'query', kind: 'enum', enum: ['hot', 'warm', 'all'], types: STRING_TYPES, advanced: true },
    ],
    // The spec gives no maximum; 50 is its default page, which every agent serves.
    paging: { style: 'skip-limit', items: '', maxPageSize: 50 },
    statusSummary: { show: 'count', text: 'messages' },
    emptyResult: [],
    prepare: prepareSearch,
    result: parsedList,
  },
  {
    ...agent,
    type: 'symphony-attachment-download',
    id: 'attachment-download',
    method: 'GET',
    path: '/agent/v1/stream/{sid}/attachment',
    params: [
      streamIdIn('path', true),
      messageId('query'),
      { name: 'fileId', in: 'query', kind: 'string', types: STRING_TYPES, schema: { minLength: 1 } },
      { name: 'attachment', in: 'none', kind: 'json', types: JSON_TYPES, schema: { type: 'object' } },
    ],
    rules: [{ exactlyOneOf: ['fileId', 'attachment'] }],
    prepare: prepareDownload,
    // The file comes as base64 text, typed application/octet-stream.
    produces: 'application/octet-stream',
    result: base64ToBuffer,
    emptyResult: Buffer.alloc(0),
    // The file name, when the node was given the attachment object of a message.
    annotate: (values) => {
      const name = (values.attachment as { name?: unknown } | undefined)?.name;
      return typeof name === 'string' && name ? { filename: name } : {};
    },
  },
];
