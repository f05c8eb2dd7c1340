import { readSingleFile, singleFileParam } from './attachment-files';
import { base64ToBuffer } from './message-reading';
import type { OperationSpec, ParamSpec } from './types';

/**
 * Data loss prevention (Agent API): v3 policies and their dictionaries of words or patterns. Bot only (none is in
 * Symphony's OBO table); the bot's service account needs the Expression Filter Policy Management role. The v1
 * policy endpoints, which v3 supersedes, are not offered (README, "Operations not offered as nodes").
 */

const TEXT = ['str', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const INTEGER = ['num', 'str', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const LIST = ['str', 'json', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const JSON_VALUE = ['json', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;

/** The scopes a v3 policy applies to, as the spec spells them. */
export const DLP_SCOPES = ['Internal', 'External'] as const;
/** What a dictionary holds: words, or regular expressions. */
export const DICTIONARY_TYPES = ['Word', 'Regex'] as const;

/** Page number (from 0) and page size of the two DLP lists; the agent serves at most 50 a page. */
const pageParams: ParamSpec[] = [
  { name: 'page', in: 'query', kind: 'integer', schema: { minimum: 0 }, types: INTEGER, advanced: true },
  { name: 'limit', in: 'query', kind: 'integer', schema: { minimum: 1, maximum: 50 }, types: INTEGER, advanced: true },
];

const policyId: ParamSpec = { name: 'policyId', in: 'path', kind: 'string', required: true, types: TEXT, schema: { minLength: 1 } };
/** The spec calls the placeholder dictId; the node says dictionaryId like its label. */
const dictionaryId: ParamSpec = { name: 'dictionaryId', in: 'path', wireName: 'dictId', kind: 'string', required: true, types: TEXT, schema: { minLength: 1 } };
const version = (name: string, wireName: string): ParamSpec => ({ name, in: 'query', wireName, kind: 'string', types: TEXT, schema: { minLength: 1 }, advanced: true });

/** One V3DLPPolicyAppliesTo: what data the rules look at, what happens on a match, and the rules. */
const APPLIES_TO_ITEM = {
  type: 'object',
  required: ['dataType', 'action', 'rules'],
  properties: {
    dataType: { type: 'string', enum: ['Messages', 'RoomMeta', 'SignalMeta', 'FileContent', 'FileMeta'] },
    action: { type: 'string', enum: ['Block', 'Warn', 'LogOnly'] },
    rules: { type: 'array', minItems: 1, items: { type: 'object', required: ['name', 'type'], properties: { name: { type: 'string', minLength: 1 }, type: { type: 'string', minLength: 1 } } } },
  },
};

/** V3DLPPolicyRequest: create and update both send the whole policy. */
const policyFields: ParamSpec[] = [
  // `name` is the node's own name property, hence policyName.
  { name: 'policyName', in: 'body', wireName: 'name', kind: 'string', required: true, types: TEXT, schema: { minLength: 1, maxLength: 30 } },
  { name: 'scopes', in: 'body', kind: 'string-list', enum: DLP_SCOPES, required: true, types: LIST, schema: { minItems: 1 }, default: { value: 'Internal,External', type: 'str' } },
  {
    name: 'appliesTo', in: 'body', kind: 'json', required: true, types: JSON_VALUE, schema: { type: 'array', minItems: 1, items: APPLIES_TO_ITEM },
    default: { value: 'appliesTo', type: 'msg' },
  },
];

const dictionaryName: ParamSpec = { name: 'dictionaryName', in: 'body', wireName: 'name', kind: 'string', required: true, types: TEXT, schema: { minLength: 1, maxLength: 30 } };

const agent = { area: 'compliance', api: 'agent', oboPermissions: null, needsKeyManager: true } as const;

export const dlpOperations: readonly OperationSpec[] = [
  {
    ...agent,
    type: 'symphony-dlp-policy-list',
    id: 'dlp-policy-list',
    method: 'GET',
    path: '/agent/v3/dlp/policies',
    params: pageParams,
    paging: { style: 'page-number', items: 'policies', maxPageSize: 50, pageCountPath: 'pageCount' },
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-dlp-policy-create',
    id: 'dlp-policy-create',
    method: 'POST',
    path: '/agent/v3/dlp/policies',
    params: policyFields,
    idempotent: false,
  },
  {
    ...agent,
    type: 'symphony-dlp-policy-get',
    id: 'dlp-policy-get',
    method: 'GET',
    path: '/agent/v3/dlp/policies/{policyId}',
    params: [policyId, version('policyVersion', 'policyVersion')],
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-dlp-policy-update',
    id: 'dlp-policy-update',
    method: 'POST',
    path: '/agent/v3/dlp/policies/{policyId}/update',
    params: [policyId, ...policyFields],
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-dlp-policy-delete',
    id: 'dlp-policy-delete',
    method: 'POST',
    path: '/agent/v3/dlp/policies/{policyId}/delete',
    params: [policyId],
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-dlp-policy-enable',
    id: 'dlp-policy-enable',
    method: 'POST',
    path: '/agent/v3/dlp/policies/{policyId}/enable',
    params: [policyId],
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-dlp-policy-disable',
    id: 'dlp-policy-disable',
    method: 'POST',
    path: '/agent/v3/dlp/policies/{policyId}/disable',
    params: [policyId],
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-dlp-dictionary-list',
    id: 'dlp-dictionary-list',
    method: 'GET',
    path: '/agent/v1/dlp/dictionaries',
    params: pageParams,
    paging: { style: 'page-number', items: 'items', maxPageSize: 50, pageCountPath: 'pageCount' },
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-dlp-dictionary-create',
    id: 'dlp-dictionary-create',
    method: 'POST',
    path: '/agent/v1/dlp/dictionaries',
    params: [
      dictionaryName,
      { name: 'dictionaryType', in: 'body', wireName: 'type', kind: 'enum', enum: DICTIONARY_TYPES, required: true, types: TEXT, default: { value: 'Word', type: 'str' } },
    ],
    idempotent: false,
  },
  {
    ...agent,
    type: 'symphony-dlp-dictionary-get',
    id: 'dlp-dictionary-get',
    method: 'GET',
    path: '/agent/v1/dlp/dictionaries/{dictId}',
    params: [dictionaryId, version('dictionaryVersion', 'dictVersion')],
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-dlp-dictionary-update',
    id: 'dlp-dictionary-update',
    method: 'PUT',
    path: '/agent/v1/dlp/dictionaries/{dictId}',
    params: [dictionaryId, dictionaryName],
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-dlp-dictionary-delete',
    id: 'dlp-dictionary-delete',
    method: 'DELETE',
    path: '/agent/v1/dlp/dictionaries/{dictId}',
    params: [dictionaryId],
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-dlp-dictionary-download',
    id: 'dlp-dictionary-download',
    method: 'GET',
    path: '/agent/v1/dlp/dictionaries/{dictId}/data/download',
    params: [dictionaryId, version('dictionaryVersion', 'dictVersion')],
    // The content comes as base64 text, typed application/octet-stream.
    produces: 'application/octet-stream',
    result: base64ToBuffer,
    // An empty dictionary comes as an empty answer.
    emptyResult: Buffer.alloc(0),
    idempotent: true,
  },
  {
    ...agent,
    type: 'symphony-dlp-dictionary-upload',
    id: 'dlp-dictionary-upload',
    method: 'POST',
    path: '/agent/v1/dlp/dictionaries/{dictId}/data/upload',
    params: [dictionaryId, { ...singleFileParam('content', 'data'), default: { value: 'content', type: 'msg' } }],
    multipart: true,
    prepare: (values) => readSingleFile('dlp-dictionary-upload', 'content', values, 'dictionary.txt'),
    // The upload replaces the whole content: sending it again leaves the same dictionary.
    idempotent: true,
  },
];
