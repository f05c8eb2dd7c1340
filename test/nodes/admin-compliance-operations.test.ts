import assert from 'node:assert/strict';
import { useSimulator, type Msg } from '../helpers/flow';
import { BOT, USERS } from '../helpers/simulator';
import { allPages, caught, out, perItem, set } from '../helpers/users-flow';

interface GroupJson { id: string; name: string; memberCount: number; policies: string[] }
interface PolicyJson { id: string; policyType: string; groups: string[] }
interface DisclaimerJson { id: string; name: string; isDefault: boolean }

const payload = <T>(msg: Msg): T => msg.payload as T;

describe('information barrier nodes', function () {
  const sim = useSimulator();
  const markets = async (): Promise<GroupJson> => {
    const groups = payload<GroupJson[]>(await out(sim(), 'symphony-ib-groups-list'));
    return groups.find((g) => g.name === 'Markets')!;
  };

  it('list groups and policies: only groups a policy names, each naming the other', async function () {
    const groups = payload<GroupJson[]>(await out(sim(), 'symphony-ib-groups-list'));
    assert.deepEqual(groups.map((g) => g.name), ['Markets', 'Research'], 'a group without a policy is not listed');
    const policies = payload<PolicyJson[]>(await out(sim(), 'symphony-ib-policies-list'));
    assert.equal(policies.length, 1);
    assert.equal(policies[0]!.policyType, 'BLOCK');
    assert.deepEqual(policies[0]!.groups, groups.map((g) => g.id));
    assert.deepEqual(groups[0]!.policies, [policies[0]!.id]);
  });

  it('add members: they are listed and counted; a user of another firm fails on its own line', async function () {
    const group = await markets();
    assert.equal(group.memberCount, 2);
    const added = payload(await out(sim(), 'symphony-ib-group-members-add', {}, { groupId: group.id, userIds: `${USERS.carol.id},${USERS.erin.id}` }));
    assert.deepEqual(added, { overallResult: 'FAIL', results: ['', `User ${USERS.erin.id} not found`] });
    assert.deepEqual(payload(await out(sim(), 'symphony-ib-group-members-list', {}, { groupId: group.id })), [USERS.alice.id, USERS.bob.id, USERS.carol.id]);
    assert.equal((await markets()).memberCount, 3);

    const removed = payload(await out(sim(), 'symphony-ib-group-members-remove', {}, { groupId: group.id, userIds: [USERS.carol.id] }));
    assert.deepEqual(removed, { overallResult: 'SUCCESS', results: [''] });
    assert.equal((await markets()).memberCount, 2);
  });

  it('list members: all pages one id at a time, and one msg per member', async function () {
    const group = await markets();
    sim().clearRequests();
    const all = payload<number[]>(await out(sim(), 'symphony-ib-group-members-list', { ...set({ limit: 1 }), ...allPages(100) }, { groupId: group.id }));
    assert.deepEqual(all, [USERS.alice.id, USERS.bob.id]);
    assert.equal(sim().count('GET', `/pod/v1/admin/group/${group.id}/membership/list`), 3, 'two full pages, then an empty one');
    const msgs = await perItem(sim(), 'symphony-ib-group-members-list', allPages(100), 2, { groupId: group.id });
    assert.deepEqual(msgs.map((m) => m.payload), [USERS.alice.id, USERS.bob.id]);
  });

  it('an unknown group reaches Catch with the pod\'s 404; no user ids is refused before any request', async function () {
    const unknown = await caught(sim(), 'symphony-ib-group-members-list', {}, { groupId: '000000000000000000000000' });
    assert.equal(unknown.error!.cause!.status, 404);
    assert.equal(unknown.error!.cause!.symphonyMessage, 'Group 000000000000000000000000 not found');
    const group = await markets();
    sim().clearRequests();
    const none = await caught(sim(), 'symphony-ib-group-members-add', {}, { groupId: group.id, userIds: [] });
    assert.equal(none.error!.code, 'INVALID_INPUT');
    assert.equal(none.error!.cause!.field, 'userIds');
    assert.equal(sim().count('POST', `/pod/v1/admin/group/${group.id}/membership/add`), 0);
  });
});

describe('disclaimer nodes', function () {
  const sim = useSimulator();
  const disclaimers = async (): Promise<DisclaimerJson[]> => payload<DisclaimerJson[]>(await out(sim(), 'symphony-disclaimers-list'));

  it('assign, get, list its users, unassign: each node sees what the others did', async function () {
    const [enterprise, marketsDisclaimer] = await disclaimers();
    assert.equal(enterprise!.isDefault, true);
    assert.equal(payload<DisclaimerJson>(await out(sim(), 'symphony-disclaimer-get', {}, { disclaimerId: marketsDisclaimer!.id })).name, 'Markets Disclaimer');
    assert.deepEqual(payload(await out(sim(), 'symphony-disclaimer-users-list', {}, { disclaimerId: marketsDisclaimer!.id })), [USERS.alice.id]);

    await out(sim(), 'symphony-user-disclaimer-assign', {}, { userId: USERS.bob.id, disclaimerId: marketsDisclaimer!.id });
    assert.equal(payload<DisclaimerJson>(await out(sim(), 'symphony-user-disclaimer-get', {}, { userId: USERS.bob.id })).id, marketsDisclaimer!.id);
    assert.deepEqual(payload(await out(sim(), 'symphony-disclaimer-users-list', {}, { disclaimerId: marketsDisclaimer!.id })), [USERS.alice.id, USERS.bob.id]);

    await out(sim(), 'symphony-user-disclaimer-remove', {}, { userId: USERS.bob.id });
    const none = await out(sim(), 'symphony-user-disclaimer-get', {}, { userId: USERS.bob.id });
    assert.equal(none.payload, null, 'no disclaimer: the pod\'s 204 is null');
  });

  it('an unknown disclaimer, or a user of another pod, reaches Catch with the pod\'s 400', async function () {
    const unknown = await caught(sim(), 'symphony-user-disclaimer-assign', {}, { userId: USERS.bob.id, disclaimerId: 'no-such-disclaimer' });
    assert.equal(unknown.error!.cause!.status, 400);
    assert.equal(unknown.error!.cause!.symphonyMessage, 'id: disclaimer no-such-disclaimer not found');
    const external = await caught(sim(), 'symphony-user-disclaimer-get', {}, { userId: USERS.dave.id });
    assert.equal(external.error!.cause!.status, 400);
    assert.equal((await caught(sim(), 'symphony-disclaimer-get', {}, { disclaimerId: 'nope' })).error!.cause!.symphonyMessage, 'Disclaimer nope not found');
  });
});

describe('pod administration nodes: a bot without an admin role', function () {
  const sim = useSimulator();
  /** One msg per admin node type, enough to reach the role check. */
  const CALLS: Array<[string, Record<string, unknown>]> = [
    ['symphony-ib-groups-list', {}],
    ['symphony-ib-group-members-list', { groupId: 'g' }],
    ['symphony-ib-group-members-add', { groupId: 'g', userIds: [USERS.alice.id] }],
    ['symphony-ib-group-members-remove', { groupId: 'g', userIds: [USERS.alice.id] }],
    ['symphony-ib-policies-list', {}],
    ['symphony-disclaimers-list', {}],
    ['symphony-disclaimer-get', { disclaimerId: 'd' }],
    ['symphony-disclaimer-users-list', { disclaimerId: 'd' }],
    ['symphony-user-disclaimer-get', { userId: USERS.alice.id }],
    ['symphony-user-disclaimer-assign', { userId: USERS.alice.id, disclaimerId: 'd' }],
    ['symphony-user-disclaimer-remove', { userId: USERS.alice.id }],
    ['symphony-app-entitlements-list', {}],
    ['symphony-app-entitlements-update', { entitlements: [{ appId: 'djApp', appName: 'Dow Jones', enable: true, listed: true, install: true }] }],
    ['symphony-user-app-entitlements-list', { userId: USERS.alice.id }],
    ['symphony-user-app-entitlements-replace', { userId: USERS.alice.id, entitlements: [{ appId: 'djApp', listed: true, install: true }] }],
    ['symphony-user-app-entitlement-update', { userId: USERS.alice.id, appId: 'djApp', install: 'TRUE' }],
    ['symphony-app-create', { appId: 'x', appName: 'X' }],
    ['symphony-app-update', { appId: 'x', description: 'y' }],
    ['symphony-app-get', { appId: 'x' }],
    ['symphony-app-delete', { appId: 'x' }],
    ['symphony-file-extensions-list', {}],
    ['symphony-file-extension-set', { extension: '.log' }],
    ['symphony-file-extension-delete', { extension: '.log' }],
    ['symphony-uri-protocol-add', { scheme: 'bloomberg' }],
    ['symphony-uri-protocol-delete', { scheme: 'skype' }],
    ['symphony-sso-configuration-get', {}],
    ['symphony-sso-configuration-set', { configuration: { ssoEnabled: false } }],
    ['symphony-sso-configuration-update', { configuration: { forceAuthn: true } }],
    ['symphony-company-certs-list', {}],
    ['symphony-company-certs-pod-managed-list', {}],
    ['symphony-company-certs-by-type', { certTypes: 'USER' }],
    ['symphony-company-cert-get', { fingerPrint: 'f' }],
    ['symphony-company-certs-issued-by', { fingerPrint: 'f' }],
    ['symphony-company-cert-create', { pem: '-----BEGIN CERTIFICATE-----' }],
    ['symphony-company-cert-update', { fingerPrint: 'f', certStatus: 'REVOKED' }],
    ['symphony-company-cert-delete', { fingerPrint: 'f' }],
  ];

  it('every admin node reaches Catch with the pod\'s 403, which names the roles that would do', async function () {
    this.timeout(60_000);
    await out(sim(), 'symphony-user-role-remove', set({ roleId: 'USER_PROVISIONING' }), { userId: BOT.id });
    const problems: string[] = [];
    for (const [type, msg] of CALLS) {
      const refused = await caught(sim(), type, {}, msg);
      const reason = String(refused.error!.cause!.symphonyMessage);
      if (refused.error!.cause!.status !== 403 || !reason.includes('USER_PROVISIONING')) problems.push(`${type}: ${refused.error!.message}`);
      for (const [name, value] of Object.entries(msg)) {
        if (JSON.stringify(refused[name]) !== JSON.stringify(value)) problems.push(`${type}: msg.${name} did not reach Catch as sent`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
