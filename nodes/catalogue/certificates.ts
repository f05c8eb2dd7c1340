/**
 * Company certificates (the certificates the pod trusts for certificate authentication; admin role required) and
 * the pod's own certificate. Texts in ops-certificates.json.
 */
import { inputError } from '../runtime/core/errors';
import { text as message } from '../runtime/core/i18n';
import { podAdminEntry } from './admin-entry';
import { withPemLines } from './pem';
import type { OperationSpec, ParamSpec, ParamValues } from './types';
import { JSON_VALUE, LIST, TEXT, defined, skipLimit } from './users-fields';

export const CERT_TYPES = ['USERSIGNING', 'USER', 'OPERATIONSSIGNING', 'OPERATIONSUSER'] as const;
export const CERT_STATUSES = ['TRUSTED', 'KNOWN', 'REVOKED', 'DISABLED'] as const;

const FINGERPRINT_IN_PATH: ParamSpec = { name: 'fingerPrint', in: 'path', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT };

/** The CompanyCertAttributes fields a user sets by name (`name` is every node's own name, so the cert's is `certName`). */
const ATTRIBUTE_FIELDS: readonly ParamSpec[] = [
  { name: 'certName', in: 'none', kind: 'string', schema: { minLength: 1 }, types: TEXT },
  { name: 'certType', in: 'none', kind: 'enum', enum: CERT_TYPES, types: TEXT },
  { name: 'certStatus', in: 'none', kind: 'enum', enum: CERT_STATUSES, types: TEXT },
];

/** CompanyCertAttributes: the advanced JSON with the named fields laid over it; type and status are { type }. */
function attributes(values: ParamValues): Record<string, unknown> {
  return {
    ...(values.attributes as Record<string, unknown> | undefined),
    ...defined({
      name: values.certName,
      type: values.certType === undefined ? undefined : { type: values.certType },
      status: values.certStatus === undefined ? undefined : { type: values.certStatus },
    }),
  };
}

const skipLimitPaging = { style: 'skip-limit', items: '', maxPageSize: 100 } as const;

export const certificateOperations: readonly OperationSpec[] = [
  podAdminEntry('system', {
    id: 'company-certs-list',
    method: 'GET',
    path: '/pod/v1/companycert/list',
    params: skipLimit(),
    // The spec sets no maximum; 100 keeps each request modest.
    paging: skipLimitPaging,
    idempotent: true,
  }),
  podAdminEntry('system', {
    id: 'company-certs-pod-managed-list',
    method: 'GET',
    path: '/pod/v1/companycert/podmanaged/list',
    params: skipLimit(),
    paging: skipLimitPaging,
    idempotent: true,
  }),
  podAdminEntry('system', {
    id: 'company-certs-by-type',
    method: 'POST',
    path: '/pod/v1/companycert/type/list',
    params: [
      { name: 'certTypes', in: 'body-root', kind: 'string-list', required: true, schema: { items: { type: 'string', enum: [...CERT_TYPES] } }, types: LIST },
      ...skipLimit(),
    ],
    paging: skipLimitPaging,
    idempotent: true,
    // CompanyCertTypeList is [{ type }].
    prepare: (values) => ({ ...values, certTypes: (values.certTypes as string[]).map((type) => ({ type })) }),
  }),
  podAdminEntry('system', {
    id: 'company-cert-get',
    method: 'GET',
    path: '/pod/v1/companycert/{fingerPrint}/get',
    params: [FINGERPRINT_IN_PATH],
    idempotent: true,
  }),
  podAdminEntry('system', {
    id: 'company-certs-issued-by',
    method: 'GET',
    path: '/pod/v1/companycert/{fingerPrint}/issuedBy',
    params: [FINGERPRINT_IN_PATH],
    idempotent: true,
  }),
  podAdminEntry('system', {
    id: 'company-cert-create',
    method: 'POST',
    path: '/pod/v2/companycert/create',
    params: [
      { name: 'pem', in: 'body', kind: 'string', required: true, schema: { pattern: '-----BEGIN CERTIFICATE-----' }, types: TEXT },
      ...ATTRIBUTE_FIELDS,
      { name: 'attributes', in: 'body', kind: 'json', schema: { type: 'object' }, types: JSON_VALUE, advanced: true },
    ],
    // A second call would add the same certificate again.
    idempotent: false,
    prepare: (values) => {
      const attrs = attributes(values);
      return { ...values, pem: withPemLines(String(values.pem)), attributes: Object.keys(attrs).length > 0 ? attrs : undefined };
    },
  }),
  podAdminEntry('system', {
    id: 'company-cert-update',
    method: 'POST',
    path: '/pod/v1/companycert/{fingerPrint}/update',
    params: [
      FINGERPRINT_IN_PATH,
      ...ATTRIBUTE_FIELDS,
      { name: 'attributes', in: 'body-root', kind: 'json', schema: { type: 'object' }, types: JSON_VALUE, advanced: true },
    ],
    idempotent: true,
    prepare: (values) => {
      const attrs = attributes(values);
      if (Object.keys(attrs).length === 0) throw inputError('company-cert-update', 'attributes', message('runtime.errors.company-cert-update.nothingToChange'));
      return { ...values, attributes: attrs };
    },
  }),
  podAdminEntry('system', {
    id: 'company-cert-delete',
    method: 'POST',
    path: '/pod/v1/companycert/delete',
    params: [{ name: 'fingerPrint', in: 'body', wireName: 'id', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT }],
    // Deleting again fails: the certificate is gone.
    idempotent: false,
  }),
  {
    type: 'symphony-pod-cert',
    id: 'pod-cert',
    area: 'system',
    api: 'pod',
    method: 'GET',
    path: '/pod/v1/podcert',
    params: [],
    oboPermissions: null,
    idempotent: true,
  },
];
