import assert from 'node:assert/strict';
import { useSimulator, type Msg } from '../helpers/flow';
import { IDP } from '../helpers/admin-fixtures';
import { keyPair } from '../helpers/keys';
import { USERS } from '../helpers/simulator';
import { allPages, caught, onBehalfOf, out, set } from '../helpers/users-flow';

interface UserAppJson { appId: string; listed: boolean; install: boolean; products?: Array<{ name: string; subscribed: boolean }> }
interface AppJson { applicationInfo: { appId: string; name?: string }; description?: string; permissions?: string[]; authenticationKeys?: { current?: { key?: string; action?: string } } }

const payload = <T>(msg: Msg): T => msg.payload as T;
const app = (list: UserAppJson[], appId: string): UserAppJson | undefined => list.find((a) => a.appId === appId);

describe('app entitlement nodes', function () {
  const sim = useSimulator();
  const userApps = async (userId: number): Promise<UserAppJson[]> => payload<UserAppJson[]>(await out(sim(), 'symphony-user-app-entitlements-list', {}, { userId }));

  it('company-wide: an update is what the list shows, and what users get', async function () {
    await out(sim(), 'symphony-app-entitlements-update', {}, { entitlements: [{ appId: 'djApp', appName: 'Dow Jones', enable: true, listed: true, install: true }] });
    const company = payload<Array<{ appId: string; install: boolean }>>(await out(sim(), 'symphony-app-entitlements-list'));
    assert.equal(company.find((e) => e.appId === 'djApp')!.install, true);
    assert.equal(app(await userApps(USERS.bob.id), 'djApp')!.install, true);
    assert.equal(app(await userApps(USERS.bob.id), 'legacyCharts'), undefined, 'an app not enabled is not a user\'s');
  });

  it('company-wide: an entry missing a field is refused before any request, an unknown app by the pod', async function () {
    const missing = await caught(sim(), 'symphony-app-entitlements-update', {}, { entitlements: [{ appId: 'djApp', appName: 'Dow Jones', enable: true, listed: true }] });
    assert.equal(missing.error!.code, 'INVALID_INPUT');
    assert.equal(missing.error!.cause!.field, 'entitlements');
    assert.equal(sim().count('POST', '/pod/v1/admin/app/entitlement/list'), 0);
    const unknown = await caught(sim(), 'symphony-app-entitlements-update', {}, { entitlements: [{ appId: 'nope', appName: 'Nope', enable: true, listed: true, install: true }] });
    assert.equal(unknown.error!.cause!.symphonyMessage, 'body[0].appId nope is not an app of this pod');
  });

  it('per user (PATCH): TRUE sets the user\'s own value, REMOVE goes back to the company\'s; other users keep theirs', async function () {
    await out(sim(), 'symphony-app-entitlements-update', {}, { entitlements: [{ appId: 'djApp', appName: 'Dow Jones', enable: true, listed: true, install: false }] });
    const patched = payload<UserAppJson[]>(await out(sim(), 'symphony-user-app-entitlement-update', set({ appId: 'djApp', listed: 'FALSE', install: 'TRUE' }), { userId: USERS.alice.id }));
    assert.deepEqual(app(patched, 'djApp'), { appId: 'djApp', appName: 'Dow Jones', listed: false, install: true });
    assert.equal(sim().count('PATCH', `/pod/v1/admin/user/${USERS.alice.id}/app/entitlement/list`), 1);
    assert.equal(app(await userApps(USERS.bob.id), 'djApp')!.install, false);

    const reset = payload<UserAppJson[]>(await out(sim(), 'symphony-user-app-entitlement-update', set({ appId: 'djApp', install: 'REMOVE' }), { userId: USERS.alice.id }));
    assert.deepEqual(app(reset, 'djApp'), { appId: 'djApp', appName: 'Dow Jones', listed: false, install: false }, 'listed stays the user\'s, install is the company\'s again');
  });

  it('per user: a product subscription, set by replace, then by a patch', async function () {
    const replaced = payload<UserAppJson[]>(await out(sim(), 'symphony-user-app-entitlements-replace', {}, {
      userId: USERS.carol.id, entitlements: [{ appId: 'selerity', listed: true, install: true, products: [{ name: 'Premium', type: 'premium', subscribed: true }] }],
    }));
    assert.equal(app(replaced, 'selerity')!.products!.find((p) => p.name === 'Premium')!.subscribed, true);
    const patched = payload<UserAppJson[]>(await out(sim(), 'symphony-user-app-entitlement-update', set({ appId: 'selerity', product: { name: 'Premium', type: 'premium', subscribed: false } }), { userId: USERS.carol.id }));
    assert.equal(app(patched, 'selerity')!.products!.find((p) => p.name === 'Premium')!.subscribed, false);
  });

  it('per user: a flag that is not TRUE, FALSE, KEEP or REMOVE is named before any request', async function () {
    const refused = await caught(sim(), 'symphony-user-app-entitlement-update', set({ appId: 'djApp', install: 'YES' }), { userId: USERS.alice.id });
    assert.equal(refused.error!.cause!.field, 'install');
    assert.equal(sim().count('PATCH', `/pod/v1/admin/user/${USERS.alice.id}/app/entitlement/list`), 0);
  });
});

describe('app and manifest nodes', function () {
  const sim = useSimulator();

  it('create an app with a key: it can act for users at once; update, get, delete; then it cannot', async function () {
    const created = payload<AppJson>(await out(sim(), 'symphony-app-create', set({
      appId: 'desk-app', appName: 'Desk App', appUrl: 'https://desk.simulated-bank.example', domain: 'simulated-bank.example',
      permissions: 'GET_BASIC_USER_INFO,SEND_MESSAGES', publicKey: keyPair('app').publicPem,
    })));
    assert.deepEqual(created.applicationInfo, { appId: 'desk-app', name: 'Desk App', appUrl: 'https://desk.simulated-bank.example', domain: 'simulated-bank.example' });
    assert.equal(created.authenticationKeys!.current!.action, undefined);

    const asAlice = await out(sim(), 'symphony-session-info', onBehalfOf('alice'), {}, { config: { appId: 'desk-app' } });
    assert.equal((asAlice.payload as { username: string }).username, 'alice');

    await out(sim(), 'symphony-app-update', set({ description: 'For the desk' }), { appId: 'desk-app' });
    const got = payload<AppJson>(await out(sim(), 'symphony-app-get', {}, { appId: 'desk-app' }));
    assert.equal(got.description, 'For the desk');
    assert.equal(got.applicationInfo.name, 'Desk App', 'what the update did not set is kept');
    const inStore = payload<Array<{ appId: string }>>(await out(sim(), 'symphony-app-entitlements-list'));
    assert.ok(inStore.some((e) => e.appId === 'desk-app'), 'a new app enters the company\'s app store');

    await out(sim(), 'symphony-app-delete', {}, { appId: 'desk-app' });
    assert.equal((await caught(sim(), 'symphony-app-get', {}, { appId: 'desk-app' })).error!.cause!.symphonyMessage, 'App desk-app not found');
    const refused = await caught(sim(), 'symphony-session-info', onBehalfOf('alice'), {}, { config: { appId: 'desk-app' } });
    assert.equal(refused.error!.cause!.status, 401);
  });

  it('create: the same app id twice is the pod\'s 400; an app URL without https is named before any request', async function () {
    await out(sim(), 'symphony-app-create', set({ appId: 'twice', appName: 'Twice' }));
    assert.equal((await caught(sim(), 'symphony-app-create', set({ appId: 'twice', appName: 'Twice' }))).error!.cause!.symphonyMessage, 'applicationInfo.appId twice is already taken');
    sim().clearRequests();
    const plain = await caught(sim(), 'symphony-app-create', set({ appId: 'plain', appName: 'Plain', appUrl: 'http://plain.example' }));
    assert.equal(plain.error!.cause!.field, 'appUrl');
    assert.equal(sim().count('POST', '/pod/v1/admin/app/create'), 0);
    const nothing = await caught(sim(), 'symphony-app-update', {}, { appId: 'twice' });
    assert.equal(nothing.error!.cause!.field, 'details');
  });

  it('an app registered at start can be read by its id', async function () {
    const demo = payload<AppJson>(await out(sim(), 'symphony-app-get', {}, { appId: 'demo-obo-app' }));
    assert.ok(demo.permissions!.includes('SEND_MESSAGES'));
    assert.match(demo.authenticationKeys!.current!.key!, /^-----BEGIN PUBLIC KEY-----/);
  });

  it('the bot\'s manifest: set as JSON, read back as the JSON text the API keeps; too long is refused before any request', async function () {
    assert.deepEqual(payload(await out(sim(), 'symphony-manifest-get')), { manifest: '{}' });
    const manifest = { commands: [{ name: 'help', description: 'What I can do' }] };
    await out(sim(), 'symphony-manifest-update', {}, { manifest });
    assert.deepEqual(JSON.parse(payload<{ manifest: string }>(await out(sim(), 'symphony-manifest-get')).manifest), manifest);

    const long = await caught(sim(), 'symphony-manifest-update', {}, { manifest: { text: 'x'.repeat(6200) } });
    assert.equal(long.error!.cause!.field, 'manifest');
    assert.match(long.error!.message, /6211 characters/);
    assert.equal(sim().count('POST', '/pod/v1/user/manifest/own'), 1);
  });
});

describe('pod settings nodes', function () {
  const sim = useSimulator();
  const allowed = async (): Promise<string[]> => payload<string[]>(await out(sim(), 'symphony-allowed-file-types'));
  const protocols = async (): Promise<string[]> => payload<string[]>(await out(sim(), 'symphony-uri-protocols'));

  it('file extensions: all pages of the list are the allowed types; set and delete change them', async function () {
    const all = payload<Array<{ extension: string }>>(await out(sim(), 'symphony-file-extensions-list', { ...set({ limit: 5 }), ...allPages(1000) }));
    assert.deepEqual(all.map((e) => e.extension), await allowed());
    assert.equal(sim().count('GET', '/pod/file_ext/v1/allowed_extensions'), Math.ceil(all.length / 5));

    const stored = payload(await out(sim(), 'symphony-file-extension-set', set({ extension: '.LOG', scopeInternal: true, scopeExternal: false })));
    assert.deepEqual(stored, { extension: '.log', scope_internal: true, scope_external: false, scope_xpod: false, source: 'CUSTOMER' });
    assert.ok((await allowed()).includes('.log'));
    const deleted = await out(sim(), 'symphony-file-extension-delete', set({ extension: '.log' }));
    assert.equal(deleted.payload, null);
    assert.ok(!(await allowed()).includes('.log'));
    assert.equal((await caught(sim(), 'symphony-file-extension-delete', set({ extension: '.log' }))).error!.cause!.status, 400);
  });

  it('URI protocols: add and delete change the list; adding one twice is the pod\'s 400', async function () {
    assert.deepEqual(payload(await out(sim(), 'symphony-uri-protocol-add', set({ scheme: 'bloomberg' }))), { scheme: 'bloomberg' });
    assert.ok((await protocols()).includes('bloomberg'));
    const twice = await caught(sim(), 'symphony-uri-protocol-add', set({ scheme: 'bloomberg' }));
    assert.equal(twice.error!.cause!.symphonyMessage, 'scheme bloomberg is already supported');
    assert.equal((await out(sim(), 'symphony-uri-protocol-delete', set({ scheme: 'bloomberg' }))).payload, null);
    assert.ok(!(await protocols()).includes('bloomberg'));
    const bad = await caught(sim(), 'symphony-uri-protocol-add', set({ scheme: 'not a scheme' }));
    assert.equal(bad.error!.cause!.field, 'scheme');
  });

  it('SSO: none at first (404); an incomplete one is refused; set, then a PATCH keeps what it does not name', async function () {
    assert.equal((await caught(sim(), 'symphony-sso-configuration-get')).error!.cause!.status, 404);
    const incomplete = await caught(sim(), 'symphony-sso-configuration-set', set({ ssoEnabled: true, idpEntityId: IDP.entityId }));
    assert.equal(incomplete.error!.cause!.symphonyMessage, 'idpSsoEndpoint is required when ssoEnabled is true');

    await out(sim(), 'symphony-sso-configuration-set', set({ ssoEnabled: true, idpEntityId: IDP.entityId, idpSsoEndpoint: IDP.ssoEndpoint }), { idpSigningCertificate: IDP.certificate() });
    await out(sim(), 'symphony-sso-configuration-update', set({ forceAuthn: true }));
    assert.equal(sim().count('PATCH', '/pod/v1/admin/sso/configuration'), 1);
    const sso = payload<Record<string, unknown>>(await out(sim(), 'symphony-sso-configuration-get'));
    assert.equal(sso.forceAuthn, true);
    assert.equal(sso.idpEntityId, IDP.entityId, 'kept by the PATCH');
    assert.match(String(sso.symphonyAcsUrl), /^http:\/\/127\.0\.0\.1:\d+\/login\/saml\/acs$/);

    // As the edit dialog saves a pasted certificate: on one line. The node puts the PEM's lines back.
    const pem = IDP.certificate().replace(/\r\n/g, '\n').trim();
    await out(sim(), 'symphony-sso-configuration-update', set({ idpSigningCertificate: pem.replace(/\n/g, '') }));
    assert.equal(payload<Record<string, unknown>>(await out(sim(), 'symphony-sso-configuration-get')).idpSigningCertificate, pem);
    const notCertificate = await caught(sim(), 'symphony-sso-configuration-update', set({ idpSigningCertificate: '-----BEGIN CERTIFICATE-----AAAA-----END CERTIFICATE-----' }));
    assert.equal(notCertificate.error!.cause!.symphonyMessage, 'idpSigningCertificate must be a PEM encoded certificate');

    const noField = await caught(sim(), 'symphony-sso-configuration-update');
    assert.equal(noField.error!.cause!.field, 'configuration');
    assert.equal(sim().count('PATCH', '/pod/v1/admin/sso/configuration'), 3);
  });
});
