/**
 * Request body schemas of the pod administration endpoints (information barriers, disclaimers, apps and their
 * entitlements, manifests, file extensions, URI protocols, SSO), written by hand from the Pod spec and compiled
 * once at module load. Use them with `check` from ./schemas, which turns the first failure into a 400 naming the field.
 */
import { ajv } from './ajv';
import type { ApplicationDetail, CompanyEntitlement, Product } from './state-apps';
import type { CertStatus, CertType } from './state-certificates';
import type { FileExtension, SsoConfiguration } from './state-pod-settings';

const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const appId = { type: 'string', minLength: 1, maxLength: 256 } as const;
const appName = { type: 'string', minLength: 1, maxLength: 50 } as const;

/** IntegerList of user ids; an empty list asks nothing. */
const userIdList = { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1 } } as const;

const stringId = { type: 'object', properties: { id: { type: 'string', minLength: 1 } }, required: ['id'], additionalProperties: false } as const;

const product = {
  type: 'object',
  properties: { appId, name: appName, sku: { type: 'string', minLength: 1, maxLength: 100 }, subscribed: bool, type: str },
  required: ['name', 'type', 'subscribed'],
  additionalProperties: false,
} as const;

const podAppEntitlementList = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    properties: { appId, appName, enable: bool, listed: bool, install: bool },
    required: ['appId', 'appName', 'enable', 'listed', 'install'],
    additionalProperties: false,
  },
} as const;

export interface UserAppEntitlement { appId: string; appName?: string; listed: boolean; install: boolean; products?: Product[] }
const userAppEntitlementList = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    properties: { appId, appName, listed: bool, install: bool, products: { type: 'array', items: product } },
    required: ['appId', 'listed', 'install'],
    additionalProperties: false,
  },
} as const;

export type PatchFlag = 'TRUE' | 'FALSE' | 'KEEP' | 'REMOVE';
export interface UserAppEntitlementPatch { appId: string; listed?: PatchFlag; install?: PatchFlag; product?: Product }
const flag = { type: 'string', enum: ['TRUE', 'FALSE', 'KEEP', 'REMOVE'] } as const;
const userAppEntitlementsPatchList = {
  type: 'array',
  minItems: 1,
  items: { type: 'object', properties: { appId, listed: flag, install: flag, product }, required: ['appId'], additionalProperties: false },
} as const;

const appKey = {
  type: 'object', properties: { key: str, expirationDate: { type: 'integer' }, action: str }, additionalProperties: false,
} as const;
const applicationDetail = {
  type: 'object',
  properties: {
    applicationInfo: {
      type: 'object',
      properties: { appId, name: str, appUrl: str, domain: str, publisher: str },
      additionalProperties: false,
    },
    iconUrl: str,
    description: str,
    allowOrigins: str,
    // Known or custom permissions: upper case letters, digits and underscores, at most 64 characters.
    permissions: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Z0-9_]+$' } },
    cert: str,
    authenticationKeys: { type: 'object', properties: { current: appKey, previous: appKey }, additionalProperties: false },
    notification: { type: 'object', properties: { url: str, apiKey: str }, additionalProperties: false },
    properties: {
      type: 'array',
      items: {
        type: 'object',
        properties: { key: { type: 'string', minLength: 1, maxLength: 1024 }, value: { type: 'string', maxLength: 4096 } },
        required: ['key', 'value'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

const serviceAccountManifest = {
  type: 'object', properties: { manifest: { type: 'string', maxLength: 6144 } }, required: ['manifest'], additionalProperties: false,
} as const;

const fileExtension = {
  type: 'object',
  properties: {
    extension: { type: 'string', minLength: 1 }, scope_internal: bool, scope_external: bool, scope_xpod: bool,
    source: { type: 'string', enum: ['SYSTEM', 'CUSTOMER'] },
  },
  required: ['extension'],
  additionalProperties: false,
} as const;

const protocol = { type: 'object', properties: { scheme: { type: 'string', minLength: 1 } }, required: ['scheme'], additionalProperties: false } as const;

const ssoConfiguration = {
  type: 'object',
  properties: {
    ssoEnabled: bool, idpEntityId: str, idpSsoEndpoint: str, idpSigningCertificate: str, symphonyAcsUrl: str, symphonyEntityId: str,
    forceAuthn: bool,
  },
  additionalProperties: false,
} as const;

const certType = {
  type: 'object', properties: { type: { type: 'string', enum: ['USERSIGNING', 'USER', 'OPERATIONSSIGNING', 'OPERATIONSUSER'] } }, required: ['type'],
  additionalProperties: false,
} as const;
const certStatus = {
  type: 'object', properties: { type: { type: 'string', enum: ['TRUSTED', 'KNOWN', 'REVOKED', 'DISABLED'] } }, required: ['type'],
  additionalProperties: false,
} as const;
export interface CompanyCertAttributes { name?: string; type?: { type: CertType }; status?: { type: CertStatus } }
const companyCertAttributes = {
  type: 'object', properties: { name: { type: 'string', minLength: 1 }, type: certType, status: certStatus }, additionalProperties: false,
} as const;
const companyCert = {
  type: 'object', properties: { pem: { type: 'string', minLength: 1 }, attributes: companyCertAttributes }, required: ['pem'], additionalProperties: false,
} as const;
const companyCertTypeList = { type: 'array', minItems: 1, items: certType } as const;

export const adminValidators = {
  userIdList: ajv.compile<number[]>(userIdList),
  stringId: ajv.compile<{ id: string }>(stringId),
  podAppEntitlementList: ajv.compile<CompanyEntitlement[]>(podAppEntitlementList),
  userAppEntitlementList: ajv.compile<UserAppEntitlement[]>(userAppEntitlementList),
  userAppEntitlementsPatchList: ajv.compile<UserAppEntitlementPatch[]>(userAppEntitlementsPatchList),
  applicationDetail: ajv.compile<ApplicationDetail>(applicationDetail),
  serviceAccountManifest: ajv.compile<{ manifest: string }>(serviceAccountManifest),
  fileExtension: ajv.compile<FileExtension>(fileExtension),
  protocol: ajv.compile<{ scheme: string }>(protocol),
  ssoConfiguration: ajv.compile<SsoConfiguration>(ssoConfiguration),
  companyCert: ajv.compile<{ pem: string; attributes?: CompanyCertAttributes }>(companyCert),
  companyCertAttributes: ajv.compile<CompanyCertAttributes>(companyCertAttributes),
  companyCertTypeList: ajv.compile<Array<{ type: CertType }>>(companyCertTypeList),
};
