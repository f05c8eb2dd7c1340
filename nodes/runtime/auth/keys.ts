import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { configError } from '../core/errors';
import { text } from '../core/i18n';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * Restores PEM text whose line breaks were lost (pasted into a single-line field, or with \r\n or literal "\n"):
 * each block's base64 body is re-wrapped at 64 characters. Blocks with headers (legacy encrypted PKCS#1) keep
 * their layout when it still has line breaks.
 */
export function normalisePem(text: string): string {
  const unescaped = text.replace(/\\n/g, '\n').replace(/\r\n?/g, '\n').trim();
  return unescaped.replace(PEM_BLOCK, (block: string, label: string, body: string) => {
    if (body.includes(':') && body.includes('\n')) return block;
    const base64 = body.replace(/\s+/g, '');
    const lines = base64.match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----`;
  });
}

/** Parses a PKCS#1 or PKCS#8 PEM RSA private key; errors name the field, never the key. */
export function parsePrivateKey(pem: string, passphrase: string | undefined, field: string): KeyObject {
  if (!pem || !pem.includes('-----BEGIN')) {
    throw configError(field, text('runtime.errors.keys.notPemKey'));
  }
  const encrypted = /ENCRYPTED/.test(pem);
  if (encrypted && !passphrase) throw configError(field, text('runtime.errors.keys.passphraseMissing'));
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: normalisePem(pem), format: 'pem', passphrase: passphrase || undefined });
  } catch {
    throw configError(field, encrypted
      ? text('runtime.errors.keys.notDecrypted')
      : text('runtime.errors.keys.notReadable'));
  }
  if (key.asymmetricKeyType !== 'rsa') throw configError(field, text('runtime.errors.keys.notRsa', { type: String(key.asymmetricKeyType) }));
  return key;
}

/** Checks a PEM client certificate and returns it normalised. */
export function parseCertificate(pem: string, field: string): string {
  const normalised = normalisePem(pem);
  try {
    new X509Certificate(normalised);
  } catch {
    throw configError(field, text('runtime.errors.keys.notCertificate'));
  }
  return normalised;
}

/** Extra CA certificates as PEM blocks, each checked. */
export function parseCaCertificates(pems: string, field: string): string[] {
  const normalised = normalisePem(pems);
  const blocks = normalised.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw configError(field, text('runtime.errors.keys.noCertificate'));
  for (const block of blocks) parseCertificate(block, field);
  return blocks;
}

/** Decodes a base64 PKCS#12 bundle and checks that the passphrase opens it. */
export function parsePkcs12(base64: string, passphrase: string | undefined, field: string): Buffer {
  const pfx = Buffer.from(base64.replace(/\s+/g, ''), 'base64');
  if (pfx.length === 0) throw configError(field, text('runtime.errors.keys.pkcs12Empty'));
  try {
    createSecureContext({ pfx, passphrase: passphrase || undefined });
  } catch {
    throw configError(field, text('runtime.errors.keys.pkcs12Unreadable'));
  }
  return pfx;
}
