/**
 * Request body schemas of the presence area, written by hand from the Pod spec (V2UserPresence, the deprecated
 * v1 Presence, UserIdList), compiled once at module load. Use them with `check` from ./schemas (a 400 naming
 * the field). V2PresenceStatus (POST /pod/v2/user/presence) stays in ./schemas.
 */
import { type JSONSchemaType } from 'ajv';
import { ajv } from './ajv';
import { PRESENCE_CATEGORIES, type PresenceCategory } from './model';


/** The categories the deprecated v1 Presence knows (IN_A_MEETING, OUT_OF_OFFICE and OFF_WORK came with v2). */
export const V1_PRESENCE_CATEGORIES = [
  'UNDEFINED', 'AVAILABLE', 'BUSY', 'DO_NOT_DISTURB', 'ON_THE_PHONE', 'BE_RIGHT_BACK', 'AWAY', 'OFFLINE',
] as const satisfies readonly PresenceCategory[];
export type V1PresenceCategory = typeof V1_PRESENCE_CATEGORIES[number];

/** V2UserPresence (POST /pod/v3/user/presence): the spec requires the category; the user is needed too. */
export interface UserPresence { category: PresenceCategory; userId: number }
const userPresence: JSONSchemaType<UserPresence> = {
  type: 'object',
  properties: {
    category: { type: 'string', enum: [...PRESENCE_CATEGORIES] },
    userId: { type: 'integer', minimum: 1 },
  },
  required: ['category', 'userId'],
};

/** Deprecated Presence (POST /pod/v1/user/presence). */
export interface V1Presence { category: V1PresenceCategory }
const v1Presence: JSONSchemaType<V1Presence> = {
  type: 'object',
  properties: { category: { type: 'string', enum: [...V1_PRESENCE_CATEGORIES] } },
  required: ['category'],
};

/** UserIdList (POST /pod/v1/user/presence/register). */
const uidList: JSONSchemaType<number[]> = { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1 } };

export const presenceValidators = {
  userPresence: ajv.compile(userPresence),
  v1Presence: ajv.compile(v1Presence),
  uidList: ajv.compile(uidList),
};
