/**
 * App entitlements (pod, admin role required): GET|POST /pod/v1/admin/app/entitlement/list for the company,
 * GET|POST|PATCH /pod/v1/admin/user/{uid}/app/entitlement/list for one user. A user's own setting wins over the
 * company's until REMOVE drops it.
 */
import { readJson } from '../http/body';
import { badRequest } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import { check } from '../schemas';
import { adminValidators, type PatchFlag } from '../schemas-admin';
import type { CompanyEntitlement, Product, UserAppSetting } from '../state-apps';
import { USER_ADMIN_ROLES, pathPodUser, requireRole } from './users-common';

function listCompany(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  return { status: 200, body: [...ctx.sim.state.appsAdmin.entitlements.values()].map((e) => ({ ...e })) };
}

async function updateCompany(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const list = check(adminValidators.podAppEntitlementList, await readJson(ctx.req), 'body');
  const { entitlements } = ctx.sim.state.appsAdmin;
  list.forEach((item, i) => {
    if (!entitlements.has(item.appId)) throw badRequest(`body[${i}].appId ${item.appId} is not an app of this pod`);
  });
  const updated: CompanyEntitlement[] = list.map((item) => {
    const entitlement = { appId: item.appId, appName: item.appName, enable: item.enable, listed: item.listed, install: item.install };
    entitlements.set(item.appId, entitlement);
    return { ...entitlement };
  });
  return { status: 200, body: updated };
}

/** The enabled app a user-level entry names; `field` names it in the refusal. */
function enabledApp(ctx: UserContext, appId: string, field: string): CompanyEntitlement {
  const entitlement = ctx.sim.state.appsAdmin.entitlements.get(appId);
  if (!entitlement?.enable) throw badRequest(`${field} ${appId} is not an app enabled for this pod`);
  return entitlement;
}

/** Refuses a product the app does not offer (by name and type); `field` names it. */
function checkProduct(ctx: UserContext, appId: string, product: Product, field: string): void {
  const offered = ctx.sim.state.appsAdmin.products.get(appId)?.some((p) => p.name === product.name && p.type === product.type);
  if (!offered) throw badRequest(`${field} ${product.name} (${product.type}) is not a product of ${appId}`);
}

function listUser(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathPodUser(ctx);
  return { status: 200, body: ctx.sim.state.appsAdmin.userView(user.id) };
}

async function replaceUser(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathPodUser(ctx);
  const list = check(adminValidators.userAppEntitlementList, await readJson(ctx.req), 'body');
  list.forEach((item, i) => {
    enabledApp(ctx, item.appId, `body[${i}].appId`);
    item.products?.forEach((product, j) => checkProduct(ctx, item.appId, product, `body[${i}].products[${j}].name`));
  });
  const { appsAdmin } = ctx.sim.state;
  for (const item of list) {
    const setting = appsAdmin.setting(user.id, item.appId);
    setting.listed = item.listed;
    setting.install = item.install;
    for (const product of item.products ?? []) setting.subscriptions.set(product.name, product.subscribed);
  }
  return { status: 200, body: appsAdmin.userView(user.id) };
}

function applyFlag(setting: UserAppSetting, name: 'listed' | 'install', flag: PatchFlag | undefined): void {
  if (flag === 'TRUE' || flag === 'FALSE') setting[name] = flag === 'TRUE';
  else if (flag === 'REMOVE') delete setting[name];
}

async function patchUser(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathPodUser(ctx);
  const patches = check(adminValidators.userAppEntitlementsPatchList, await readJson(ctx.req), 'body');
  patches.forEach((patch, i) => {
    enabledApp(ctx, patch.appId, `body[${i}].appId`);
    if (patch.product) checkProduct(ctx, patch.appId, patch.product, `body[${i}].product.name`);
  });
  const { appsAdmin } = ctx.sim.state;
  for (const patch of patches) {
    const setting = appsAdmin.setting(user.id, patch.appId);
    applyFlag(setting, 'listed', patch.listed);
    applyFlag(setting, 'install', patch.install);
    if (patch.product) setting.subscriptions.set(patch.product.name, patch.product.subscribed);
  }
  return { status: 200, body: appsAdmin.userView(user.id) };
}

export function registerAppEntitlementRoutes(router: Router): void {
  router.user('GET', '/pod/v1/admin/app/entitlement/list', listCompany);
  router.user('POST', '/pod/v1/admin/app/entitlement/list', updateCompany);
  router.user('GET', '/pod/v1/admin/user/{uid}/app/entitlement/list', listUser);
  router.user('POST', '/pod/v1/admin/user/{uid}/app/entitlement/list', replaceUser);
  router.user('PATCH', '/pod/v1/admin/user/{uid}/app/entitlement/list', patchUser);
}
