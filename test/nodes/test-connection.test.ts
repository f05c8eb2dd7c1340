import assert from 'node:assert/strict';
import { CONFIG_ID, configCredentials, configNode, helper, loadFlow } from '../helpers/flow';
import { keyPair } from '../helpers/keys';
import { useSimulator } from '../helpers/flow';
import type { Simulator } from '../../simulator';

/** node-red-node-test-helper's `request()`: supertest on the admin app (not in its type declarations). */
interface AdminResponse {
  status: number;
  body: Record<string, unknown>;
  text: string;
}
interface AdminRequest {
  post(path: string): { send(body: object): Promise<AdminResponse> };
}
const admin = (): AdminRequest => (helper as unknown as { request(): AdminRequest }).request();

const STORED = '__PWRD__';

function dialog(sim: Simulator, props: Record<string, unknown> = {}): Record<string, unknown> {
  const { id: _id, type: _type, ...values } = configNode(sim, props);
  return { ...values, schemaVersion: 1 };
}

function testConnection(body: object): Promise<AdminResponse> {
  return admin().post('/symphony/test-connection').send(body);
}

/** A flow without a config node: the helper creates its admin app (and our route) on each load. */
function noDeployedConfig(): Promise<void> {
  return loadFlow([]);
}

/** Every token the simulator has issued, and the key material used: none may appear in an answer. */
function secrets(sim: Simulator): string[] {
  const pems = [keyPair('bot').privatePem, keyPair('app').privatePem, keyPair('stranger').privatePem];
  const keyLines = pems.flatMap((pem) => pem.split('\n').filter((line) => line.length > 40));
  return [...sim.state.sessions.keys(), ...keyLines];
}

function assertNoSecrets(sim: Simulator, response: AdminResponse): void {
  for (const secret of secrets(sim)) assert.ok(!response.text.includes(secret), 'the answer holds a token or key material');
}

describe('config node: Test connection (POST symphony/test-connection)', function () {
  const sim = useSimulator();

  it('authenticates with the dialog values, before any deploy, and names the bot and the versions', async () => {
    await noDeployedConfig();
    const response = await testConnection({
      id: 'not-deployed-yet',
      config: dialog(sim()),
      credentials: { privateKey: keyPair('bot').privatePem, appPrivateKey: keyPair('app').privatePem, proxyPassword: '' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.body.ok, true, response.text);
    assert.equal(response.body.botDisplayName, 'Demo Bot');
    assert.match(String(response.body.agentVersion), /\d/);
    assert.match(String(response.body.podVersion), /\d/);
    assert.deepEqual(response.body.obo, { ok: true });
    assert.ok(sim().count('POST', '/relay/pubkey/authenticate') > 0, 'the key manager was authenticated too');
    assertNoSecrets(sim(), response);
  });

  it('sends the key manager token to the agent only, never to the pod or the login API', async () => {
    await noDeployedConfig();
    const response = await testConnection({ id: 'new', config: dialog(sim()), credentials: configCredentials()[CONFIG_ID] });
    assert.equal(response.body.ok, true, response.text);
    const carrying = sim().requests.filter((r) => r.headers.keymanagertoken !== undefined).map((r) => r.path);
    assert.ok(carrying.some((path) => path.startsWith('/agent/')), 'the agent read carries the key manager token');
    assert.deepEqual(carrying.filter((path) => !path.startsWith('/agent/')), []);
    assert.ok(sim().count('GET', '/pod/v2/sessioninfo') > 0, 'the pod was read');
  });

  it('uses the deployed credentials for fields left as the __PWRD__ placeholder', async () => {
    await loadFlow([configNode(sim())]);
    const response = await testConnection({ id: CONFIG_ID, config: dialog(sim()), credentials: { privateKey: STORED, appPrivateKey: STORED } });
    assert.equal(response.body.ok, true, response.text);
    assert.equal(response.body.botDisplayName, 'Demo Bot');
    assertNoSecrets(sim(), response);
  });

  it('sends stored secrets only to the deployed URLs', async () => {
    await loadFlow([configNode(sim())]);
    const response = await testConnection({
      id: CONFIG_ID, config: dialog(sim(), { podUrl: 'http://127.0.0.1:9' }), credentials: { privateKey: STORED, appPrivateKey: STORED },
    });
    assert.equal(response.body.ok, false);
    assert.equal(response.body.field, 'podUrl');
    assert.equal(response.body.reason, 'Pod URL differs from the deployed connection: stored secrets are only sent to the deployed URLs. Enter again: Private key, App private key (or deploy first, then test)');
    assert.deepEqual(response.body.reenter, ['privateKey', 'appPrivateKey']);
    assert.equal(sim().count('POST', '/login/pubkey/authenticate'), 0);
  });

  it('after a URL change names only the stored secrets the settings use, and tests once they are entered again', async () => {
    await loadFlow([configNode(sim())], configCredentials({ privateKeyPassphrase: '', pkcs12: 'c3RvcmVk', proxyPassword: 'stored' }));
    const moved = dialog(sim(), { agentUrl: sim().url, appId: '' });
    const all = { privateKey: STORED, privateKeyPassphrase: '', pkcs12: STORED, proxyPassword: STORED, appPrivateKey: STORED };
    const refused = await testConnection({ id: CONFIG_ID, config: moved, credentials: all });
    assert.equal(refused.body.field, 'agentUrl');
    assert.deepEqual(refused.body.reenter, ['privateKey'], 'no certificate, no proxy, no OBO app: only the bot key');
    assert.match(String(refused.body.reason), /^Agent URL differs .* Enter again: Private key \(or deploy first/);
    assert.equal(sim().requests.length, 0);

    const entered = await testConnection({ id: CONFIG_ID, config: moved, credentials: { ...all, privateKey: keyPair('bot').privatePem } });
    assert.equal(entered.body.ok, true, entered.text);
    assertNoSecrets(sim(), entered);
  });

  it('reports a key the pod does not know as "not authorized"', async () => {
    await noDeployedConfig();
    const response = await testConnection({ id: 'new', config: dialog(sim(), { appId: '' }), credentials: { privateKey: keyPair('stranger').privatePem } });
    assert.equal(response.body.ok, false);
    assert.equal(response.body.code, 'NOT_AUTHORIZED');
    assert.match(String(response.body.reason), /not authorized/);
    assertNoSecrets(sim(), response);
  });

  it('names the field of a malformed PEM without sending anything', async () => {
    await noDeployedConfig();
    const response = await testConnection({ id: 'new', config: dialog(sim(), { appId: '' }), credentials: { privateKey: '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----' } });
    assert.equal(response.body.ok, false);
    assert.equal(response.body.field, 'privateKey');
    assert.equal(sim().requests.length, 0);
  });

  it('reports a refused OBO app apart from a working bot login', async () => {
    await noDeployedConfig();
    const credentials = { ...configCredentials()[CONFIG_ID], appPrivateKey: keyPair('stranger').privatePem };
    const response = await testConnection({ id: 'new', config: dialog(sim()), credentials });
    assert.equal(response.body.ok, true, response.text);
    const obo = response.body.obo as { ok: boolean; reason: string };
    assert.equal(obo.ok, false);
    assert.match(obo.reason, /not authorized: OBO app session/);
    assertNoSecrets(sim(), response);
  });

  it('reports an unreachable pod with the address it tried', async () => {
    await noDeployedConfig();
    const response = await testConnection({ id: 'new', config: dialog(sim(), { podUrl: 'http://127.0.0.1:9', appId: '' }), credentials: { privateKey: keyPair('bot').privatePem } });
    assert.equal(response.body.ok, false);
    assert.match(String(response.body.reason), /127\.0\.0\.1:9/);
  });
});
