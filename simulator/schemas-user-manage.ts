/**
 * Request body schemas of the user-management, message-administration and agent utility endpoints, written by hand
 * from the spec (UserFilter, UserSuspension, AvatarUpdate, DelegateAction, SimpleMessage, MessageIds,
 * SemanticSearchQuery), compiled once at module load. Use them with `check` from ./schemas, which turns the first
 * failure into a 400 naming the field.
 */
import { ajv } from './ajv';

const str = { type: 'string' } as const;

export interface UserFilter { role?: string; feature?: string; status?: 'ENABLED' | 'DISABLED' }
// Unknown properties are refused, so a misspelt criterion is named rather than silently matching everyone.
const userFilter = {
  type: 'object',
  properties: { role: str, feature: str, status: { type: 'string', enum: ['ENABLED', 'DISABLED'] } },
  additionalProperties: false,
} as const;

export interface UserSuspension { suspended: boolean; suspendedUntil?: number; suspensionReason?: string }
// The spec marks nothing required; a suspension update that does not say suspended or not means nothing.
const userSuspension = {
  type: 'object',
  properties: { suspended: { type: 'boolean' }, suspendedUntil: { type: 'integer', minimum: 0 }, suspensionReason: str },
  required: ['suspended'],
  additionalProperties: false,
} as const;

export interface AvatarUpdate { image: string }
const avatarUpdate = {
  type: 'object', properties: { image: { type: 'string', minLength: 1 } }, required: ['image'], additionalProperties: false,
} as const;

export interface DelegateAction { userId: number; action: 'ADD' | 'REMOVE' }
const delegateAction = {
  type: 'object',
  properties: { userId: { type: 'integer', minimum: 1 }, action: { type: 'string', enum: ['ADD', 'REMOVE'] } },
  required: ['userId', 'action'],
  additionalProperties: false,
} as const;

export interface SimpleMessage { message: string }
const simpleMessage = {
  type: 'object', properties: { message: str }, required: ['message'], additionalProperties: false,
} as const;

export const userManageValidators = {
  userFilter: ajv.compile<UserFilter>(userFilter),
  userSuspension: ajv.compile<UserSuspension>(userSuspension),
  avatarUpdate: ajv.compile<AvatarUpdate>(avatarUpdate),
  delegateAction: ajv.compile<DelegateAction>(delegateAction),
  simpleMessage: ajv.compile<SimpleMessage>(simpleMessage),
};

/** Pod MessageIds (admin message details): at least one id. */
export interface MessageIds { messageIds: string[] }
const messageIds = {
  type: 'object',
  properties: { messageIds: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
  required: ['messageIds'],
  additionalProperties: false,
} as const;

/** Agent SemanticSearchQuery; the simulator needs the text to search for. */
export interface SemanticSearchQuery { text: string; threadId?: string }
const semanticSearchQuery = {
  type: 'object',
  properties: { text: { type: 'string', minLength: 1 }, threadId: { type: 'string', minLength: 1 } },
  required: ['text'],
  additionalProperties: false,
} as const;

export const messageAdminValidators = {
  messageIds: ajv.compile<MessageIds>(messageIds),
  semanticSearchQuery: ajv.compile<SemanticSearchQuery>(semanticSearchQuery),
};

/** Agent V4ImportedMessage (one of a V4MessageImportList). */
export interface ImportedMessage {
  message: string;
  data?: string;
  intendedMessageTimestamp: number;
  intendedMessageFromUserId: number;
  originatingSystemId: string;
  originalMessageId?: string;
  streamId: string;
  attachments?: Array<{ filename?: string; content?: string }>;
  previews?: Array<{ filename?: string; content?: string }>;
}
const importedFile = {
  type: 'array', items: { type: 'object', properties: { filename: str, content: str }, additionalProperties: false },
} as const;
const importList = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    properties: {
      message: { type: 'string', minLength: 1 }, data: str, intendedMessageTimestamp: { type: 'integer', minimum: 0 },
      intendedMessageFromUserId: { type: 'integer', minimum: 1 }, originatingSystemId: { type: 'string', minLength: 1 },
      originalMessageId: str, streamId: { type: 'string', minLength: 1 }, attachments: importedFile, previews: importedFile,
    },
    required: ['message', 'intendedMessageTimestamp', 'intendedMessageFromUserId', 'originatingSystemId', 'streamId'],
    additionalProperties: false,
  },
} as const;
export const importValidators = { importList: ajv.compile<ImportedMessage[]>(importList) };
