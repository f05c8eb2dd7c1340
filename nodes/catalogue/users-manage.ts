/**
 * More user administration (the bot needs an admin role such as User Provisioning; none is OBO-enabled): find
 * users by role, feature or status, suspend and unsuspend, avatars, delegates, and the pod-wide lists the other
 * admin nodes take names from (feature names, languages). Texts in ops-users-manage.json.
 */
import { inputError } from '../runtime/core/errors';
import { text as message } from '../runtime/core/i18n';
import type { AttachmentSource } from '../runtime/operations/normalise';
import { SOURCE_SCHEMA, readSource } from './attachment-files';
import type { OperationSpec, ParamSpec, ParamValues } from './types';
import { BOOLEAN, INTEGER, JSON_VALUE, TEXT, USER_ID_IN_PATH, defined, skipLimit } from './users-fields';

function adminEntry(entry: Omit<OperationSpec, 'type' | 'area' | 'api' | 'oboPermissions'>): OperationSpec {
  return { ...entry, type: `symphony-${entry.id}`, area: 'users', api: 'pod', oboPermissions: null };
}

/** The pod refuses an avatar image of 2 MB or more (AvatarUpdate). */
const MAX_AVATAR_BYTES = 2 * 1024 * 1024;

/** The picture (a Buffer, or the path of a file, read now) as the base64 text the API takes. */
async function prepareAvatar(values: ParamValues): Promise<ParamValues> {
  const sources = values.image as AttachmentSource[];
  if (sources.length !== 1) throw inputError('user-avatar-update', 'image', message('runtime.errors.user-avatar-update.oneImage', { count: sources.length }));
  const content = await readSource('user-avatar-update', 'image', sources[0]!);
  if (content.length === 0) throw inputError('user-avatar-update', 'image', message('runtime.errors.user-avatar-update.empty'));
  if (content.length >= MAX_AVATAR_BYTES) throw inputError('user-avatar-update', 'image', message('runtime.errors.user-avatar-update.tooLarge', { bytes: content.length }));
  return { ...values, image: content.toString('base64') };
}

const userFilterField = (name: string, extra: Partial<ParamSpec> = {}): ParamSpec =>
  ({ name, in: 'none', kind: 'string', schema: { minLength: 1 }, types: TEXT, ...extra });

export const usersManageOperations: readonly OperationSpec[] = [
  adminEntry({
    id: 'users-find',
    method: 'POST',
    path: '/pod/v1/admin/user/find',
    params: [
      userFilterField('role'),
      userFilterField('feature'),
      // Not named `status`: the editor keeps a node's status dot in that property.
      userFilterField('accountStatus', { kind: 'enum', enum: ['ENABLED', 'DISABLED'] }),
      { name: 'filter', in: 'body-root', kind: 'json', schema: { type: 'object' }, types: JSON_VALUE, advanced: true },
      ...skipLimit(1000),
    ],
    paging: { style: 'skip-limit', items: '', maxPageSize: 1000 },
    idempotent: true,
    emptyResult: [],
    // UserFilter is the body, always sent (the spec requires one): an empty filter finds every user.
    prepare: (values) => {
      const { role, feature, accountStatus, filter, ...rest } = values;
      return { ...rest, filter: { ...(filter as Record<string, unknown> | undefined), ...defined({ role, feature, status: accountStatus }) } };
    },
  }),
  adminEntry({
    id: 'user-suspension-update',
    method: 'PUT',
    path: '/pod/v1/admin/user/{userId}/suspension/update',
    params: [
      { name: 'userId', in: 'path', kind: 'id', idOf: 'user', required: true, types: TEXT },
      // Yes suspends, no lifts the suspension: one node for both, as the API has one call.
      { name: 'suspended', in: 'body', kind: 'boolean', required: true, types: BOOLEAN, default: { value: 'true', type: 'bool' } },
      { name: 'suspendedUntil', in: 'body', kind: 'integer', schema: { minimum: 0 }, types: INTEGER },
      { name: 'suspensionReason', in: 'body', kind: 'string', schema: { minLength: 1 }, types: TEXT },
    ],
    idempotent: true,
  }),
  adminEntry({
    id: 'user-avatar-get',
    method: 'GET',
    path: '/pod/v1/admin/user/{uid}/avatar',
    params: [USER_ID_IN_PATH],
    idempotent: true,
  }),
  adminEntry({
    id: 'user-avatar-update',
    method: 'POST',
    path: '/pod/v1/admin/user/{uid}/avatar/update',
    params: [
      USER_ID_IN_PATH,
      // A Buffer (from a file-in node) or a file path; prepare reads and encodes it.
      { name: 'image', in: 'body', kind: 'attachments', schema: SOURCE_SCHEMA, required: true, types: ['msg', 'str', 'flow', 'global'], default: { value: 'payload', type: 'msg' } },
    ],
    idempotent: true,
    prepare: prepareAvatar,
  }),
  adminEntry({
    id: 'user-delegates-get',
    method: 'GET',
    path: '/pod/v1/admin/user/{uid}/delegates',
    params: [USER_ID_IN_PATH],
    idempotent: true,
    emptyResult: [],
  }),
  adminEntry({
    id: 'user-delegates-update',
    method: 'POST',
    path: '/pod/v1/admin/user/{uid}/delegates/update',
    params: [
      USER_ID_IN_PATH,
      { name: 'delegateId', in: 'body', wireName: 'userId', kind: 'id', idOf: 'user', required: true, types: TEXT },
      { name: 'action', in: 'body', kind: 'enum', enum: ['ADD', 'REMOVE'], required: true, types: TEXT, default: { value: 'ADD', type: 'str' } },
    ],
    // Adding a delegate twice, or removing one already gone, leaves the same delegates.
    idempotent: true,
  }),
  adminEntry({
    id: 'features-list',
    method: 'GET',
    path: '/pod/v1/admin/system/features/list',
    params: [],
    idempotent: true,
  }),
  adminEntry({
    id: 'languages-list',
    method: 'GET',
    path: '/pod/v1/languages',
    params: [],
    idempotent: true,
  }),
];
