/**
 * Company certificates of the simulated pod: what an administrator added, and the pod's own CA (pod-managed),
 * added on first use since the CA is made after the state. Each is read with node:crypto's X509Certificate.
 */
import { X509Certificate } from 'node:crypto';

export type CertType = 'USERSIGNING' | 'USER' | 'OPERATIONSSIGNING' | 'OPERATIONSUSER';
export type CertStatus = 'TRUSTED' | 'KNOWN' | 'REVOKED' | 'DISABLED';

export interface SimCompanyCert {
  fingerPrint: string;
  x509: X509Certificate;
  name: string;
  type: CertType;
  status: CertStatus;
  podManaged: boolean;
  updatedAt: number;
  updatedBy?: number;
}

/** The SHA-256 fingerprint as lower-case hex, the id the endpoints use. */
export const fingerPrintOf = (x509: X509Certificate): string => x509.fingerprint256.replace(/:/g, '').toLowerCase();

/** The common name of a distinguished name as node:crypto prints it ("CN=x\nO=y"). */
export function commonNameOf(dn: string): string | undefined {
  return dn.split('\n').find((line) => line.startsWith('CN='))?.slice(3);
}

export class CertificatesState {
  /** In the order added. */
  readonly certs = new Map<string, SimCompanyCert>();
  private seeded = false;

  /** Adds the pod's CA once, as a trusted, pod-managed signing certificate. */
  seedPodCa(caPem: string, now = Date.now()): void {
    if (this.seeded) return;
    this.seeded = true;
    const x509 = new X509Certificate(caPem);
    this.add({ fingerPrint: fingerPrintOf(x509), x509, name: commonNameOf(x509.subject) ?? 'Pod CA', type: 'USERSIGNING', status: 'TRUSTED', podManaged: true, updatedAt: now });
  }

  add(cert: SimCompanyCert): void {
    this.certs.set(cert.fingerPrint, cert);
  }

  /** The known certificate that signed this one; none for a self-signed one. */
  issuerOf(cert: SimCompanyCert): SimCompanyCert | undefined {
    if (cert.x509.subject === cert.x509.issuer) return undefined;
    return [...this.certs.values()].find((other) => other !== cert && cert.x509.checkIssued(other.x509) && cert.x509.verify(other.x509.publicKey));
  }
}
