/**
 * "Test connection" against real loopback servers that fail the way a wrong setting does: a port nobody listens
 * on, a plain HTTP server called over HTTPS, a TLS server whose certificate nobody trusts, a server that never
 * answers, a name that does not resolve, a malformed URL. Each reason is in plain words with the system's code
 * after it, and names the field to check.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { SimulatorPki } from '../../simulator/pki';
import { helper, loadFlow } from '../helpers/flow';
import { keyPair } from '../helpers/keys';
import { listenOnLoopback, type LoopbackServer } from '../helpers/loopback-server';

interface AdminResponse {
  status: number;
  body: { ok?: boolean; reason?: string; code?: string; field?: string };
  text: string;
}
interface AdminRequest {
  post(path: string): { send(body: object): Promise<AdminResponse> };
}
const admin = (): AdminRequest => (helper as unknown as { request(): AdminRequest }).request();

/** The dialog of a new RSA config node (no OBO app, 1 s timeout) with `props` over it, tested before any deploy. */
async function test(props: Record<string, unknown>): Promise<AdminResponse['body']> {
  const config = { name: '', podUrl: '', agentUrl: '', keyManagerUrl: '', authType: 'rsa', botUsername: 'bot', appId: '', timeout: 1, maxRetries: 3, ...props };
  const response = await admin().post('/symphony/test-connection').send({ id: 'new', config, credentials: { privateKey: keyPair('bot').privatePem } });
  assert.equal(response.status, 200, response.text);
  assert.equal(response.body.ok, false, response.text);
  assert.ok(!response.text.includes('PRIVATE KEY'), 'no key in the answer');
  return response.body;
}

const hostPort = (url: string): string => new URL(url).host;

describe('config node: Test connection names network failures in plain words', function () {
  this.timeout(30_000);
  const servers: LoopbackServer[] = [];

  before(() => helper.startServer());
  after(() => helper.stopServer());
  // The helper makes its admin app (and the route) when a flow loads.
  beforeEach(() => loadFlow([]));
  afterEach(async () => {
    await helper.unload();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  async function serve(server: http.Server | https.Server): Promise<string> {
    const started = await listenOnLoopback(server);
    servers.push(started);
    return started.url;
  }

  it('a port nobody listens on: "nothing listening at host:port (ECONNREFUSED)", on the pod URL', async () => {
    // A port that was free a moment ago: taken, then given back.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const body = await test({ podUrl: `http://127.0.0.1:${port}` });
    assert.equal(body.reason, `nothing listening at 127.0.0.1:${port} (ECONNREFUSED)`);
    assert.equal(body.code, 'NETWORK');
    assert.equal(body.field, 'podUrl');
  });

  it('a plain HTTP server called over HTTPS: "TLS handshake failed ... is it http on an https port?"', async () => {
    const plain = await serve(http.createServer((_req, res) => res.end('plain')));
    const url = plain.replace(/^http:/, 'https:');
    const body = await test({ podUrl: url });
    assert.match(String(body.reason), new RegExp(`^TLS handshake failed with ${hostPort(url).replace(/\./g, '\\.')}: is it http on an https port\\? \\((EPROTO|ERR_SSL_WRONG_VERSION_NUMBER)\\)$`));
    assert.equal(body.field, 'podUrl');
  });

  it('a TLS server with a certificate from an unknown authority: "not trusted", pointing to Extra CAs', async () => {
    const pki = await SimulatorPki.shared();
    const url = await serve(https.createServer({ cert: pki.serverCertificate, key: pki.serverKey }, (_req, res) => res.end('{}')));
    const body = await test({ podUrl: url });
    assert.match(String(body.reason), new RegExp(`^the certificate of ${hostPort(url).replace(/\./g, '\\.')} is not trusted .*Extra CAs \\((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT)\\)$`));
    assert.equal(body.field, 'caCertificates');
  });

  it('the same server with its CA added passes the handshake (the failure is the login, not TLS)', async () => {
    const pki = await SimulatorPki.shared();
    const url = await serve(https.createServer({ cert: pki.serverCertificate, key: pki.serverKey }, (_req, res) => { res.statusCode = 401; res.end('{}'); }));
    const body = await test({ podUrl: url, caCertificates: pki.caCertificate });
    assert.equal(body.code, 'NOT_AUTHORIZED', JSON.stringify(body));
  });

  it('an agent that never answers: "no answer from host:port: timed out (ETIMEDOUT)", on the agent URL', async () => {
    const pki = await SimulatorPki.shared();
    const pod = await serve(https.createServer({ cert: pki.serverCertificate, key: pki.serverKey }, (_req, res) => res.end(JSON.stringify({ token: 'session' }))));
    const silent = await serve(http.createServer(() => undefined));
    const body = await test({ podUrl: pod, caCertificates: pki.caCertificate, keyManagerUrl: silent });
    assert.equal(body.reason, `no answer from ${hostPort(silent)}: timed out (ETIMEDOUT)`);
    assert.equal(body.code, 'TIMEOUT');
    assert.equal(body.field, 'keyManagerUrl');
  });

  it('a name that does not resolve: "name not found" (ENOTFOUND or EAI_AGAIN)', async () => {
    const body = await test({ podUrl: 'https://no-such-pod.invalid' });
    assert.match(String(body.reason), /^name not found: no-such-pod\.invalid \((ENOTFOUND|EAI_AGAIN)\)$/);
    assert.equal(body.field, 'podUrl');
  });

  it('a malformed URL says so, naming the field, and nothing is sent', async () => {
    const missingColon = await test({ podUrl: 'https//acme.symphony.com' });
    assert.match(String(missingColon.reason), /^podUrl: is not a URL: "?https\/\/acme\.symphony\.com/);
    assert.equal(missingColon.field, 'podUrl');
    const scheme = await test({ podUrl: 'https://acme.symphony.com', agentUrl: 'ftp://agent.acme.com' });
    assert.equal(scheme.field, 'agentUrl');
    assert.match(String(scheme.reason), /must start with https:\/\//);
  });
});
