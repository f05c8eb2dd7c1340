/**
 * Request body schemas of the DLP endpoints (V3DLPPolicyRequest, the dictionary metadata requests), written by hand
 * from the Agent spec and compiled once. Bodies are checked with `check` from ./schemas (a 400 naming the field);
 * what JSON schema says badly (which config goes with which rule type) is checked in api/dlp-policies.ts.
 */
import { ajv } from './ajv';
import type { AppliesTo, DictionaryType, DlpScope } from './state-dlp';

export const RULE_TYPES = ['UNKNOWN', 'TEXT_MATCH', 'FILE_EXTENSION', 'FILE_SIZE', 'FILE_PASSWORD', 'FILE_CLASSIFIER'] as const;
export const FILE_TYPES = ['PDF', 'WORD', 'EXCEL', 'POWERPOINT', 'ZIP', 'CSV', 'TXT'] as const;
/** The configuration property each rule type takes (V3DLPRule: exactly one of them). */
export const RULE_CONFIGS: Record<string, string> = {
  TEXT_MATCH: 'textMatchConfig',
  FILE_EXTENSION: 'fileExtensionConfig',
  FILE_SIZE: 'fileSizeConfig',
  FILE_PASSWORD: 'filePasswordConfig',
  FILE_CLASSIFIER: 'fileClassifierConfig',
};

const NAME = { type: 'string', minLength: 1, maxLength: 30, pattern: '\\S' } as const;
const FILE_TYPE_LIST = { type: 'array', items: { type: 'string', enum: FILE_TYPES } } as const;
const STRINGS = { type: 'array', items: { type: 'string' } } as const;

const rule = {
  type: 'object',
  required: ['name', 'type'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string', minLength: 1 },
    type: { type: 'string', enum: RULE_TYPES },
    textMatchConfig: {
      type: 'object',
      required: ['dictionaries', 'applicableFileTypes'],
      properties: {
        dictionaries: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['dictId', 'name', 'version'],
            properties: { dictId: { type: 'string', minLength: 1 }, name: { type: 'string' }, version: { type: 'string' } },
          },
        },
        countUniqueOccurrences: { type: 'integer', minimum: 1 },
        applicableFileTypes: FILE_TYPE_LIST,
      },
    },
    fileSizeConfig: { type: 'object', properties: { sizeLimit: { type: 'integer', minimum: 1 } } },
    fileExtensionConfig: { type: 'object', required: ['allowLists', 'blockLists'], properties: { allowLists: STRINGS, blockLists: STRINGS } },
    filePasswordConfig: {
      type: 'object',
      required: ['applicableFileTypes', 'matchCriteria'],
      properties: { applicableFileTypes: FILE_TYPE_LIST, matchCriteria: { type: 'string', enum: ['PASSWORD_PROTECTED', 'NOT_PASSWORD_PROTECTED'] } },
    },
    fileClassifierConfig: {
      type: 'object',
      required: ['applicableFileTypes', 'classifiers'],
      properties: {
        applicableFileTypes: FILE_TYPE_LIST,
        classifiers: { type: 'object', maxProperties: 30, additionalProperties: { type: 'string', minLength: 1, maxLength: 30 } },
      },
    },
  },
} as const;

export interface PolicyRequest {
  name: string;
  scopes: DlpScope[];
  appliesTo: AppliesTo[];
}
const policyRequest = {
  type: 'object',
  required: ['name', 'scopes', 'appliesTo'],
  properties: {
    name: NAME,
    scopes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: ['Internal', 'External'] } },
    appliesTo: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['dataType', 'action', 'rules'],
        properties: {
          dataType: { type: 'string', enum: ['Messages', 'RoomMeta', 'SignalMeta', 'FileContent', 'FileMeta'] },
          action: { type: 'string', enum: ['Block', 'Warn', 'LogOnly'] },
          rules: { type: 'array', minItems: 1, items: rule },
        },
      },
    },
  },
} as const;

/** V1DLPDictionaryMetadataCreateRequest. */
export interface DictionaryCreate { name: string; type: DictionaryType }
const dictionaryCreate = {
  type: 'object',
  required: ['name', 'type'],
  properties: { name: NAME, type: { type: 'string', enum: ['Word', 'Regex'] } },
} as const;

/** V1DLPDictionaryMetadataUpdateRequest: only the name can change. */
export interface DictionaryUpdate { name: string }
const dictionaryUpdate = { type: 'object', required: ['name'], properties: { name: NAME } } as const;

export const dlpValidators = {
  policyRequest: ajv.compile<PolicyRequest>(policyRequest),
  dictionaryCreate: ajv.compile<DictionaryCreate>(dictionaryCreate),
  dictionaryUpdate: ajv.compile<DictionaryUpdate>(dictionaryUpdate),
};
