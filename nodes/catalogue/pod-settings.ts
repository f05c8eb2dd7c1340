/**
 * Pod-wide settings an administrator changes: the file extensions users may upload, the URI protocols messages
 * turn into links, the SSO configuration. Texts in ops-pod-settings.json.
 */
import { inputError } from '../runtime/core/errors';
import { text as message } from '../runtime/core/i18n';
import { podAdminEntry } from './admin-entry';
import { withPemLines } from './pem';
import type { OperationSpec, ParamSpec, ParamValues } from './types';
import { BOOLEAN, JSON_VALUE, TEXT, cursorParams, defined } from './users-fields';

const EXTENSION_IN_PATH: ParamSpec = { name: 'extension', in: 'path', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT };

/** FileExtension scopes, by node property and wire name. */
const SCOPES: Record<string, string> = { scopeInternal: 'scope_internal', scopeExternal: 'scope_external', scopeXpod: 'scope_xpod' };

/** The FileExtension body: the advanced JSON, the scopes laid over it, and the extension of the path. */
function fileExtension(values: ParamValues): ParamValues {
  const scopes = defined(Object.fromEntries(Object.entries(SCOPES).map(([prop, wire]) => [wire, values[prop]])));
  return { ...values, attributes: { ...(values.attributes as Record<string, unknown> | undefined), ...scopes, extension: values.extension } };
}

/** SsoConfiguration fields a user sets by name; the rest goes in the advanced `configuration` JSON. */
const SSO_FIELDS: readonly ParamSpec[] = [
  { name: 'ssoEnabled', in: 'none', kind: 'boolean', types: BOOLEAN },
  { name: 'idpEntityId', in: 'none', kind: 'string', schema: { minLength: 1 }, types: TEXT },
  { name: 'idpSsoEndpoint', in: 'none', kind: 'string', schema: { minLength: 1 }, types: TEXT },
  { name: 'idpSigningCertificate', in: 'none', kind: 'string', schema: { minLength: 1 }, types: TEXT, advanced: true },
  { name: 'forceAuthn', in: 'none', kind: 'boolean', types: BOOLEAN, advanced: true },
  { name: 'configuration', in: 'body-root', kind: 'json', schema: { type: 'object' }, types: JSON_VALUE, advanced: true },
];

function ssoConfiguration(operation: string): (values: ParamValues) => ParamValues {
  return (values) => {
    const named = defined(Object.fromEntries(SSO_FIELDS.filter((f) => f.in === 'none').map((f) => [f.name, values[f.name]])));
    if (typeof named.idpSigningCertificate === 'string') named.idpSigningCertificate = withPemLines(named.idpSigningCertificate);
    const configuration = { ...(values.configuration as Record<string, unknown> | undefined), ...named };
    if (Object.keys(configuration).length === 0) {
      throw inputError(operation, 'configuration', message('runtime.errors.sso-configuration.nothingToChange'));
    }
    return { ...values, configuration };
  };
}

export const podSettingsOperations: readonly OperationSpec[] = [
  podAdminEntry('system', {
    id: 'file-extensions-list',
    method: 'GET',
    path: '/pod/file_ext/v1/allowed_extensions',
    params: cursorParams(),
    // The spec sets no maximum; 100 keeps each request modest.
    paging: { style: 'cursor', items: 'data', maxPageSize: 100, cursorPath: 'paging.cursors.after' },
    idempotent: true,
  }),
  podAdminEntry('system', {
    id: 'file-extension-set',
    method: 'PUT',
    path: '/pod/file_ext/v1/allowed_extensions/{extension}',
    params: [
      EXTENSION_IN_PATH,
      { name: 'scopeInternal', in: 'none', kind: 'boolean', types: BOOLEAN },
      { name: 'scopeExternal', in: 'none', kind: 'boolean', types: BOOLEAN },
      { name: 'scopeXpod', in: 'none', kind: 'boolean', types: BOOLEAN, advanced: true },
      { name: 'attributes', in: 'body-root', kind: 'json', schema: { type: 'object' }, types: JSON_VALUE, advanced: true },
    ],
    // Creates or replaces: the same call twice leaves the same record.
    idempotent: true,
    prepare: fileExtension,
  }),
  podAdminEntry('system', {
    id: 'file-extension-delete',
    method: 'DELETE',
    path: '/pod/file_ext/v1/allowed_extensions/{extension}',
    params: [EXTENSION_IN_PATH],
    idempotent: true,
  }),
  podAdminEntry('system', {
    id: 'uri-protocol-add',
    method: 'POST',
    path: '/pod/v1/admin/system/protocols',
    params: [{ name: 'scheme', in: 'body', kind: 'string', required: true, schema: { pattern: '^[A-Za-z][A-Za-z0-9+.-]*$' }, types: TEXT }],
    // Adding a scheme the pod has already is refused.
    idempotent: false,
  }),
  podAdminEntry('system', {
    id: 'uri-protocol-delete',
    method: 'DELETE',
    path: '/pod/v1/admin/system/protocols/{scheme}',
    params: [{ name: 'scheme', in: 'path', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT }],
    idempotent: true,
  }),
  podAdminEntry('system', {
    id: 'sso-configuration-get',
    method: 'GET',
    path: '/pod/v1/admin/sso/configuration',
    params: [],
    idempotent: true,
  }),
  podAdminEntry('system', {
    id: 'sso-configuration-set',
    method: 'POST',
    path: '/pod/v1/admin/sso/configuration',
    params: SSO_FIELDS,
    idempotent: true,
    prepare: ssoConfiguration('sso-configuration-set'),
  }),
  podAdminEntry('system', {
    id: 'sso-configuration-update',
    method: 'PATCH',
    path: '/pod/v1/admin/sso/configuration',
    params: SSO_FIELDS,
    idempotent: true,
    prepare: ssoConfiguration('sso-configuration-update'),
  }),
];
