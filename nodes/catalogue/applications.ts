/**
 * Extension apps of the pod (create, update, delete, get: admin role required) and the bot's own service account
 * manifest (the commands it offers). Texts in ops-applications.json.
 */
import { inputError } from '../runtime/core/errors';
import { text as message } from '../runtime/core/i18n';
import { podAdminEntry } from './admin-entry';
import { withPemLines } from './pem';
import type { OperationSpec, ParamSpec, ParamValues } from './types';
import { JSON_VALUE, LIST, TEXT, defined } from './users-fields';

/** The spec's ServiceAccountManifest.manifest maxLength. */
export const MANIFEST_MAX_LENGTH = 6144;

const field = (name: string, extra: Partial<ParamSpec> = {}): ParamSpec =>
  ({ name, in: 'none', kind: 'string', schema: { minLength: 1 }, types: TEXT, ...extra });

/** ApplicationInfo fields, by node property (`name` is every node's own name, so the app's is `appName`). */
const INFO_FIELDS: Record<string, string> = { appId: 'appId', appName: 'name', appUrl: 'appUrl', domain: 'domain', publisher: 'publisher' };
/** ApplicationDetail fields set from a node field of the same name. */
const DETAIL_FIELDS = ['description', 'iconUrl', 'allowOrigins', 'permissions'] as const;

function detailFields(required: boolean): ParamSpec[] {
  return [
    field('appName', { required }),
    field('appUrl', { schema: { pattern: '^https://' } }),
    field('domain'),
    field('publisher', { advanced: true }),
    field('description'),
    field('iconUrl', { schema: { pattern: '^https://' }, advanced: true }),
    field('allowOrigins', { advanced: true }),
    { name: 'permissions', in: 'none', kind: 'string-list', types: LIST },
    field('publicKey', { advanced: true }),
    { name: 'details', in: 'body-root', kind: 'json', schema: { type: 'object' }, types: JSON_VALUE, advanced: true },
  ];
}

/**
 * The ApplicationDetail body: the advanced `details` JSON with the named fields laid over it (a named field wins).
 * An RSA public key becomes the app's current authentication key.
 */
function applicationDetail(operation: string, needSomething: boolean): (values: ParamValues) => ParamValues {
  return (values) => {
    const details = { ...(values.details as Record<string, unknown> | undefined) };
    const info = defined(Object.fromEntries(Object.entries(INFO_FIELDS).map(([prop, wire]) => [wire, values[prop]])));
    const own = defined(Object.fromEntries(DETAIL_FIELDS.map((name) => [name, values[name]])));
    if (values.publicKey !== undefined) {
      own.authenticationKeys = { ...(details.authenticationKeys as Record<string, unknown> | undefined), current: { key: withPemLines(String(values.publicKey)), action: 'SAVE' } };
    }
    const changes = Object.keys(info).length - (values.appId === undefined ? 0 : 1) + Object.keys(own).length;
    if (needSomething && changes === 0 && Object.keys(details).length === 0) {
      throw inputError(operation, 'details', message('runtime.errors.app-update.nothingToChange'));
    }
    return { ...values, details: { ...details, ...own, applicationInfo: { ...(details.applicationInfo as Record<string, unknown> | undefined), ...info } } };
  };
}

const APP_ID_IN_PATH: ParamSpec = { name: 'appId', in: 'path', wireName: 'id', kind: 'string', required: true, schema: { minLength: 1, maxLength: 256 }, types: TEXT };

export const applicationOperations: readonly OperationSpec[] = [
  podAdminEntry('apps', {
    id: 'app-create',
    method: 'POST',
    path: '/pod/v1/admin/app/create',
    params: [field('appId', { required: true, schema: { minLength: 1, maxLength: 256 } }), ...detailFields(true)],
    // A second call would try to create the same app again.
    idempotent: false,
    prepare: applicationDetail('app-create', false),
  }),
  podAdminEntry('apps', {
    id: 'app-update',
    method: 'POST',
    path: '/pod/v1/admin/app/{id}/update',
    params: [APP_ID_IN_PATH, ...detailFields(false)],
    idempotent: true,
    prepare: applicationDetail('app-update', true),
  }),
  podAdminEntry('apps', {
    id: 'app-get',
    method: 'GET',
    path: '/pod/v1/admin/app/{id}/get',
    params: [APP_ID_IN_PATH],
    idempotent: true,
  }),
  podAdminEntry('apps', {
    id: 'app-delete',
    method: 'POST',
    path: '/pod/v1/admin/app/{id}/delete',
    params: [APP_ID_IN_PATH],
    // Deleting again fails: the app is gone.
    idempotent: false,
  }),
  {
    type: 'symphony-manifest-get',
    id: 'manifest-get',
    area: 'apps',
    api: 'pod',
    method: 'GET',
    path: '/pod/v1/user/manifest/own',
    params: [],
    oboPermissions: null,
    idempotent: true,
  },
  {
    type: 'symphony-manifest-update',
    id: 'manifest-update',
    area: 'apps',
    api: 'pod',
    method: 'POST',
    path: '/pod/v1/user/manifest/own',
    params: [{ name: 'manifest', in: 'body', kind: 'json', required: true, schema: { type: 'object' }, types: JSON_VALUE, default: { value: 'manifest', type: 'msg' } }],
    oboPermissions: null,
    idempotent: true,
    // The API takes the manifest as JSON text, at most 6144 characters.
    prepare: (values) => {
      const manifest = JSON.stringify(values.manifest);
      if (manifest.length > MANIFEST_MAX_LENGTH) {
        throw inputError('manifest-update', 'manifest', message('runtime.errors.manifest-update.tooLong', { length: manifest.length, max: MANIFEST_MAX_LENGTH }));
      }
      return { ...values, manifest };
    },
  },
];
