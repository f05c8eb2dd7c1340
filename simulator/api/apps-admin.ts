/**
 * Extension apps (pod, admin role required): POST /pod/v1/admin/app/create, POST /pod/v1/admin/app/{id}/update,
 * POST /pod/v1/admin/app/{id}/delete, GET /pod/v1/admin/app/{id}/get; and a service account's own manifest:
 * GET|POST /pod/v1/user/manifest/own. An app with an RSA key is registered for app and OBO authentication at once.
 */
import { createPublicKey } from 'node:crypto';
import { readJson } from '../http/body';
import { badRequest, forbidden } from '../http/errors';
import { NO_BODY, type Reply, type Router, type UserContext } from '../http/router';
import type { SimApp } from '../model';
import { check } from '../schemas';
import { adminValidators } from '../schemas-admin';
import type { ApplicationDetail } from '../state-apps';
import { SUCCESS, USER_ADMIN_ROLES, requireRole } from './users-common';

/** The apps registered when the simulator started (options.apps) have no detail record: one is made from them. */
function detailOf(app: SimApp): ApplicationDetail {
  const key = app.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { applicationInfo: { appId: app.appId, name: app.appId }, permissions: [...app.permissions], authenticationKeys: { current: { key } } };
}

function pathApp(ctx: UserContext): ApplicationDetail {
  const id = ctx.params.id ?? '';
  const { state } = ctx.sim;
  const stored = state.appsAdmin.details.get(id);
  if (stored) return stored;
  const registered = state.apps.get(id);
  if (!registered) throw badRequest(`App ${id} not found`);
  const made = detailOf(registered);
  state.appsAdmin.details.set(id, made);
  return made;
}

function checkHttps(value: string | undefined, field: string): void {
  if (value !== undefined && !/^https:\/\/[^/\s]+/.test(value)) throw badRequest(`${field} must start with https://, got ${value}`);
}

/** Checks a whole app as it would be stored, and keeps the authentication registry in step with it. */
function store(ctx: UserContext, detail: ApplicationDetail): void {
  const info = detail.applicationInfo;
  if (!info.name) throw badRequest('applicationInfo.name is required');
  checkHttps(info.appUrl, 'applicationInfo.appUrl');
  checkHttps(detail.iconUrl, 'iconUrl');
  if (info.domain !== undefined && info.appUrl !== undefined) {
    const host = new URL(info.appUrl).hostname.toLowerCase();
    const domain = info.domain.toLowerCase();
    if (host !== domain && !host.endsWith(`.${domain}`)) throw badRequest(`applicationInfo.domain ${info.domain} does not match the domain of appUrl ${info.appUrl}`);
  }
  const keys = detail.authenticationKeys;
  let publicKey: ReturnType<typeof createPublicKey> | undefined;
  if (keys?.current?.key !== undefined && keys.current.action !== 'REVOKE') {
    try {
      publicKey = createPublicKey(keys.current.key);
    } catch {
      throw badRequest('authenticationKeys.current.key is not a valid RSA public key (PEM)');
    }
  }
  const { state } = ctx.sim;
  state.appsAdmin.details.set(info.appId, detail);
  if (publicKey) state.apps.set(info.appId, { appId: info.appId, publicKey, permissions: [...detail.permissions ?? []] });
  else if (keys?.current?.action === 'REVOKE') state.apps.delete(info.appId);
  else {
    const registered = state.apps.get(info.appId);
    if (registered) registered.permissions = [...detail.permissions ?? []];
  }
}

/** The answer: the stored detail; a revoked key is gone, a saved one shown without the action that set it. */
function view(detail: ApplicationDetail): ApplicationDetail {
  const copy = structuredClone(detail);
  const keys = copy.authenticationKeys;
  if (keys?.current?.action === 'REVOKE') delete keys.current;
  else if (keys?.current) delete keys.current.action;
  return copy;
}

async function createApp(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const detail = check(adminValidators.applicationDetail, await readJson(ctx.req), 'body');
  const appId = detail.applicationInfo?.appId;
  if (!appId) throw badRequest('applicationInfo.appId is required');
  const { state } = ctx.sim;
  if (state.appsAdmin.details.has(appId) || state.apps.has(appId)) throw badRequest(`applicationInfo.appId ${appId} is already taken`);
  store(ctx, { ...detail, applicationInfo: { ...detail.applicationInfo, appId } });
  // A new app enters the company's app store, not yet enabled.
  state.appsAdmin.entitlements.set(appId, {
    appId, appName: (detail.applicationInfo?.name ?? appId).slice(0, 50), enable: false, listed: false, install: false,
  });
  return { status: 200, body: view(state.appsAdmin.details.get(appId)!) };
}

async function updateApp(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const current = pathApp(ctx);
  const changes = check(adminValidators.applicationDetail, await readJson(ctx.req), 'body');
  const appId = current.applicationInfo.appId;
  if (changes.applicationInfo?.appId !== undefined && changes.applicationInfo.appId !== appId) {
    throw badRequest(`applicationInfo.appId ${changes.applicationInfo.appId} does not match the app ${appId} of the path`);
  }
  const updated: ApplicationDetail = { ...current, ...changes, applicationInfo: { ...current.applicationInfo, ...changes.applicationInfo, appId } };
  store(ctx, updated);
  const entitlement = ctx.sim.state.appsAdmin.entitlements.get(appId);
  if (entitlement && updated.applicationInfo.name) entitlement.appName = updated.applicationInfo.name.slice(0, 50);
  return { status: 200, body: view(updated) };
}

function getApp(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  return { status: 200, body: view(pathApp(ctx)) };
}

function deleteApp(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const { appId } = pathApp(ctx).applicationInfo;
  ctx.sim.state.appsAdmin.remove(appId);
  ctx.sim.state.apps.delete(appId);
  return SUCCESS;
}

/** Manifests belong to service accounts. */
function serviceAccount(ctx: UserContext): number {
  const { user } = ctx.caller;
  if (user.accountType !== 'SYSTEM') throw forbidden('Only a service account has a manifest');
  return user.id;
}

function getManifest(ctx: UserContext): Reply {
  const id = serviceAccount(ctx);
  return { status: 200, body: { manifest: ctx.sim.state.appsAdmin.manifests.get(id) ?? '{}' } };
}

async function updateManifest(ctx: UserContext): Promise<Reply> {
  const id = serviceAccount(ctx);
  const { manifest } = check(adminValidators.serviceAccountManifest, await readJson(ctx.req), 'body');
  try {
    JSON.parse(manifest);
  } catch {
    throw badRequest('manifest must be valid JSON');
  }
  ctx.sim.state.appsAdmin.manifests.set(id, manifest);
  return SUCCESS;
}

export function registerAppsAdminRoutes(router: Router): void {
  router.user('POST', '/pod/v1/admin/app/create', createApp);
  router.user('POST', '/pod/v1/admin/app/{id}/update', updateApp);
  router.user('POST', '/pod/v1/admin/app/{id}/delete', deleteApp, NO_BODY);
  router.user('GET', '/pod/v1/admin/app/{id}/get', getApp);
  router.user('GET', '/pod/v1/user/manifest/own', getManifest);
  router.user('POST', '/pod/v1/user/manifest/own', updateManifest);
}
