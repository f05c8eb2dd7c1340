import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { DEFAULT_SEED, startSimulator, type Simulator } from '../../simulator';
import { httpsPost } from './helpers';

/** A self-signed certificate with CN demo-bot: right name, wrong issuer. */
function selfSigned(): { cert: string; key: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 3_600_000);
  cert.setSubject([{ name: 'commonName', value: 'demo-bot' }]);
  cert.setIssuer([{ name: 'commonName', value: 'demo-bot' }]);
  const key = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  cert.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key };
}

describe('simulator certificate authentication (mutual TLS)', () => {
  let sim: Simulator;
  before(async () => { sim = await startSimulator(); });
  after(() => sim.close());

  it('issues tokens for a PEM client certificate signed by the simulator CA', async () => {
    const client = sim.issueClientCertificate('demo-bot');
    assert.match(client.certificate, /BEGIN CERTIFICATE/);
    const options = { cert: client.certificate, key: client.key, ca: sim.caCertificate };
    const session = await httpsPost(`${sim.mtlsUrl}/sessionauth/v1/authenticate`, options);
    const keyManager = await httpsPost(`${sim.mtlsUrl}/keyauth/v1/authenticate`, options);
    assert.equal(session.status, 200);
    assert.equal(keyManager.status, 200);
    const sessionToken = (session.body as { name: string; token: string });
    const keyManagerToken = (keyManager.body as { name: string; token: string });
    assert.equal(sessionToken.name, 'sessionToken');
    assert.equal(keyManagerToken.name, 'keyManagerToken');

    const info = await fetch(`${sim.url}/agent/v1/info`, { headers: { sessionToken: sessionToken.token, keyManagerToken: keyManagerToken.token } });
    assert.equal(info.status, 200);
  });

  it('issues a session for the PKCS#12 bundle with its passphrase', async () => {
    const client = sim.issueClientCertificate('alice', 's3cret');
    assert.equal(client.passphrase, 's3cret');
    const res = await httpsPost(`${sim.mtlsUrl}/sessionauth/v1/authenticate`, { pfx: client.pfx, passphrase: 's3cret', ca: sim.caCertificate });
    assert.equal(res.status, 200);
    const session = sim.state.sessions.get((res.body as { token: string }).token);
    assert.equal(session?.kind === 'user' ? session.userId : undefined, DEFAULT_SEED.users.alice.id);
  });

  it('answers 401 JSON without a client certificate or with one from another CA', async () => {
    const none = await httpsPost(`${sim.mtlsUrl}/sessionauth/v1/authenticate`, { ca: sim.caCertificate });
    assert.equal(none.status, 401);
    assert.equal((none.body as { code: number }).code, 401);
    const foreign = selfSigned();
    const untrusted = await httpsPost(`${sim.mtlsUrl}/keyauth/v1/authenticate`, { ...foreign, ca: sim.caCertificate });
    assert.equal(untrusted.status, 401);
  });

  it('answers 403 for a trusted certificate of an unknown user', async () => {
    const client = sim.issueClientCertificate('stranger');
    const res = await httpsPost(`${sim.mtlsUrl}/sessionauth/v1/authenticate`, { cert: client.certificate, key: client.key, ca: sim.caCertificate });
    assert.equal(res.status, 403);
  });
});
