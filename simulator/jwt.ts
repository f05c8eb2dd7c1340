/** Verifies the RS512 JWTs bots and apps sign to authenticate (pubkey/authenticate). */
import { verify, type KeyObject } from 'node:crypto';

/** Symphony accepts authentication JWTs that live at most 5 minutes; 30 s allow for clock skew. */
const MAX_LIFETIME_MS = 5 * 60_000;
const CLOCK_SKEW_MS = 30_000;

export type JwtResult = { ok: true; subject: string } | { ok: false; reason: string };

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks format, algorithm, subject, signature and expiry, in that order, and says which check failed.
 * `keyFor` returns the public key registered for the subject; `subjectLabel` names it in messages ('user', 'application').
 */
export function verifyAuthJwt(
  token: string,
  keyFor: (subject: string) => KeyObject | undefined,
  subjectLabel: string,
  now = Date.now(),
): JwtResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed JWT' };
  const [headerPart, payloadPart, signaturePart] = parts;
  const header = decodeJson(headerPart);
  const payload = decodeJson(payloadPart);
  if (!header || !payload) return { ok: false, reason: 'malformed JWT' };
  if (header.alg !== 'RS512') return { ok: false, reason: `JWT algorithm ${String(header.alg)} is not accepted, expected RS512` };
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject === '') return { ok: false, reason: 'JWT has no sub claim' };
  const key = keyFor(subject);
  if (!key) return { ok: false, reason: `unknown ${subjectLabel} ${subject}` };
  const signed = Buffer.from(`${headerPart}.${payloadPart}`);
  const signature = Buffer.from(signaturePart, 'base64url');
  let valid = false;
  try {
    valid = verify('sha512', signed, key, signature);
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'invalid signature' };
  if (typeof payload.exp !== 'number') return { ok: false, reason: 'JWT has no exp claim' };
  const expiresAt = payload.exp * 1000;
  if (expiresAt <= now) return { ok: false, reason: 'JWT expired' };
  if (expiresAt > now + MAX_LIFETIME_MS + CLOCK_SKEW_MS) return { ok: false, reason: 'JWT lifetime exceeds 5 minutes' };
  return { ok: true, subject };
}
