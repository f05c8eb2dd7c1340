/**
 * Pod settings an administrator changes (admin role required): GET|PUT|DELETE /pod/file_ext/v1/allowed_extensions
 * [/{extension}], POST /pod/v1/admin/system/protocols, DELETE /pod/v1/admin/system/protocols/{scheme},
 * GET|POST|PATCH /pod/v1/admin/sso/configuration. What they change is what GET /pod/v1/files/allowedTypes and
 * GET /pod/v1/admin/system/protocols/list answer.
 */
import { X509Certificate } from 'node:crypto';
import { readJson } from '../http/body';
import { badRequest, notFound } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import { check } from '../schemas';
import { adminValidators } from '../schemas-admin';
import type { SsoConfiguration } from '../state-pod-settings';
import { cursorPage } from './users-cursor';
import { SUCCESS, USER_ADMIN_ROLES, requireRole } from './users-common';

const EXTENSIONS_DEFAULT_LIMIT = 100;
const EXTENSION = /^\.[a-z0-9_-]{1,32}$/;
const SCHEME = /^[a-z][a-z0-9+.-]*$/;

function listExtensions(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const page = cursorPage(ctx.sim.state.podSettings.extensions(), ctx.query, ctx.path, EXTENSIONS_DEFAULT_LIMIT);
  return { status: 200, body: { data: page.items.map((e) => ({ ...e })), paging: page.pagination } };
}

/** The {extension} of the path in lower case, as the pod treats it. */
function pathExtension(ctx: UserContext): string {
  const extension = (ctx.params.extension ?? '').toLowerCase();
  if (!EXTENSION.test(extension)) throw badRequest(`extension must be a dot and letters or digits, e.g. .pdf, got ${ctx.params.extension}`);
  return extension;
}

async function putExtension(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const extension = pathExtension(ctx);
  const body = check(adminValidators.fileExtension, await readJson(ctx.req), 'body');
  if (body.extension.toLowerCase() !== extension) throw badRequest(`extension ${body.extension} does not match the extension ${extension} of the path`);
  const { fileExtensions } = ctx.sim.state.podSettings;
  // Replaces the record: a scope not sent is not allowed.
  const record = {
    extension, scope_internal: body.scope_internal ?? false, scope_external: body.scope_external ?? false, scope_xpod: body.scope_xpod ?? false,
    source: body.source ?? fileExtensions.get(extension)?.source ?? 'CUSTOMER',
  };
  fileExtensions.set(extension, record);
  return { status: 200, body: { ...record } };
}

function deleteExtension(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const extension = pathExtension(ctx);
  if (!ctx.sim.state.podSettings.fileExtensions.delete(extension)) throw badRequest(`extension ${extension} is not allowed by this pod`);
  return { status: 204 };
}

async function addProtocol(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const { scheme } = check(adminValidators.protocol, await readJson(ctx.req), 'body');
  const wanted = scheme.toLowerCase();
  if (!SCHEME.test(wanted)) throw badRequest(`scheme ${scheme} is not a URI scheme (a letter, then letters, digits, +, . or -)`);
  const { protocols } = ctx.sim.state.podSettings;
  if (wanted === 'http' || wanted === 'https' || protocols.includes(wanted)) throw badRequest(`scheme ${scheme} is already supported`);
  protocols.push(wanted);
  return { status: 200, body: { scheme: wanted } };
}

function deleteProtocol(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const { protocols } = ctx.sim.state.podSettings;
  const index = protocols.indexOf((ctx.params.scheme ?? '').toLowerCase());
  if (index < 0) throw badRequest(`scheme ${ctx.params.scheme} is not supported by this pod`);
  protocols.splice(index, 1);
  return { status: 204 };
}

function getSso(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const { sso } = ctx.sim.state.podSettings;
  if (!sso) throw notFound('No SSO configuration has been stored');
  return { status: 200, body: { ...sso } };
}

function isCertificate(pem: string): boolean {
  try {
    return new X509Certificate(pem) !== undefined;
  } catch {
    return false;
  }
}

/** A configuration as a whole: SSO on needs the identity provider's entity id, sign-in URL and certificate. */
function checkSso(sso: SsoConfiguration): void {
  if (sso.ssoEnabled) {
    for (const name of ['idpEntityId', 'idpSsoEndpoint', 'idpSigningCertificate'] as const) {
      if (!sso[name]) throw badRequest(`${name} is required when ssoEnabled is true`);
    }
  }
  if (sso.idpSsoEndpoint !== undefined && !/^https:\/\/[^/\s]+/.test(sso.idpSsoEndpoint)) throw badRequest(`idpSsoEndpoint must start with https://, got ${sso.idpSsoEndpoint}`);
  if (sso.idpSigningCertificate !== undefined && !isCertificate(sso.idpSigningCertificate)) {
    throw badRequest('idpSigningCertificate must be a PEM encoded certificate');
  }
}

/** POST stores the body over the derived defaults; PATCH over what is stored. */
async function storeSso(ctx: UserContext, partial: boolean): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const body = check(adminValidators.ssoConfiguration, await readJson(ctx.req), 'body');
  const { podSettings } = ctx.sim.state;
  const base = `${ctx.sim.urls.main}/login/saml`;
  const defaults: SsoConfiguration = { ssoEnabled: false, symphonyAcsUrl: `${base}/acs`, symphonyEntityId: base, forceAuthn: false };
  const next = { ...defaults, ...(partial ? podSettings.sso : undefined), ...body };
  checkSso(next);
  podSettings.sso = next;
  return SUCCESS;
}

export function registerPodSettingsRoutes(router: Router): void {
  router.user('GET', '/pod/file_ext/v1/allowed_extensions', listExtensions);
  router.user('PUT', '/pod/file_ext/v1/allowed_extensions/{extension}', putExtension);
  router.user('DELETE', '/pod/file_ext/v1/allowed_extensions/{extension}', deleteExtension);
  router.user('POST', '/pod/v1/admin/system/protocols', addProtocol);
  router.user('DELETE', '/pod/v1/admin/system/protocols/{scheme}', deleteProtocol);
  router.user('GET', '/pod/v1/admin/sso/configuration', getSso);
  router.user('POST', '/pod/v1/admin/sso/configuration', (ctx) => storeSso(ctx, false));
  router.user('PATCH', '/pod/v1/admin/sso/configuration', (ctx) => storeSso(ctx, true));
}
