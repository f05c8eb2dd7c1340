/** X.509 certificates for the company certificate tests: a CA, a user certificate it signed, an expired one. */
import forge from 'node-forge';
import { keyPair } from './keys';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TestCertificates {
  caPem: string;
  /** CN "report-bot", signed by the CA. */
  userPem: string;
  /** Self-signed, expired yesterday. */
  expiredPem: string;
}

function certificate(subjectKey: string, commonName: string, from: number, to: number, issuer?: { cert: forge.pki.Certificate; keyName: string }): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keyPair(subjectKey).publicPem);
  cert.serialNumber = `01${Buffer.from(commonName).toString('hex').slice(0, 14)}`;
  cert.validity.notBefore = new Date(from);
  cert.validity.notAfter = new Date(to);
  const subject = [{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'Simulated Bank' }];
  cert.setSubject(subject);
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : subject);
  cert.setExtensions([{ name: 'basicConstraints', cA: !issuer }]);
  cert.sign(forge.pki.privateKeyFromPem(keyPair(issuer?.keyName ?? subjectKey).privatePkcs1Pem), forge.md.sha256.create());
  return cert;
}

let made: TestCertificates | undefined;

export function testCertificates(): TestCertificates {
  if (!made) {
    const now = Date.now();
    const ca = certificate('cert-ca', 'Simulated Bank Users CA', now - DAY_MS, now + 3650 * DAY_MS);
    const user = certificate('cert-user', 'report-bot', now - DAY_MS, now + 365 * DAY_MS, { cert: ca, keyName: 'cert-ca' });
    const expired = certificate('cert-user', 'old-bot', now - 10 * DAY_MS, now - DAY_MS);
    made = { caPem: forge.pki.certificateToPem(ca), userPem: forge.pki.certificateToPem(user), expiredPem: forge.pki.certificateToPem(expired) };
  }
  return made;
}
