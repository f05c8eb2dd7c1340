import assert from 'node:assert/strict';
import { createVerify } from 'node:crypto';
import { JWT_LIFETIME_SECONDS, signAuthJwt } from '../../nodes/runtime/auth/jwt';
import { keyPair } from '../helpers/keys';

function decode(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('authentication JWT', function () {
  const pair = keyPair('bot');

  it('is RS512 with sub = the username and exp at most 5 minutes ahead', function () {
    const now = Date.UTC(2026, 10, 22, 12, 0, 0);
    const [header, payload] = signAuthJwt('demo-bot', pair.privateKey, now).split('.');
    assert.deepEqual(decode(header!), { alg: 'RS512', typ: 'JWT' });
    const claims = decode(payload!);
    assert.equal(claims.sub, 'demo-bot');
    assert.equal(claims.iat, now / 1000);
    assert.equal(claims.exp, now / 1000 + JWT_LIFETIME_SECONDS);
    assert.ok((claims.exp as number) - now / 1000 <= 300);
  });

  it('carries a signature the public key verifies, and only that key', function () {
    const token = signAuthJwt('demo-bot', pair.privateKey);
    const [header, payload, signature] = token.split('.');
    const verify = (publicPem: string): boolean => createVerify('RSA-SHA512').update(`${header}.${payload}`).verify(publicPem, Buffer.from(signature!, 'base64url'));
    assert.equal(verify(pair.publicPem), true);
    assert.equal(verify(keyPair('other').publicPem), false);
  });
});
