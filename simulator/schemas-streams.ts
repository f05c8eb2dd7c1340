/**
 * Request bodies of the streams area (IMs, rooms, stream lists), written by hand from the pod spec and compiled
 * once at module load. Unknown properties are refused so a misspelt attribute is a 400 naming it, not a no-op.
 */
import { ajv } from './ajv';


const userIdSchema = { type: 'integer', minimum: 1 } as const;
const roomTag = {
  type: 'object',
  properties: { key: { type: 'string' }, value: { type: 'string' } },
  required: ['key', 'value'],
  additionalProperties: false,
} as const;

export interface RoomTag { key: string; value: string }

/** Pod V3RoomAttributes (room create and update). */
export interface V3RoomAttributes {
  name?: string;
  keywords?: RoomTag[];
  description?: string;
  membersCanInvite?: boolean;
  discoverable?: boolean;
  public?: boolean;
  readOnly?: boolean;
  copyProtected?: boolean;
  crossPod?: boolean;
  viewHistory?: boolean;
  multiLateralRoom?: boolean;
  scheduledMeeting?: boolean;
  subType?: string;
  pinnedMessageId?: string;
  groupChat?: boolean;
}
export const BOOLEAN_ATTRIBUTES = [
  'membersCanInvite', 'discoverable', 'public', 'readOnly', 'copyProtected', 'crossPod', 'viewHistory', 'multiLateralRoom',
  'scheduledMeeting', 'groupChat',
] as const;
export type BooleanRoomAttribute = typeof BOOLEAN_ATTRIBUTES[number];

const v3RoomAttributes = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    keywords: { type: 'array', items: roomTag },
    description: { type: 'string' },
    ...Object.fromEntries(BOOLEAN_ATTRIBUTES.map((name) => [name, { type: 'boolean' }])),
    subType: { type: 'string' },
    pinnedMessageId: { type: 'string' },
  },
  additionalProperties: false,
} as const;

/** Pod UserId (room membership changes). */
export interface UserIdBody { id: number }
const userIdBody = { type: 'object', properties: { id: userIdSchema }, required: ['id'], additionalProperties: false } as const;

/** Pod V1IMAttributes (IM update). */
export interface V1IMAttributes { pinnedMessageId?: string }
const v1ImAttributes = { type: 'object', properties: { pinnedMessageId: { type: 'string' } }, additionalProperties: false } as const;

/** Pod V2RoomSearchCriteria (RoomSearchCriteria plus subType). */
export interface RoomSearchCriteria {
  query: string;
  labels?: string[];
  searchFields?: string[];
  active?: boolean;
  private?: boolean;
  owner?: { id?: number };
  creator?: { id?: number };
  member?: { id?: number };
  sortOrder?: 'BASIC' | 'RELEVANCE';
  subType?: string;
}
const userRef = { type: 'object', properties: { id: userIdSchema }, additionalProperties: false } as const;
const roomSearchCriteria = {
  type: 'object',
  properties: {
    query: { type: 'string' },
    labels: { type: 'array', items: { type: 'string' } },
    searchFields: { type: 'array', items: { type: 'string', enum: ['name', 'description', 'keywords_key', 'keywords_value'] } },
    active: { type: 'boolean' },
    private: { type: 'boolean' },
    owner: userRef,
    creator: userRef,
    member: userRef,
    sortOrder: { type: 'string', enum: ['BASIC', 'RELEVANCE'] },
    subType: { type: 'string', enum: ['EMAIL'] },
  },
  required: ['query'],
  additionalProperties: false,
} as const;

const streamTypeItem = (types: readonly string[]) => ({
  type: 'object', properties: { type: { type: 'string', enum: [...types] } }, required: ['type'], additionalProperties: false,
} as const);

/** Pod StreamFilter (list my streams). */
export interface StreamFilter {
  streamTypes?: Array<{ type: 'IM' | 'MIM' | 'ROOM' | 'POST' }>;
  includeInactiveStreams?: boolean;
}
const streamFilter = {
  type: 'object',
  properties: {
    streamTypes: { type: 'array', items: streamTypeItem(['IM', 'MIM', 'ROOM', 'POST']) },
    includeInactiveStreams: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

/** Pod V2AdminStreamFilter (admin list of every stream). */
export interface AdminStreamFilter {
  streamTypes?: Array<{ type: string }>;
  scope?: 'INTERNAL' | 'EXTERNAL';
  origin?: 'INTERNAL' | 'EXTERNAL';
  status?: 'ACTIVE' | 'INACTIVE';
  privacy?: 'PUBLIC' | 'PRIVATE';
  startDate?: number;
  endDate?: number;
}
const adminStreamFilter = {
  type: 'object',
  properties: {
    streamTypes: { type: 'array', items: streamTypeItem(['IM', 'MIM', 'ROOM', 'POST']) },
    scope: { type: 'string', enum: ['INTERNAL', 'EXTERNAL'] },
    origin: { type: 'string', enum: ['INTERNAL', 'EXTERNAL'] },
    status: { type: 'string', enum: ['ACTIVE', 'INACTIVE'] },
    privacy: { type: 'string', enum: ['PUBLIC', 'PRIVATE'] },
    startDate: { type: 'integer', minimum: 0 },
    endDate: { type: 'integer', minimum: 0 },
  },
  additionalProperties: false,
} as const;

export const streamValidators = {
  v3RoomAttributes: ajv.compile<V3RoomAttributes>(v3RoomAttributes),
  userId: ajv.compile<UserIdBody>(userIdBody),
  v1ImAttributes: ajv.compile<V1IMAttributes>(v1ImAttributes),
  roomSearchCriteria: ajv.compile<RoomSearchCriteria>(roomSearchCriteria),
  streamFilter: ajv.compile<StreamFilter>(streamFilter),
  adminStreamFilter: ajv.compile<AdminStreamFilter>(adminStreamFilter),
};
