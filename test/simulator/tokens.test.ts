import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../simulator';
import { authenticateBot, keysFor, stopClock, type TestKeys } from './helpers';

describe('simulator token enforcement', () => {
  let bot: TestKeys;
  before(() => { bot = keysFor('bot'); });

  describe('with the default lifetime', () => {
    let sim: Simulator;
    before(async () => { sim = await startSimulator({ bot: { username: 'demo-bot', publicKey: bot.publicKeyPem } }); });
    after(() => sim.close());

    it('answers 401 Invalid session without or with an unknown sessionToken', async () => {
      for (const headers of [{}, { sessionToken: 'unknown' }] as Array<Record<string, string>>) {
        const res = await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers });
        assert.equal(res.status, 401);
        assert.deepEqual(await res.json(), { code: 401, message: 'Invalid session' });
      }
    });

    it('does not accept a key manager token as a session token', async () => {
      const tokens = await authenticateBot(sim, 'demo-bot', bot.privateKey);
      const res = await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { sessionToken: tokens.keyManagerToken } });
      assert.equal(res.status, 401);
    });

    it('needs the keyManagerToken too for agent calls made by a bot', async () => {
      const tokens = await authenticateBot(sim, 'demo-bot', bot.privateKey);
      const without = await fetch(`${sim.url}/agent/v1/info`, { headers: { sessionToken: tokens.sessionToken } });
      const wrong = await fetch(`${sim.url}/agent/v1/info`, { headers: { sessionToken: tokens.sessionToken, keyManagerToken: tokens.sessionToken } });
      const both = await fetch(`${sim.url}/agent/v1/info`, { headers: { ...tokens } });
      assert.equal(without.status, 401);
      assert.equal(wrong.status, 401);
      assert.equal(both.status, 200);
      const info = await both.json() as { version: string; url: string };
      assert.match(info.version, /^\d+\.\d+\.\d+$/);
      assert.equal(info.url, `${sim.url}/agent`);
    });

    it('serves the agent health checks without tokens', async () => {
      const health = await fetch(`${sim.url}/agent/v3/health/extended`);
      assert.equal(health.status, 200);
      const body = await health.json() as { status: string; version: string; services: Record<string, { status: string }> };
      assert.equal(body.status, 'UP');
      assert.ok(body.version);
      assert.deepEqual(Object.values(body.services).map((s) => s.status), ['UP', 'UP', 'UP']);
    });

    it('invalidates every issued token on expireAllTokens()', async () => {
      const tokens = await authenticateBot(sim, 'demo-bot', bot.privateKey);
      assert.equal((await fetch(`${sim.url}/agent/v1/info`, { headers: { ...tokens } })).status, 200);
      sim.expireAllTokens();
      assert.equal((await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { ...tokens } })).status, 401);
      assert.equal((await fetch(`${sim.url}/agent/v1/info`, { headers: { ...tokens } })).status, 401);
      const fresh = await authenticateBot(sim, 'demo-bot', bot.privateKey);
      assert.equal((await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { ...fresh } })).status, 200);
    });

    it('invalidates tokens through POST /_sim/expire-tokens as well', async () => {
      const tokens = await authenticateBot(sim, 'demo-bot', bot.privateKey);
      assert.equal((await fetch(`${sim.url}/_sim/expire-tokens`, { method: 'POST' })).status, 204);
      assert.equal((await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { ...tokens } })).status, 401);
    });

    it('answers 404 JSON for an unknown pod or agent path', async () => {
      for (const path of ['/pod/v9/nothing', '/agent/v1/nothing', '/pod']) {
        const res = await fetch(`${sim.url}${path}`);
        assert.equal(res.status, 404, path);
        assert.deepEqual(await res.json(), { code: 404, message: 'Not found' });
      }
    });
  });

  describe('with a short lifetime', () => {
    let sim: Simulator;
    before(async () => {
      sim = await startSimulator({ tokenLifetimeMs: 300, bot: { username: 'demo-bot', publicKey: bot.publicKeyPem } });
    });
    after(() => sim.close());

    it('answers 401 once a token is older than tokenLifetimeMs', async () => {
      // The token's age is counted on a stopped clock, moved by hand: the machine's speed does not age it.
      const clock = stopClock();
      try {
        const tokens = await authenticateBot(sim, 'demo-bot', bot.privateKey);
        clock.advance(299);
        assert.equal((await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { ...tokens } })).status, 200);
        clock.advance(1);
        const res = await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { ...tokens } });
        assert.equal(res.status, 401);
        assert.deepEqual(await res.json(), { code: 401, message: 'Invalid session' });
      } finally {
        clock.restore();
      }
    });
  });
});
