/**
 * Information barriers and disclaimers (pod, admin role required): GET /pod/v1/admin/group/list,
 * GET|POST /pod/v1/admin/group/{gid}/membership/list|add|remove, GET /pod/v1/admin/policy/list,
 * GET /pod/v1/admin/disclaimer/list|{did}|{did}/users, GET|DELETE /pod/v1/admin/user/{uid}/disclaimer,
 * POST /pod/v1/admin/user/{uid}/disclaimer/update.
 */
import { readJson } from '../http/body';
import { badRequest, notFound } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import { check } from '../schemas';
import { adminValidators } from '../schemas-admin';
import type { SimBarrierGroup, SimDisclaimer } from '../state-compliance';
import { SUCCESS, USER_ADMIN_ROLES, pathPodUser, requireRole } from './users-common';
import { integerQuery } from './query';

const MEMBERS_DEFAULT = 10000;
const MEMBERS_MAX = 10000;

/** The group of the {gid} path parameter; the endpoints that declare a 404 answer it, the others a 400. */
function pathGroup(ctx: UserContext, unknownStatus: 400 | 404): SimBarrierGroup {
  const gid = ctx.params.gid ?? '';
  const group = ctx.sim.state.compliance.groups.get(gid);
  if (!group) throw unknownStatus === 404 ? notFound(`Group ${gid} not found`) : badRequest(`Group ${gid} not found`);
  return group;
}

function groupView(ctx: UserContext, group: SimBarrierGroup): Record<string, unknown> {
  return {
    id: group.id, name: group.name, active: group.active, memberCount: group.members.size,
    policies: ctx.sim.state.compliance.policiesOf(group.id), createdDate: group.createdDate, modifiedDate: group.modifiedDate,
  };
}

function listGroups(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const { compliance } = ctx.sim.state;
  // Only groups some policy names, as the pod lists them.
  const groups = [...compliance.groups.values()].filter((g) => compliance.policiesOf(g.id).length > 0);
  return { status: 200, body: groups.map((g) => groupView(ctx, g)) };
}

function listMembers(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const group = pathGroup(ctx, 404);
  const skip = integerQuery(ctx.query, 'skip', 0) ?? 0;
  const limit = integerQuery(ctx.query, 'limit', 1, MEMBERS_MAX) ?? MEMBERS_DEFAULT;
  return { status: 200, body: [...group.members].slice(skip, skip + limit) };
}

/**
 * Adds or removes each user, answering one result per id in the order sent: '' when done, else the reason. Users
 * outside the pod cannot be members; a deactivated member cannot be removed through the API.
 */
async function changeMembers(ctx: UserContext, verb: 'add' | 'remove'): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const group = pathGroup(ctx, 400);
  const ids = check(adminValidators.userIdList, await readJson(ctx.req), 'body');
  const { state } = ctx.sim;
  const results = ids.map((id) => {
    const user = state.users.get(id);
    if (!user || !state.isInternal(user)) return `User ${id} not found`;
    if (verb === 'add') {
      group.members.add(id);
      return '';
    }
    if (group.members.has(id) && !user.active) return `User ${id} is deactivated and cannot be removed from the group`;
    group.members.delete(id);
    return '';
  });
  group.modifiedDate = Date.now();
  return { status: 200, body: { overallResult: results.every((r) => r === '') ? 'SUCCESS' : 'FAIL', results } };
}

function listPolicies(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const { compliance } = ctx.sim.state;
  const policies = [...compliance.policies.values()].map((p) => {
    const memberCount = new Set(p.groups.flatMap((g) => [...compliance.groups.get(g)?.members ?? []])).size;
    return { id: p.id, policyType: p.policyType, active: p.active, memberCount, groups: [...p.groups], createdDate: p.createdDate, modifiedDate: p.modifiedDate };
  });
  return { status: 200, body: policies };
}

const disclaimerView = (d: SimDisclaimer): SimDisclaimer => ({ ...d });

/** The disclaimer of the {did} path parameter; the spec declares no 404, so an unknown one is a 400. */
function pathDisclaimer(ctx: UserContext): SimDisclaimer {
  const did = ctx.params.did ?? '';
  const disclaimer = ctx.sim.state.compliance.disclaimers.get(did);
  if (!disclaimer) throw badRequest(`Disclaimer ${did} not found`);
  return disclaimer;
}

function listDisclaimers(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  return { status: 200, body: [...ctx.sim.state.compliance.disclaimers.values()].map(disclaimerView) };
}

function getDisclaimer(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  return { status: 200, body: disclaimerView(pathDisclaimer(ctx)) };
}

function disclaimerUsers(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const { id } = pathDisclaimer(ctx);
  const users = [...ctx.sim.state.compliance.userDisclaimers].filter(([, did]) => did === id).map(([uid]) => uid).sort((a, b) => a - b);
  return { status: 200, body: users };
}

function userDisclaimer(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathPodUser(ctx);
  const { compliance } = ctx.sim.state;
  const disclaimer = compliance.disclaimers.get(compliance.userDisclaimers.get(user.id) ?? '');
  return disclaimer ? { status: 200, body: disclaimerView(disclaimer) } : { status: 204 };
}

async function assignDisclaimer(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, USER_ADMIN_ROLES);
  const user = pathPodUser(ctx);
  const { id } = check(adminValidators.stringId, await readJson(ctx.req), 'body');
  const { compliance } = ctx.sim.state;
  if (!compliance.disclaimers.has(id)) throw badRequest(`id: disclaimer ${id} not found`);
  compliance.userDisclaimers.set(user.id, id);
  return SUCCESS;
}

function unassignDisclaimer(ctx: UserContext): Reply {
  requireRole(ctx, USER_ADMIN_ROLES);
  ctx.sim.state.compliance.userDisclaimers.delete(pathPodUser(ctx).id);
  return SUCCESS;
}

export function registerComplianceRoutes(router: Router): void {
  router.user('GET', '/pod/v1/admin/group/list', listGroups);
  router.user('GET', '/pod/v1/admin/group/{gid}/membership/list', listMembers);
  router.user('POST', '/pod/v1/admin/group/{gid}/membership/add', (ctx) => changeMembers(ctx, 'add'));
  router.user('POST', '/pod/v1/admin/group/{gid}/membership/remove', (ctx) => changeMembers(ctx, 'remove'));
  router.user('GET', '/pod/v1/admin/policy/list', listPolicies);
  router.user('GET', '/pod/v1/admin/disclaimer/list', listDisclaimers);
  router.user('GET', '/pod/v1/admin/disclaimer/{did}', getDisclaimer);
  router.user('GET', '/pod/v1/admin/disclaimer/{did}/users', disclaimerUsers);
  router.user('GET', '/pod/v1/admin/user/{uid}/disclaimer', userDisclaimer);
  router.user('DELETE', '/pod/v1/admin/user/{uid}/disclaimer', unassignDisclaimer);
  router.user('POST', '/pod/v1/admin/user/{uid}/disclaimer/update', assignDisclaimer);
}
