/**
 * DLP v3 policies (/agent/v3/dlp/policies...): list, create, get, update, delete, enable, disable. These endpoints
 * declare no 404: an unknown (or deleted) policy or version is a 400. A new policy is disabled; only a disabled
 * policy can be deleted; the dictionaries a rule names must exist.
 */
import { readJson } from '../http/body';
import { badRequest } from '../http/errors';
import { NO_BODY, type Reply, type Router, type UserContext } from '../http/router';
import { randomBytes } from 'node:crypto';
import { check } from '../schemas';
import { RULE_CONFIGS, dlpValidators, type PolicyRequest } from '../schemas-dlp';
import { policyDictionaryIds, type AppliesTo, type PolicyVersion, type SimPolicy } from '../state-dlp';
import { numberedPage, requireDlpRole } from './dlp-common';

/** V3DLPPolicy at a version (the latest unless given); active and deleted are the policy's state now. */
function policyJson(policy: SimPolicy, version: PolicyVersion): Record<string, unknown> {
  return {
    id: version.id,
    policyId: policy.policyId,
    version: version.version,
    name: version.name,
    creatorId: policy.creatorId,
    scopes: version.scopes,
    appliesTo: version.appliesTo,
    active: policy.active,
    deleted: policy.deleted,
    creationDate: policy.creationDate,
    lastUpdatedDate: version.lastUpdatedDate,
    ...(policy.lastDisabledDate !== undefined ? { lastDisabledDate: policy.lastDisabledDate } : {}),
    systemPolicy: false,
  };
}

function answer(ctx: UserContext, policy: SimPolicy): Reply {
  return { status: 200, body: { data: policyJson(policy, ctx.sim.state.dlp.latestPolicy(policy)) } };
}

function findPolicy(ctx: UserContext): SimPolicy {
  requireDlpRole(ctx);
  const policy = ctx.sim.state.dlp.policies.get(ctx.params.policyId ?? '');
  if (!policy || policy.deleted) throw badRequest(`Policy ${ctx.params.policyId} not found`);
  return policy;
}

/**
 * What the schema cannot say: each rule carries the configuration of its type and no other, text matching of files
 * only for FileContent, and every dictionary named exists. Rules get an id when they come without one.
 */
function checkedAppliesTo(ctx: UserContext, request: PolicyRequest): AppliesTo[] {
  const appliesTo = structuredClone(request.appliesTo);
  appliesTo.forEach((applies, i) => applies.rules.forEach((rule, j) => {
    const field = `appliesTo[${i}].rules[${j}]`;
    const wanted = RULE_CONFIGS[String(rule.type)];
    if (!wanted) throw badRequest(`${field}.type ${String(rule.type)} cannot be enforced`);
    const given = Object.values(RULE_CONFIGS).filter((config) => rule[config] !== undefined);
    if (given.length !== 1 || given[0] !== wanted) throw badRequest(`${field} must have ${wanted}, and no other configuration, for type ${String(rule.type)}`);
    const fileTypes = (rule.textMatchConfig as { applicableFileTypes?: unknown[] } | undefined)?.applicableFileTypes ?? [];
    if (fileTypes.length > 0 && applies.dataType !== 'FileContent') {
      throw badRequest(`${field}.textMatchConfig.applicableFileTypes must be empty unless dataType is FileContent`);
    }
    rule.id ??= randomBytes(12).toString('hex');
  }));
  for (const dictId of policyDictionaryIds(appliesTo)) {
    if (!ctx.sim.state.dlp.dictionaries.has(dictId)) throw badRequest(`Dictionary ${dictId} not found`);
  }
  return appliesTo;
}

function uniqueName(ctx: UserContext, name: string, except?: SimPolicy): void {
  const taken = ctx.sim.state.dlp.policyNamed(name);
  if (taken && taken !== except) throw badRequest(`A policy named ${JSON.stringify(name.trim())} already exists`);
}

function listPolicies(ctx: UserContext): Reply {
  requireDlpRole(ctx);
  const { dlp } = ctx.sim.state;
  const page = numberedPage(ctx, [...dlp.policies.values()].filter((p) => !p.deleted));
  return {
    status: 200,
    body: { policies: page.items.map((p) => policyJson(p, dlp.latestPolicy(p))), page: page.page, size: page.size, pageCount: page.pageCount },
  };
}

async function createPolicy(ctx: UserContext): Promise<Reply> {
  const body = check(dlpValidators.policyRequest, await readJson(ctx.req), 'body');
  requireDlpRole(ctx);
  uniqueName(ctx, body.name);
  const policy = ctx.sim.state.dlp.createPolicy(ctx.caller.user.id, { name: body.name, scopes: body.scopes, appliesTo: checkedAppliesTo(ctx, body) });
  return answer(ctx, policy);
}

function getPolicy(ctx: UserContext): Reply {
  const policy = findPolicy(ctx);
  const wanted = ctx.query.get('policyVersion');
  if (wanted === null || wanted === '') return answer(ctx, policy);
  const version = policy.versions.find((v) => v.version === wanted);
  if (!version) throw badRequest(`Policy ${policy.policyId} has no version ${wanted}`);
  return { status: 200, body: { data: policyJson(policy, version) } };
}

async function updatePolicy(ctx: UserContext): Promise<Reply> {
  const body = check(dlpValidators.policyRequest, await readJson(ctx.req), 'body');
  const policy = findPolicy(ctx);
  uniqueName(ctx, body.name, policy);
  ctx.sim.state.dlp.changePolicy(policy, { name: body.name, scopes: body.scopes, appliesTo: checkedAppliesTo(ctx, body) });
  return answer(ctx, policy);
}

function deletePolicy(ctx: UserContext): Reply {
  const policy = findPolicy(ctx);
  if (policy.active) throw badRequest(`Policy ${policy.policyId} is enabled: disable it before deleting it`);
  policy.deleted = true;
  return answer(ctx, policy);
}

function setActive(active: boolean) {
  return (ctx: UserContext): Reply => {
    const policy = findPolicy(ctx);
    ctx.sim.state.dlp.setActive(policy, active);
    return answer(ctx, policy);
  };
}

export function registerDlpPolicyRoutes(router: Router): void {
  router.user('GET', '/agent/v3/dlp/policies', listPolicies);
  router.user('POST', '/agent/v3/dlp/policies', createPolicy);
  router.user('GET', '/agent/v3/dlp/policies/{policyId}', getPolicy);
  router.user('POST', '/agent/v3/dlp/policies/{policyId}/update', updatePolicy);
  router.user('POST', '/agent/v3/dlp/policies/{policyId}/delete', deletePolicy, NO_BODY);
  router.user('POST', '/agent/v3/dlp/policies/{policyId}/enable', setActive(true), NO_BODY);
  router.user('POST', '/agent/v3/dlp/policies/{policyId}/disable', setActive(false), NO_BODY);
}
