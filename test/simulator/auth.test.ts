import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { DEFAULT_SEED, startSimulator, type Simulator } from '../../simulator';
import { inSeconds, keysFor, postJson, signJwt, type TestKeys } from './helpers';

describe('simulator RSA authentication', () => {
  let sim: Simulator;
  let bot: TestKeys;
  let app: TestKeys;

  before(async () => {
    bot = keysFor('bot');
    app = keysFor('app');
    sim = await startSimulator({
      bot: { username: 'demo-bot', publicKey: bot.publicKeyPem },
      apps: [{ appId: 'demo-obo-app', publicKey: app.publicKeyPem, permissions: ['GET_BASIC_USER_INFO'] }],
    });
  });
  after(() => sim.close());

  async function authenticate(path: string, token: string): Promise<{ status: number; body: { name?: string; token?: string; code?: number; message?: string } }> {
    const res = await postJson(`${sim.url}${path}`, { token });
    return { status: res.status, body: await res.json() as { name?: string; token?: string; message?: string } };
  }

  it('gives a session token and a key manager token for a valid RS512 JWT', async () => {
    const jwt = signJwt(bot.privateKey, { sub: 'demo-bot', exp: inSeconds(240) });
    const session = await authenticate('/login/pubkey/authenticate', jwt);
    const keyManager = await authenticate('/relay/pubkey/authenticate', jwt);
    assert.equal(session.status, 200);
    assert.equal(session.body.name, 'sessionToken');
    assert.ok(session.body.token);
    assert.equal(keyManager.status, 200);
    assert.equal(keyManager.body.name, 'keyManagerToken');
    assert.notEqual(keyManager.body.token, session.body.token);

    const info = await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { sessionToken: session.body.token ?? '' } });
    assert.equal(info.status, 200);
    assert.equal((await info.json() as { id: number }).id, DEFAULT_SEED.users.bot.id);
  });

  const rejections: Array<[string, () => string, RegExp]> = [
    ['alg none', () => signJwt(bot.privateKey, { sub: 'demo-bot', exp: inSeconds(60) }, { alg: 'none' }), /RS512/],
    ['alg RS256', () => signJwt(bot.privateKey, { sub: 'demo-bot', exp: inSeconds(60) }, { alg: 'RS256' }), /RS512/],
    ['an expired JWT', () => signJwt(bot.privateKey, { sub: 'demo-bot', exp: inSeconds(-60) }), /JWT expired/],
    ['a lifetime over 5 minutes', () => signJwt(bot.privateKey, { sub: 'demo-bot', exp: inSeconds(400) }), /lifetime exceeds 5 minutes/],
    ['a JWT signed by another key', () => signJwt(keysFor('stranger').privateKey, { sub: 'demo-bot', exp: inSeconds(60) }), /invalid signature/],
    ['an unknown user', () => signJwt(bot.privateKey, { sub: 'nobody', exp: inSeconds(60) }), /unknown user/],
    ['a JWT without exp', () => signJwt(bot.privateKey, { sub: 'demo-bot' }), /exp/],
    ['a malformed token', () => 'not-a-jwt', /malformed/],
  ];
  for (const [label, makeToken, reason] of rejections) {
    it(`answers 401 with the reason for ${label}`, async () => {
      for (const path of ['/login/pubkey/authenticate', '/relay/pubkey/authenticate']) {
        const { status, body } = await authenticate(path, makeToken());
        assert.equal(status, 401, path);
        assert.equal(body.code, 401);
        assert.match(body.message ?? '', reason);
      }
    });
  }

  it('accepts a JWT within the 30 s clock skew allowance', async () => {
    const { status } = await authenticate('/login/pubkey/authenticate', signJwt(bot.privateKey, { sub: 'demo-bot', exp: inSeconds(320) }));
    assert.equal(status, 200);
  });

  it('answers 401 naming the field when the body has no token, as the Login spec does for malformed requests', async () => {
    const res = await postJson(`${sim.url}/login/pubkey/authenticate`, { jwt: 'x' });
    assert.equal(res.status, 401);
    assert.match((await res.json() as { message: string }).message, /token is required/);
  });

  it('accepts a bot key registered later as PKCS#1 PEM, creating the user', async () => {
    const keys = keysFor('late-bot');
    const pkcs1 = createPublicKey(keys.privateKey).export({ type: 'pkcs1', format: 'pem' }).toString();
    assert.match(pkcs1, /BEGIN RSA PUBLIC KEY/);
    sim.registerBot({ username: 'late-bot', publicKey: pkcs1 });
    const { status } = await authenticate('/login/pubkey/authenticate', signJwt(keys.privateKey, { sub: 'late-bot', exp: inSeconds(60) }));
    assert.equal(status, 200);
    assert.equal(sim.state.userByUsername('late-bot')?.accountType, 'SYSTEM');
  });

  describe('OBO', () => {
    async function appToken(): Promise<string> {
      const { status, body } = await authenticate('/login/pubkey/app/authenticate', signJwt(app.privateKey, { sub: 'demo-obo-app', exp: inSeconds(120) }));
      assert.equal(status, 200);
      return body.token ?? '';
    }

    it('authenticates the app, then a user by id and by username', async () => {
      const token = await appToken();
      const byId = await fetch(`${sim.url}/login/pubkey/app/user/${DEFAULT_SEED.users.alice.id}/authenticate`, { method: 'POST', headers: { sessionToken: token } });
      const byName = await fetch(`${sim.url}/login/pubkey/app/username/bob/authenticate`, { method: 'POST', headers: { sessionToken: token } });
      assert.equal(byId.status, 200);
      assert.equal(byName.status, 200);
      const alice = (await byId.json() as { name: string; token: string });
      assert.equal(alice.name, 'sessionToken');
      const info = await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { sessionToken: alice.token } });
      assert.equal((await info.json() as { username: string }).username, 'alice');
      const session = sim.state.sessions.get(alice.token);
      assert.equal(session?.kind === 'user' ? session.oboAppId : undefined, 'demo-obo-app');
    });

    it('rejects an app JWT signed by the wrong key, and an unknown app', async () => {
      const wrongKey = await authenticate('/login/pubkey/app/authenticate', signJwt(bot.privateKey, { sub: 'demo-obo-app', exp: inSeconds(60) }));
      const unknown = await authenticate('/login/pubkey/app/authenticate', signJwt(app.privateKey, { sub: 'other-app', exp: inSeconds(60) }));
      assert.equal(wrongKey.status, 401);
      assert.match(wrongKey.body.message ?? '', /invalid signature/);
      assert.equal(unknown.status, 401);
      assert.match(unknown.body.message ?? '', /unknown application/);
    });

    it('answers 401 for user authentication without a valid app session, 400 for an unknown user', async () => {
      const noApp = await fetch(`${sim.url}/login/pubkey/app/username/alice/authenticate`, { method: 'POST', headers: { sessionToken: 'bogus' } });
      assert.equal(noApp.status, 401);
      const token = await appToken();
      const unknownName = await fetch(`${sim.url}/login/pubkey/app/username/nobody/authenticate`, { method: 'POST', headers: { sessionToken: token } });
      const unknownId = await fetch(`${sim.url}/login/pubkey/app/user/12345/authenticate`, { method: 'POST', headers: { sessionToken: token } });
      assert.equal(unknownName.status, 400);
      assert.equal(unknownId.status, 400);
    });

    it('does not accept a bot session token as an app session', async () => {
      const bots = await authenticate('/login/pubkey/authenticate', signJwt(bot.privateKey, { sub: 'demo-bot', exp: inSeconds(60) }));
      const res = await fetch(`${sim.url}/login/pubkey/app/username/alice/authenticate`, { method: 'POST', headers: { sessionToken: bots.body.token ?? '' } });
      assert.equal(res.status, 401);
    });
  });
});
