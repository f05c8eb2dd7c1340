/**
 * App entitlements: which apps the company offers, and each user's (listed in the app store, installed, products).
 * Texts in ops-entitlements.json.
 */
import { podAdminEntry } from './admin-entry';
import type { JsonSchema, OperationSpec, ParamSpec, ParamValues } from './types';
import { JSON_VALUE, TEXT, USER_ID_IN_PATH, defined } from './users-fields';

const APP_ID = { type: 'string', minLength: 1, maxLength: 256 } as const;
const APP_NAME = { type: 'string', minLength: 1, maxLength: 50 } as const;

/** The spec's Product. */
const PRODUCT: JsonSchema = {
  type: 'object',
  required: ['name', 'type', 'subscribed'],
  properties: {
    appId: APP_ID, name: APP_NAME, sku: { type: 'string', minLength: 1, maxLength: 100 }, subscribed: { type: 'boolean' }, type: { type: 'string' },
  },
};

/** A whole list of the spec's PodAppEntitlement: what the company-wide update sends. */
const COMPANY_LIST: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['appId', 'appName', 'enable', 'listed', 'install'],
    properties: { appId: APP_ID, appName: APP_NAME, enable: { type: 'boolean' }, listed: { type: 'boolean' }, install: { type: 'boolean' } },
  },
};

/** A whole list of the spec's UserAppEntitlement: what the per-user replace sends. */
const USER_LIST: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['appId', 'listed', 'install'],
    properties: {
      appId: APP_ID, appName: APP_NAME, listed: { type: 'boolean' }, install: { type: 'boolean' }, products: { type: 'array', items: PRODUCT },
    },
  },
};

/** A new node reads the list from msg.entitlements. */
const FROM_MSG = { value: 'entitlements', type: 'msg' } as const;

/** TRUE/FALSE set the flag for the user, KEEP leaves it, REMOVE drops the user's own value (back to the company's). */
const PATCH_FLAG = ['TRUE', 'FALSE', 'KEEP', 'REMOVE'] as const;
const patchFlag = (name: string): ParamSpec => ({ name, in: 'none', kind: 'enum', enum: PATCH_FLAG, types: TEXT });

/** The named fields make the first patch of the body's list; `patches` holds any more. */
function patchList(values: ParamValues): ParamValues {
  const first = defined({ appId: values.appId, listed: values.listed, install: values.install, product: values.product });
  return { ...values, patches: [first, ...((values.patches as unknown[] | undefined) ?? [])] };
}

export const entitlementOperations: readonly OperationSpec[] = [
  podAdminEntry('apps', {
    id: 'app-entitlements-list',
    method: 'GET',
    path: '/pod/v1/admin/app/entitlement/list',
    params: [],
    idempotent: true,
  }),
  podAdminEntry('apps', {
    id: 'app-entitlements-update',
    method: 'POST',
    path: '/pod/v1/admin/app/entitlement/list',
    params: [{ name: 'entitlements', in: 'body-root', kind: 'json', required: true, schema: COMPANY_LIST, types: JSON_VALUE, default: FROM_MSG }],
    idempotent: true,
  }),
  podAdminEntry('apps', {
    id: 'user-app-entitlements-list',
    method: 'GET',
    path: '/pod/v1/admin/user/{uid}/app/entitlement/list',
    params: [USER_ID_IN_PATH],
    idempotent: true,
  }),
  podAdminEntry('apps', {
    id: 'user-app-entitlements-replace',
    method: 'POST',
    path: '/pod/v1/admin/user/{uid}/app/entitlement/list',
    params: [USER_ID_IN_PATH, { name: 'entitlements', in: 'body-root', kind: 'json', required: true, schema: USER_LIST, types: JSON_VALUE, default: FROM_MSG }],
    idempotent: true,
  }),
  podAdminEntry('apps', {
    id: 'user-app-entitlement-update',
    method: 'PATCH',
    path: '/pod/v1/admin/user/{uid}/app/entitlement/list',
    params: [
      USER_ID_IN_PATH,
      { name: 'appId', in: 'none', kind: 'string', required: true, schema: { minLength: 1, maxLength: 256 }, types: TEXT },
      patchFlag('listed'),
      patchFlag('install'),
      { name: 'product', in: 'none', kind: 'json', schema: PRODUCT, types: JSON_VALUE, advanced: true },
      {
        name: 'patches', in: 'body-root', kind: 'json', types: JSON_VALUE, advanced: true,
        schema: { type: 'array', items: { type: 'object', required: ['appId'], properties: { appId: APP_ID, listed: { enum: PATCH_FLAG }, install: { enum: PATCH_FLAG }, product: PRODUCT } } },
      },
    ],
    idempotent: true,
    prepare: patchList,
  }),
];
