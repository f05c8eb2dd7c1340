/**
 * User administration (the bot needs an admin role such as User Provisioning; none of these is OBO-enabled) and
 * the privileged-user audit trail.
 */
import { inputError } from '../runtime/core/errors';
import { text as message } from '../runtime/core/i18n';
import { bounded } from '../runtime/operations/value-checks';
import type { OperationSpec, ParamSpec, ParamValues } from './types';
import { BOOLEAN, INTEGER, JSON_VALUE, LIST, TEXT, USER_ID_IN_PATH, cursorParams, defined, skipLimit } from './users-fields';

/** Roles whose privileged actions the audit trail can report (the spec's list). */
export const PRIVILEGED_ROLES = [
  'USER_PROVISIONING', 'CONTENT_MANAGEMENT', 'EF_POLICY_MANAGEMENT', 'SUPER_COMPLIANCE_OFFICER', 'COMPLIANCE_OFFICER',
  'SUPER_ADMINISTRATOR', 'ADMINISTRATOR', 'L1_SUPPORT', 'L2_SUPPORT', 'SCOPE_MANAGEMENT',
] as const;

const text = (name: string, extra: Partial<ParamSpec> = {}): ParamSpec =>
  ({ name, in: 'none', kind: 'string', schema: { minLength: 1 }, types: TEXT, ...extra });

/** The attribute fields both create and update offer; they go into the user attributes via `prepare`. */
const NAME_FIELDS = ['emailAddress', 'displayName', 'firstName', 'lastName'] as const;

/** The node's own fields win over the same keys in the Attributes JSON. */
function mergeAttributes(values: ParamValues, fields: Record<string, unknown>): Record<string, unknown> {
  return { ...(values.attributes as Record<string, unknown> | undefined), ...defined(fields) };
}

function adminEntry(entry: Omit<OperationSpec, 'type' | 'area' | 'api' | 'oboPermissions'>): OperationSpec {
  return { ...entry, type: `symphony-${entry.id}`, area: 'users', api: 'pod', oboPermissions: null };
}

/** A role add or remove: the role goes in the body as StringId { id }. */
function roleEntry(verb: 'add' | 'remove'): OperationSpec {
  return adminEntry({
    id: `user-role-${verb}`,
    method: 'POST',
    path: `/pod/v1/admin/user/{uid}/roles/${verb}`,
    params: [USER_ID_IN_PATH, { name: 'roleId', in: 'body', wireName: 'id', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT }],
    idempotent: true,
  });
}

export const usersAdminOperations: readonly OperationSpec[] = [
  adminEntry({
    id: 'users-list',
    method: 'GET',
    path: '/pod/v2/admin/user/list',
    params: skipLimit(1000),
    paging: { style: 'skip-limit', items: '', maxPageSize: 1000 },
    idempotent: true,
    statusSummary: { show: 'count', text: 'users' },
  }),
  adminEntry({
    id: 'user-details',
    method: 'GET',
    path: '/pod/v2/admin/user/{uid}',
    params: [USER_ID_IN_PATH],
    idempotent: true,
  }),
  adminEntry({
    id: 'user-create',
    method: 'POST',
    path: '/pod/v2/admin/user/create',
    params: [
      text('username', { required: true }),
      text('emailAddress', { required: true }),
      text('displayName', { required: true }),
      text('firstName'),
      text('lastName'),
      { name: 'accountType', in: 'none', kind: 'enum', enum: ['NORMAL', 'SYSTEM'], types: TEXT, default: { value: 'NORMAL', type: 'str' } },
      { name: 'roles', in: 'body', kind: 'string-list', types: LIST, advanced: true },
      { name: 'attributes', in: 'body', wireName: 'userAttributes', kind: 'json', schema: { type: 'object' }, types: JSON_VALUE, advanced: true },
      { name: 'password', in: 'body', kind: 'json', schema: { type: 'object' }, types: JSON_VALUE, advanced: true },
    ],
    // A second call would try to create the same user again.
    idempotent: false,
    prepare: (values) => ({
      ...values,
      attributes: mergeAttributes(values, {
        userName: values.username, accountType: values.accountType ?? 'NORMAL',
        ...Object.fromEntries(NAME_FIELDS.map((name) => [name, values[name]])),
      }),
    }),
  }),
  adminEntry({
    id: 'user-update',
    method: 'POST',
    path: '/pod/v2/admin/user/{uid}/update',
    params: [
      USER_ID_IN_PATH,
      text('displayName'),
      text('firstName'),
      text('lastName'),
      text('emailAddress'),
      text('title'),
      { name: 'attributes', in: 'body-root', kind: 'json', schema: { type: 'object' }, types: JSON_VALUE, advanced: true },
    ],
    idempotent: true,
    prepare: (values) => {
      const attributes = mergeAttributes(values, Object.fromEntries([...NAME_FIELDS, 'title'].map((name) => [name, values[name]])));
      if (Object.keys(attributes).length === 0) throw inputError('user-update', 'attributes', message('runtime.errors.user-update.noAttribute'));
      return { ...values, attributes };
    },
  }),
  adminEntry({
    id: 'user-features-list',
    method: 'GET',
    path: '/pod/v1/admin/user/{uid}/features',
    params: [USER_ID_IN_PATH],
    idempotent: true,
  }),
  adminEntry({
    id: 'user-features-update',
    method: 'POST',
    path: '/pod/v1/admin/user/{uid}/features/update',
    params: [
      USER_ID_IN_PATH,
      { name: 'features', in: 'body-root', kind: 'json', required: true, types: JSON_VALUE, default: { value: 'features', type: 'msg' } },
    ],
    idempotent: true,
    // { canCreatePublicRoom: false } is easier to write than the API's [{ entitlment, enabled }] list.
    prepare: (values) => {
      const features = values.features;
      if (Array.isArray(features)) {
        if (features.length === 0) throw inputError('user-features-update', 'features', message('runtime.errors.user-features-update.noFeature'));
        features.forEach((item: unknown, index) => {
          const { entitlment, enabled } = (item ?? {}) as { entitlment?: unknown; enabled?: unknown };
          const wellFormed = typeof item === 'object' && !Array.isArray(item) && typeof entitlment === 'string' && entitlment !== '' && typeof enabled === 'boolean'
            && Object.keys(item as object).length === 2;
          if (!wellFormed) throw inputError('user-features-update', 'features', message('runtime.errors.user-features-update.notFeature', { index }));
        });
        return values;
      }
      const entries = Object.entries(features as Record<string, unknown>);
      if (entries.length === 0) throw inputError('user-features-update', 'features', message('runtime.errors.user-features-update.noFeature'));
      const list = entries.map(([entitlment, enabled]) => {
        if (typeof enabled !== 'boolean') throw inputError('user-features-update', 'features', message('runtime.errors.user-features-update.notBoolean', { feature: bounded(entitlment, 80) }));
        return { entitlment, enabled };
      });
      return { ...values, features: list };
    },
  }),
  adminEntry({
    id: 'roles-list',
    method: 'GET',
    path: '/pod/v1/admin/system/roles/list',
    params: [],
    idempotent: true,
  }),
  roleEntry('add'),
  roleEntry('remove'),
  adminEntry({
    id: 'user-status-get',
    method: 'GET',
    path: '/pod/v1/admin/user/{uid}/status',
    params: [USER_ID_IN_PATH],
    idempotent: true,
  }),
  adminEntry({
    id: 'user-status-update',
    method: 'POST',
    path: '/pod/v1/admin/user/{uid}/status/update',
    params: [
      USER_ID_IN_PATH,
      // Not named `status`: the editor keeps a node's status dot in that property.
      { name: 'accountStatus', in: 'body', wireName: 'status', kind: 'enum', enum: ['ENABLED', 'DISABLED'], required: true, types: TEXT },
      { name: 'suspended', in: 'body', kind: 'boolean', types: BOOLEAN, advanced: true },
      { name: 'suspendedUntil', in: 'body', kind: 'integer', schema: { minimum: 0 }, types: INTEGER, advanced: true },
      { name: 'suspensionReason', in: 'body', kind: 'string', types: TEXT, advanced: true },
    ],
    idempotent: true,
  }),
  {
    type: 'symphony-user-audit-trail',
    id: 'user-audit-trail',
    area: 'users',
    api: 'agent',
    method: 'GET',
    path: '/agent/v1/audittrail/privilegeduser',
    params: [
      // A new node reads the last 24 hours.
      {
        name: 'startTimestamp', in: 'query', kind: 'integer', required: true, schema: { minimum: 0 }, types: INTEGER,
        default: { value: '$millis() - 86400000', type: 'jsonata' },
      },
      { name: 'endTimestamp', in: 'query', kind: 'integer', schema: { minimum: 0 }, types: INTEGER },
      { name: 'initiatorId', in: 'query', kind: 'id', idOf: 'user', types: TEXT, advanced: true },
      { name: 'role', in: 'query', kind: 'enum', enum: PRIVILEGED_ROLES, types: TEXT, advanced: true },
      ...cursorParams(500),
    ],
    oboPermissions: null,
    paging: { style: 'cursor', items: 'items', maxPageSize: 500, cursorPath: 'pagination.cursors.after' },
    idempotent: true,
    statusSummary: { show: 'count', text: 'entries' },
    needsKeyManager: true,
    emptyResult: { items: [] },
  },
];
