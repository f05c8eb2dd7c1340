import { createSign, type KeyObject } from 'node:crypto';

/** Symphony rejects authentication JWTs that expire more than 5 minutes ahead; stay safely inside that. */
export const JWT_LIFETIME_SECONDS = 280;

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** A compact RS512 JWT with `sub`, `iat` and `exp`, as the Symphony login and relay endpoints expect. */
export function signAuthJwt(subject: string, privateKey: KeyObject, nowMs: number = Date.now()): string {
  const issuedAt = Math.floor(nowMs / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS512', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ sub: subject, iat: issuedAt, exp: issuedAt + JWT_LIFETIME_SECONDS }));
  const signingInput = `${header}.${payload}`;
  const signature = createSign('RSA-SHA512').update(signingInput).sign(privateKey);
  return `${signingInput}.${base64url(signature)}`;
}
