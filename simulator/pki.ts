/**
 * The simulator's certificate authority: it signs the servers' certificates and client certificates for mutual TLS.
 * RSA keys come from node:crypto (native, fast); node-forge only builds and signs X.509 and PKCS#12 structures.
 */
import { generateKeyPair, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

export interface ClientCertificate {
  certificate: string;
  key: string;
  pfx: Buffer;
  passphrase: string;
}

interface KeyPair {
  publicKey: KeyObject;
  privateKey: KeyObject;
}

const generateKeyPairAsync = promisify(generateKeyPair);
const RSA_BITS = 2048;
const DAY_MS = 86_400_000;

const toForgePrivate = (key: KeyObject): forge.pki.rsa.PrivateKey =>
  forge.pki.privateKeyFromPem(key.export({ type: 'pkcs1', format: 'pem' }).toString());
const toForgePublic = (key: KeyObject): forge.pki.rsa.PublicKey =>
  forge.pki.publicKeyFromPem(key.export({ type: 'spki', format: 'pem' }).toString());
const pkcs8Pem = (key: KeyObject): string => key.export({ type: 'pkcs8', format: 'pem' }).toString();

function newCertificate(subjectKey: KeyObject, commonName: string, days: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = toForgePublic(subjectKey);
  // A leading 01 keeps the DER integer positive.
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - DAY_MS);
  cert.validity.notAfter = new Date(Date.now() + days * DAY_MS);
  cert.setSubject([{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'Symphony Simulator' }]);
  return cert;
}

let shared: Promise<SimulatorPki> | undefined;

export class SimulatorPki {
  readonly caCertificate: string;
  readonly serverCertificate: string;
  readonly serverKey: string;
  private readonly caCert: forge.pki.Certificate;
  private readonly caKey: forge.pki.rsa.PrivateKey;

  private constructor(ca: KeyPair, server: KeyPair) {
    this.caKey = toForgePrivate(ca.privateKey);
    this.caCert = newCertificate(ca.publicKey, 'Symphony Simulator CA', 3650);
    this.caCert.setIssuer(this.caCert.subject.attributes);
    this.caCert.setExtensions([
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ]);
    this.caCert.sign(this.caKey, forge.md.sha256.create());
    this.caCertificate = forge.pki.certificateToPem(this.caCert);

    this.serverCertificate = this.signLeaf(server.publicKey, 'localhost', [
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ]);
    this.serverKey = pkcs8Pem(server.privateKey);
  }

  /**
   * The process's CA and server certificate, made on first use: key generation and signing take a few hundred
   * milliseconds, and test suites start many simulators. All simulators of one process share this CA.
   */
  static shared(): Promise<SimulatorPki> {
    if (!shared) {
      shared = SimulatorPki.create();
      shared.catch(() => { shared = undefined; }); // a failed attempt is not cached
    }
    return shared;
  }

  /** Generates the CA and the server key pair (in parallel, off the main thread) and signs both certificates. */
  static async create(): Promise<SimulatorPki> {
    const [ca, server] = await Promise.all([
      generateKeyPairAsync('rsa', { modulusLength: RSA_BITS }),
      generateKeyPairAsync('rsa', { modulusLength: RSA_BITS }),
    ]);
    return new SimulatorPki(ca, server);
  }

  /** A client certificate (CN = username) signed by the CA, as PEM and as a PKCS#12 bundle with the CA chain. */
  issueClientCertificate(username: string, passphrase = 'changeit'): ClientCertificate {
    const pair = generateKeyPairSync('rsa', { modulusLength: RSA_BITS });
    const certificate = this.signLeaf(pair.publicKey, username, [{ name: 'extKeyUsage', clientAuth: true }]);
    const p12 = forge.pkcs12.toPkcs12Asn1(
      toForgePrivate(pair.privateKey),
      [forge.pki.certificateFromPem(certificate), this.caCert],
      passphrase,
      { algorithm: 'aes256', friendlyName: username },
    );
    const pfx = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
    return { certificate, key: pkcs8Pem(pair.privateKey), pfx, passphrase };
  }

  private signLeaf(publicKey: KeyObject, commonName: string, extensions: object[]): string {
    const cert = newCertificate(publicKey, commonName, 825);
    cert.setIssuer(this.caCert.subject.attributes);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      ...extensions,
    ]);
    cert.sign(this.caKey, forge.md.sha256.create());
    return forge.pki.certificateToPem(cert);
  }
}
