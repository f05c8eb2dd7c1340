import assert from 'node:assert/strict';
import { configCredentials, useSimulator, type Msg } from '../helpers/flow';
import { keyPair } from '../helpers/keys';
import { BOT, USERS } from '../helpers/simulator';
import { allPages, caught, out, perItem, set } from '../helpers/users-flow';

interface DetailJson {
  userAttributes: Record<string, unknown> & { userName: string; emailAddress: string };
  userSystemInfo: { id: number; status: string; createdBy?: string; deactivatedDate?: number };
  roles: string[];
}
interface FeatureJson { entitlment: string; enabled: boolean }

const INTERNAL = [BOT, USERS.alice, USERS.bob, USERS.carol, USERS.frank].map((u) => u.id).sort((a, b) => a - b);
const payload = <T>(msg: Msg): T => msg.payload as T;
const ids = (details: DetailJson[]): number[] => details.map((d) => d.userSystemInfo.id);

describe('users admin nodes: list, details, create, update', function () {
  const sim = useSimulator();

  it('list all users: one page, all pages, all pages up to a cap, one msg per user', async function () {
    const page = payload<DetailJson[]>(await out(sim(), 'symphony-users-list', set({ limit: 2 })));
    assert.deepEqual(ids(page), INTERNAL.slice(0, 2), 'users of this pod only, by id');
    assert.equal(page[0]!.userAttributes.userName, BOT.username);
    assert.equal(page[0]!.userSystemInfo.status, 'ENABLED');

    const all = payload<DetailJson[]>(await out(sim(), 'symphony-users-list', { ...set({ limit: 2 }), ...allPages(1000) }));
    assert.deepEqual(ids(all), INTERNAL);
    sim().clearRequests();
    const capped = payload<DetailJson[]>(await out(sim(), 'symphony-users-list', { ...set({ limit: 2 }), ...allPages(3) }));
    assert.deepEqual(ids(capped), INTERNAL.slice(0, 3), 'truncated at the cap');
    assert.equal(sim().count('GET', '/pod/v2/admin/user/list'), 2);

    const msgs = await perItem(sim(), 'symphony-users-list', allPages(1000), INTERNAL.length);
    assert.deepEqual(msgs.map((m) => payload<DetailJson>(m).userSystemInfo.id), INTERNAL);
    assert.equal((msgs[4]!.parts as { index: number }).index, 4);
  });

  it('list all users: a page larger than 1000 is refused before any request', async function () {
    const refused = await caught(sim(), 'symphony-users-list', set({ limit: 1001 }));
    assert.equal(refused.error!.code, 'INVALID_INPUT');
    assert.equal(refused.error!.cause!.field, 'limit');
    assert.equal(sim().count('GET', '/pod/v2/admin/user/list'), 0);
  });

  it('get user details; an unknown user is Symphony\'s 400', async function () {
    const alice = payload<DetailJson>(await out(sim(), 'symphony-user-details', {}, { userId: USERS.alice.id }));
    assert.equal(alice.userAttributes.emailAddress, USERS.alice.emailAddress);
    assert.equal(alice.userAttributes.department, USERS.alice.department);
    assert.deepEqual(alice.roles, ['INDIVIDUAL']);

    const unknown = await caught(sim(), 'symphony-user-details', {}, { userId: 13287555079999 });
    assert.equal(unknown.error!.cause!.status, 400);
    assert.equal(unknown.error!.cause!.symphonyMessage, 'User 13287555079999 not found');
  });

  it('create user: the new user is found by get user, search and lookup; a second create of the same user fails', async function () {
    const fields = set({ username: 'carl', emailAddress: 'carl.cole@simulated-bank.example', displayName: 'Carl Cole', firstName: 'Carl', lastName: 'Cole', attributes: { title: 'Trader', marketCoverage: ['EMEA'] } });
    const created = payload<DetailJson>(await out(sim(), 'symphony-user-create', fields));
    const id = created.userSystemInfo.id;
    assert.equal(created.userAttributes.userName, 'carl');
    assert.equal(created.userAttributes.accountType, 'NORMAL');
    assert.equal(created.userAttributes.title, 'Trader');
    assert.equal(created.userSystemInfo.createdBy, String(BOT.id));
    assert.deepEqual(created.roles, ['INDIVIDUAL']);

    assert.equal(payload<{ id: number }>(await out(sim(), 'symphony-user-get', set({ username: 'carl' }))).id, id);
    const search = payload<{ users: Array<{ id: number }> }>(await out(sim(), 'symphony-users-search', set({ query: 'cole', filters: { marketCoverage: 'EMEA' } })));
    assert.deepEqual(search.users.map((u) => u.id), [id]);
    const lookup = payload<{ users: Array<{ id: number; title: string }> }>(await out(sim(), 'symphony-users-lookup', {}, { userIds: [id] }));
    assert.equal(lookup.users[0]!.title, 'Trader');

    const again = await caught(sim(), 'symphony-user-create', fields);
    assert.equal(again.error!.cause!.status, 400);
    assert.equal(again.error!.cause!.symphonyMessage, 'userAttributes.userName carl is already taken');
  });

  it('create user: a service account with a public key can log in as a bot', async function () {
    const fields = set({
      username: 'report-bot', emailAddress: 'report-bot@simulated-bank.example', displayName: 'Report Bot', accountType: 'SYSTEM',
      roles: 'INDIVIDUAL', attributes: { currentKey: { key: keyPair('report-bot').publicPem, action: 'SAVE' } },
    });
    const created = payload<DetailJson>(await out(sim(), 'symphony-user-create', fields));
    assert.equal(created.userAttributes.accountType, 'SYSTEM');

    const me = await out(sim(), 'symphony-session-info', {}, {}, {
      config: { botUsername: 'report-bot' },
      credentials: configCredentials({ privateKey: keyPair('report-bot').privatePem }),
    });
    assert.equal(payload<{ id: number }>(me).id, created.userSystemInfo.id);
  });

  it('create user: missing and misnamed fields are named, by the node or by Symphony', async function () {
    const noName = await caught(sim(), 'symphony-user-create', set({ username: 'x1', emailAddress: 'x1@simulated-bank.example' }), { payload: 'x' });
    assert.equal(noName.error!.code, 'INVALID_INPUT');
    assert.equal(noName.error!.cause!.field, 'displayName');

    const person = await caught(sim(), 'symphony-user-create', set({ username: 'x2', emailAddress: 'x2@simulated-bank.example', displayName: 'X2' }));
    assert.equal(person.error!.cause!.symphonyMessage, 'userAttributes.firstName is required for a NORMAL user');

    const misnamed = await caught(sim(), 'symphony-user-create', set({ username: 'x3', emailAddress: 'x3@simulated-bank.example', displayName: 'X3', accountType: 'SYSTEM', attributes: { departement: 'IT' } }));
    assert.equal(misnamed.error!.cause!.symphonyMessage, 'userAttributes has an unknown property departement');
    assert.equal(sim().state.userByUsername('x3'), undefined, 'nothing was created');
  });

  it('update user: the fields set change, the rest stays; the change shows in get user', async function () {
    const updated = payload<DetailJson>(await out(sim(), 'symphony-user-update', set({ title: 'Head of Sales', attributes: { location: 'Boston' } }), { userId: USERS.bob.id }));
    assert.equal(updated.userAttributes.title, 'Head of Sales');
    assert.equal(updated.userAttributes.location, 'Boston');
    assert.equal(updated.userAttributes.displayName, USERS.bob.displayName);
    const bob = payload<{ title: string; location: string }>(await out(sim(), 'symphony-user-get', {}, { userId: USERS.bob.id }));
    assert.deepEqual({ title: bob.title, location: bob.location }, { title: 'Head of Sales', location: 'Boston' });
  });

  it('update user: nothing to change is named before any request; changing the account type is refused', async function () {
    const nothing = await caught(sim(), 'symphony-user-update', {}, { userId: USERS.bob.id });
    assert.equal(nothing.error!.cause!.field, 'attributes');
    assert.equal(sim().count('POST', `/pod/v2/admin/user/${USERS.bob.id}/update`), 0);

    const type = await caught(sim(), 'symphony-user-update', {}, { userId: USERS.bob.id, attributes: { accountType: 'SYSTEM' } });
    assert.equal(type.error!.cause!.symphonyMessage, 'body.accountType cannot be changed from NORMAL to SYSTEM');
  });
});

describe('users admin nodes: features, roles, status', function () {
  const sim = useSimulator();
  const feature = (list: FeatureJson[], name: string): boolean | undefined => list.find((f) => f.entitlment === name)?.enabled;

  it('list user features: frank may not send files', async function () {
    const features = payload<FeatureJson[]>(await out(sim(), 'symphony-user-features-list', {}, { userId: USERS.frank.id }));
    assert.equal(feature(features, 'sendFilesEnabled'), false);
    assert.equal(feature(features, 'canCreatePublicRoom'), true);
  });

  it('update user features, written as { name: value }: the next list shows it and the user\'s canSendFiles entitlement follows', async function () {
    const done = await out(sim(), 'symphony-user-features-update', set({ features: { sendFilesEnabled: false, canCreatePublicRoom: false } }), { userId: USERS.alice.id });
    assert.deepEqual(done.payload, { format: 'TEXT', message: 'OK' });
    const features = payload<FeatureJson[]>(await out(sim(), 'symphony-user-features-list', {}, { userId: USERS.alice.id }));
    assert.equal(feature(features, 'sendFilesEnabled'), false);
    assert.equal(feature(features, 'canCreatePublicRoom'), false);
    assert.equal(sim().state.users.get(USERS.alice.id)?.entitlements.canSendFiles, false, 'alice may no longer attach files');

    await out(sim(), 'symphony-user-features-update', {}, { userId: USERS.alice.id, features: [{ entitlment: 'sendFilesEnabled', enabled: true }] });
    assert.equal(sim().state.users.get(USERS.alice.id)?.entitlements.canSendFiles, true, 'Symphony\'s own list form works too');
  });

  it('update user features: an unknown feature is Symphony\'s 400, a value that is not true/false is named', async function () {
    const unknown = await caught(sim(), 'symphony-user-features-update', {}, { userId: USERS.alice.id, features: { canFly: true } });
    assert.equal(unknown.error!.cause!.status, 400);
    assert.match(String(unknown.error!.cause!.symphonyMessage), /^body\[0\]\.entitlment canFly is not a feature/);

    const notBoolean = await caught(sim(), 'symphony-user-features-update', {}, { userId: USERS.alice.id, features: { canCreatePublicRoom: 'yes' } });
    assert.equal(notBoolean.error!.code, 'INVALID_INPUT');
    assert.equal(notBoolean.error!.cause!.field, 'features');
  });

  it('list roles', async function () {
    const roles = payload<Array<{ id: string; name: string; userTypes: string[] }>>(await out(sim(), 'symphony-roles-list'));
    assert.deepEqual(roles.find((r) => r.id === 'COMPLIANCE_OFFICER')?.userTypes, ['NORMAL']);
    assert.ok(roles.some((r) => r.id === 'USER_PROVISIONING'));
  });

  it('add and remove a role: get user details shows the change', async function () {
    await out(sim(), 'symphony-user-role-add', set({ roleId: 'COMPLIANCE_OFFICER' }), { userId: USERS.carol.id });
    let carol = payload<DetailJson>(await out(sim(), 'symphony-user-details', {}, { userId: USERS.carol.id }));
    assert.deepEqual(carol.roles, ['INDIVIDUAL', 'COMPLIANCE_OFFICER']);

    await out(sim(), 'symphony-user-role-remove', set({ roleId: 'COMPLIANCE_OFFICER' }), { userId: USERS.carol.id });
    carol = payload<DetailJson>(await out(sim(), 'symphony-user-details', {}, { userId: USERS.carol.id }));
    assert.deepEqual(carol.roles, ['INDIVIDUAL']);
  });

  it('add role: a role a person cannot hold is refused; remove role from an unknown user is a 404', async function () {
    const wrongType = await caught(sim(), 'symphony-user-role-add', set({ roleId: 'AUDIT_TRAIL_MANAGEMENT' }), { userId: USERS.carol.id });
    assert.equal(wrongType.error!.cause!.symphonyMessage, 'role AUDIT_TRAIL_MANAGEMENT cannot be given to a NORMAL account');

    const unknown = await caught(sim(), 'symphony-user-role-remove', set({ roleId: 'INDIVIDUAL' }), { userId: 13287555079999 });
    assert.equal(unknown.error!.cause!.status, 404);
    assert.equal(unknown.error!.cause!.symphonyMessage, 'User 13287555079999 not found');
  });

  it('disable a user: the status reads DISABLED, search and active lookups leave the user out; enable again', async function () {
    assert.deepEqual(payload(await out(sim(), 'symphony-user-status-get', {}, { userId: USERS.frank.id })), { status: 'ENABLED', suspended: false });
    await out(sim(), 'symphony-user-status-update', set({ accountStatus: 'DISABLED' }), { userId: USERS.frank.id });

    assert.deepEqual(payload(await out(sim(), 'symphony-user-status-get', {}, { userId: USERS.frank.id })), { status: 'DISABLED', suspended: false });
    const details = payload<DetailJson>(await out(sim(), 'symphony-user-details', {}, { userId: USERS.frank.id }));
    assert.equal(details.userSystemInfo.status, 'DISABLED');
    assert.equal(typeof details.userSystemInfo.deactivatedDate, 'number');
    const search = await out(sim(), 'symphony-users-search', set({ query: 'fischer' }));
    assert.deepEqual(search.payload, { count: 0, users: [] });
    const active = payload<{ users: unknown[] }>(await out(sim(), 'symphony-users-lookup', set({ active: true }), { userIds: [USERS.frank.id] }));
    assert.deepEqual(active.users, []);

    await out(sim(), 'symphony-user-status-update', set({ accountStatus: 'ENABLED' }), { userId: USERS.frank.id });
    assert.equal(sim().state.users.get(USERS.frank.id)?.active, true);
  });

  it('suspend a user for a while', async function () {
    await out(sim(), 'symphony-user-status-update', set({ accountStatus: 'ENABLED', suspended: true, suspendedUntil: 1893456000000, suspensionReason: 'Leave' }), { userId: USERS.bob.id });
    assert.deepEqual(payload(await out(sim(), 'symphony-user-status-get', {}, { userId: USERS.bob.id })), {
      status: 'ENABLED', suspended: true, suspendedUntil: 1893456000000, suspensionReason: 'Leave',
    });
  });

  it('update user status: a status that is not ENABLED or DISABLED is named before any request', async function () {
    const refused = await caught(sim(), 'symphony-user-status-update', {}, { userId: USERS.bob.id, accountStatus: 'PAUSED' });
    assert.equal(refused.error!.cause!.field, 'accountStatus');
    assert.equal(sim().count('POST', `/pod/v1/admin/user/${USERS.bob.id}/status/update`), 0);
  });
});

describe('users admin nodes: a caller without an admin role', function () {
  const sim = useSimulator();

  it('once the bot loses User Provisioning, admin calls get Symphony\'s 403', async function () {
    await out(sim(), 'symphony-user-role-remove', set({ roleId: 'USER_PROVISIONING' }), { userId: BOT.id });
    const refused = await caught(sim(), 'symphony-users-list');
    assert.equal(refused.error!.code, 'HTTP_403');
    assert.match(String(refused.error!.cause!.symphonyMessage), /^The user lacks the required entitlement to perform this operation/);
    const details = await caught(sim(), 'symphony-user-details', {}, { userId: USERS.alice.id });
    assert.equal(details.error!.cause!.status, 403);
  });
});
