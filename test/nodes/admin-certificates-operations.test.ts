import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { useSimulator, type Msg } from '../helpers/flow';
import { testCertificates } from '../helpers/certificates';
import { allPages, caught, out, set } from '../helpers/users-flow';

interface CertJson {
  companyCertAttributes: { name: string; type: { type: string }; status: { type: string } };
  companyCertInfo: { fingerPrint: string; issuerFingerPrint?: string; commonName?: string; expiryDate: number };
  certInfo?: Array<{ name: string; attributes: Array<{ name: string; value: string }> }>;
}

const payload = <T>(msg: Msg): T => msg.payload as T;
const names = (certs: CertJson[]): string[] => certs.map((c) => c.companyCertAttributes.name);

describe('company certificate nodes', function () {
  const sim = useSimulator();
  let ca: CertJson;
  let user: CertJson;

  it('add a CA and a certificate it signed: get shows what the certificate says, issued by links them', async function () {
    ca = payload<CertJson>(await out(sim(), 'symphony-company-cert-create', set({ certName: 'Users CA', certType: 'USERSIGNING' }), { pem: testCertificates().caPem }));
    assert.deepEqual(ca.companyCertAttributes, { name: 'Users CA', type: { type: 'USERSIGNING' }, status: { type: 'TRUSTED' } });
    user = payload<CertJson>(await out(sim(), 'symphony-company-cert-create', {}, { pem: testCertificates().userPem }));
    assert.deepEqual(user.companyCertAttributes, { name: 'report-bot', type: { type: 'USER' }, status: { type: 'TRUSTED' } }, 'defaults: the common name, USER, TRUSTED');
    assert.equal(user.companyCertInfo.issuerFingerPrint, ca.companyCertInfo.fingerPrint);
    assert.equal(user.companyCertInfo.fingerPrint, new X509Certificate(testCertificates().userPem).fingerprint256.replace(/:/g, '').toLowerCase());

    const got = payload<CertJson>(await out(sim(), 'symphony-company-cert-get', {}, { fingerPrint: user.companyCertInfo.fingerPrint }));
    assert.deepEqual(got.certInfo!.find((i) => i.name === 'Subject')!.attributes, [{ name: 'CN', value: 'report-bot' }, { name: 'O', value: 'Simulated Bank' }]);
    const issued = payload<CertJson[]>(await out(sim(), 'symphony-company-certs-issued-by', {}, { fingerPrint: ca.companyCertInfo.fingerPrint }));
    assert.deepEqual(names(issued), ['report-bot']);
  });

  it('lists: all certificates (all pages), the pod-managed CA, by type', async function () {
    sim().clearRequests();
    const all = payload<CertJson[]>(await out(sim(), 'symphony-company-certs-list', { ...set({ limit: 1 }), ...allPages(100) }));
    assert.deepEqual(names(all), ['Symphony Simulator CA', 'Users CA', 'report-bot']);
    assert.equal(sim().count('GET', '/pod/v1/companycert/list'), 4, 'three full pages, then an empty one');
    assert.deepEqual(names(payload<CertJson[]>(await out(sim(), 'symphony-company-certs-pod-managed-list'))), ['Symphony Simulator CA']);
    assert.deepEqual(names(payload<CertJson[]>(await out(sim(), 'symphony-company-certs-by-type', {}, { certTypes: 'USER' }))), ['report-bot']);
    const refused = await caught(sim(), 'symphony-company-certs-by-type', {}, { certTypes: 'SERVER' });
    assert.equal(refused.error!.cause!.field, 'certTypes');
  });

  it('update: revoke and rename; nothing to change is refused before any request', async function () {
    await out(sim(), 'symphony-company-cert-update', set({ certStatus: 'REVOKED', certName: 'Old report bot' }), { fingerPrint: user.companyCertInfo.fingerPrint });
    const got = payload<CertJson>(await out(sim(), 'symphony-company-cert-get', {}, { fingerPrint: user.companyCertInfo.fingerPrint }));
    assert.deepEqual(got.companyCertAttributes, { name: 'Old report bot', type: { type: 'USER' }, status: { type: 'REVOKED' } });
    sim().clearRequests();
    const nothing = await caught(sim(), 'symphony-company-cert-update', {}, { fingerPrint: user.companyCertInfo.fingerPrint });
    assert.equal(nothing.error!.cause!.field, 'attributes');
    assert.equal(sim().count('POST', `/pod/v1/companycert/${user.companyCertInfo.fingerPrint}/update`), 0);
  });

  it('add: the same certificate twice, an expired one, or no certificate at all is the pod\'s 400', async function () {
    const twice = await caught(sim(), 'symphony-company-cert-create', {}, { pem: testCertificates().caPem });
    assert.match(String(twice.error!.cause!.symphonyMessage), /is already known$/);
    const expired = await caught(sim(), 'symphony-company-cert-create', {}, { pem: testCertificates().expiredPem });
    assert.match(String(expired.error!.cause!.symphonyMessage), /^pem: the certificate expired on /);
    const junk = await caught(sim(), 'symphony-company-cert-create', {}, { pem: '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----' });
    assert.equal(junk.error!.cause!.symphonyMessage, 'pem is not an X.509 certificate in PEM form');
  });

  it('delete: gone from the lists; the pod-managed CA cannot be deleted', async function () {
    await out(sim(), 'symphony-company-cert-delete', {}, { fingerPrint: user.companyCertInfo.fingerPrint });
    assert.deepEqual(names(payload<CertJson[]>(await out(sim(), 'symphony-company-certs-list'))), ['Symphony Simulator CA', 'Users CA']);
    const again = await caught(sim(), 'symphony-company-cert-delete', {}, { fingerPrint: user.companyCertInfo.fingerPrint });
    assert.equal(again.error!.cause!.status, 400);
    const podCa = payload<CertJson[]>(await out(sim(), 'symphony-company-certs-pod-managed-list'))[0]!;
    const refused = await caught(sim(), 'symphony-company-cert-delete', {}, { fingerPrint: podCa.companyCertInfo.fingerPrint });
    assert.match(String(refused.error!.cause!.symphonyMessage), /managed by the pod/);
  });

  it('get pod certificate: the pod\'s own certificate, signed by its CA', async function () {
    const { certificate } = payload<{ certificate: string }>(await out(sim(), 'symphony-pod-cert'));
    assert.ok(new X509Certificate(certificate).checkIssued(new X509Certificate(sim().caCertificate)));
  });
});
