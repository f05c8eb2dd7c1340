/**
 * Request body schemas of the users area, written by hand from the Pod spec (UserSearchQuery, V2UserCreate,
 * V2UserAttributes, FeatureList, StringId, UserStatus, FollowersList), compiled once at module load. Use them
 * with `check` from ./schemas, which turns the first failure into a 400 naming the field.
 */
import { ajv } from './ajv';
import type { UserExtras } from './state-users';


const str = { type: 'string' } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;
const userId = { type: 'integer', minimum: 1 } as const;

export interface UserSearchFilter {
  accountTypes?: string[];
  title?: string;
  company?: string;
  location?: string;
  marketCoverage?: string;
  responsibility?: string;
  function?: string;
  instrument?: string;
}
export interface UserSearchQuery { query: string; filters?: UserSearchFilter }

// The spec marks nothing required; the pod refuses a search without a term, and so does the simulator.
const userSearchQuery = {
  type: 'object',
  properties: {
    query: { type: 'string', minLength: 1 },
    filters: {
      type: 'object',
      properties: {
        accountTypes: strings, title: str, company: str, location: str, marketCoverage: str, responsibility: str,
        function: str, instrument: str,
      },
      additionalProperties: false,
    },
  },
  required: ['query'],
  additionalProperties: false,
} as const;

export type AccountType = 'NORMAL' | 'SYSTEM' | 'SDL';

export interface V2UserAttributes extends UserExtras {
  emailAddress?: string;
  firstName?: string;
  lastName?: string;
  userName?: string;
  displayName?: string;
  companyName?: string;
  department?: string;
  title?: string;
  accountType?: AccountType;
  location?: string;
  previousKey?: { key?: string; expirationDate?: number; action?: string };
}

const userKey = {
  type: 'object',
  properties: { key: str, expirationDate: { type: 'integer' }, action: str },
  additionalProperties: false,
} as const;

/** Unknown attributes are refused, so a misspelt one (username for userName) is named rather than dropped. */
const userAttributesProperties = {
  emailAddress: str, firstName: str, lastName: str, userName: str, displayName: str, companyName: str, department: str,
  division: str, title: str, workPhoneNumber: str, mobilePhoneNumber: str, twoFactorAuthPhone: str, smsNumber: str,
  accountType: { type: 'string', enum: ['NORMAL', 'SYSTEM', 'SDL'] }, location: str, recommendedLanguage: str,
  jobFunction: str, assetClasses: strings, industries: strings, marketCoverage: strings, responsibility: strings,
  function: strings, instrument: strings, currentKey: userKey, previousKey: userKey, userMetadata: { type: 'object' },
} as const;

const v2UserAttributes = {
  type: 'object', properties: userAttributesProperties, additionalProperties: false, minProperties: 1,
} as const;

export interface V2UserCreate {
  userAttributes: V2UserAttributes & { emailAddress: string; userName: string; displayName: string; accountType: AccountType };
  password?: { hSalt?: string; hPassword?: string; khSalt?: string; khPassword?: string };
  roles?: string[];
}

const v2UserCreate = {
  type: 'object',
  properties: {
    userAttributes: {
      type: 'object',
      properties: userAttributesProperties,
      // The pod needs these to create anyone; NORMAL users also need first and last names (checked in the handler).
      required: ['emailAddress', 'userName', 'displayName', 'accountType'],
      additionalProperties: false,
    },
    password: {
      type: 'object',
      properties: { hSalt: str, hPassword: str, khSalt: str, khPassword: str },
      additionalProperties: false,
    },
    roles: strings,
  },
  required: ['userAttributes'],
  additionalProperties: false,
} as const;

export interface Feature { entitlment: string; enabled: boolean }

// "entitlment" is the spec's spelling.
const featureList = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    properties: { entitlment: { type: 'string', minLength: 1 }, enabled: { type: 'boolean' } },
    required: ['entitlment', 'enabled'],
    additionalProperties: false,
  },
} as const;

export interface StringId { id: string }
const stringId = {
  type: 'object', properties: { id: { type: 'string', minLength: 1 } }, required: ['id'], additionalProperties: false,
} as const;

export interface UserStatus {
  status: 'ENABLED' | 'DISABLED';
  suspended?: boolean;
  suspendedUntil?: number;
  suspensionReason?: string;
}
const userStatus = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ENABLED', 'DISABLED'] },
    suspended: { type: 'boolean' },
    suspendedUntil: { type: 'integer', minimum: 0 },
    suspensionReason: str,
  },
  required: ['status'],
  additionalProperties: false,
} as const;

export interface FollowersList { followers: number[] }
const followersList = {
  type: 'object',
  properties: { followers: { type: 'array', minItems: 1, items: userId } },
  required: ['followers'],
  additionalProperties: false,
} as const;

export const userValidators = {
  userSearchQuery: ajv.compile<UserSearchQuery>(userSearchQuery),
  v2UserCreate: ajv.compile<V2UserCreate>(v2UserCreate),
  v2UserAttributes: ajv.compile<V2UserAttributes>(v2UserAttributes),
  featureList: ajv.compile<Feature[]>(featureList),
  stringId: ajv.compile<StringId>(stringId),
  userStatus: ajv.compile<UserStatus>(userStatus),
  followersList: ajv.compile<FollowersList>(followersList),
};
