import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../simulator';
import { authenticateBot, keysFor, postJson, type BotTokens } from './helpers';

describe('simulator faults, request log and control API', () => {
  let sim: Simulator;
  let tokens: BotTokens;

  before(async () => {
    const bot = keysFor('bot');
    sim = await startSimulator({ bot: { username: 'demo-bot', publicKey: bot.publicKeyPem } });
    tokens = await authenticateBot(sim, 'demo-bot', bot.privateKey);
  });
  beforeEach(() => {
    sim.clearFaults();
    sim.clearRequests();
  });
  after(() => sim.close());

  const sessionInfo = (): Promise<Response> => fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { ...tokens } });

  it('injects a 429 with Retry-After the given number of times, then serves normally', async () => {
    sim.injectFault({ method: 'GET', path: '/pod/v2/sessioninfo', status: 429, times: 2, headers: { 'Retry-After': '1' } });
    for (let i = 0; i < 2; i += 1) {
      const res = await sessionInfo();
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), '1');
      assert.deepEqual(await res.json(), { code: 429, message: 'Injected fault' });
    }
    assert.equal((await sessionInfo()).status, 200);
    assert.equal(sim.count('GET', '/pod/v2/sessioninfo'), 3);
    assert.deepEqual(sim.requests.map((r) => r.status), [429, 429, 200]);
  });

  it('matches faults by path prefix and any method, with a custom body, through the control API', async () => {
    const added = await postJson(`${sim.url}/_sim/faults`, { path: '/pod/*', status: 503, body: { code: 503, message: 'maintenance' } });
    assert.equal(added.status, 204);
    const res = await postJson(`${sim.url}/pod/v1/im/create`, [1], { ...tokens });
    assert.equal(res.status, 503);
    assert.deepEqual(await res.json(), { code: 503, message: 'maintenance' });
    assert.equal((await sessionInfo()).status, 200, 'consumed after one use');
  });

  it('rejects a malformed fault naming the field', async () => {
    const res = await postJson(`${sim.url}/_sim/faults`, { status: 500 });
    assert.equal(res.status, 400);
    assert.match((await res.json() as { message: string }).message, /path is required/);
  });

  it('delays a response, and destroys the socket when asked', async () => {
    sim.injectFault({ path: '/pod/v2/sessioninfo', delayMs: 300 });
    // Started before the request and due before the delay is over, this timer goes off first on any machine:
    // timers go off in the order they are due, and the answer waits for the simulator's timer.
    let answered = false;
    const answeredEarly = new Promise<boolean>((resolve) => setTimeout(() => resolve(answered), 200));
    const delayed = sessionInfo().then((res) => {
      answered = true;
      return res;
    });
    assert.equal(await answeredEarly, false, 'no answer before the delay is over');
    assert.equal((await delayed).status, 200);

    sim.injectFault({ path: '/pod/v2/sessioninfo', destroySocket: true });
    await assert.rejects(sessionInfo());
    assert.equal(sim.requests.at(-1)?.status, 0);
  });

  it('clears faults', async () => {
    sim.injectFault({ path: '/pod/*', status: 500, times: 5 });
    assert.equal((await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE' })).status, 204);
    assert.equal((await sessionInfo()).status, 200);
  });

  it('records requests with redacted tokens, counts by prefix and leaves /_sim out', async () => {
    await sessionInfo();
    await fetch(`${sim.url}/pod/v3/users?username=alice`, { headers: { ...tokens, authorization: 'Bearer x' } });
    await fetch(`${sim.url}/_sim/health`);
    assert.equal(sim.count('GET', '/pod/*'), 2);
    assert.equal(sim.count('POST', '/pod/*'), 0);
    const lookup = sim.requests.find((r) => r.path === '/pod/v3/users');
    assert.equal(lookup?.query, 'username=alice');
    assert.equal(lookup?.headers.sessiontoken, '<redacted>');
    assert.equal(lookup?.headers.keymanagertoken, '<redacted>');
    assert.equal(lookup?.headers.authorization, '<redacted>');
    assert.ok(!JSON.stringify(sim.requests).includes(tokens.sessionToken));

    const listed = await (await fetch(`${sim.url}/_sim/requests`)).json() as Array<{ path: string }>;
    assert.deepEqual(listed.map((r) => r.path), ['/pod/v2/sessioninfo', '/pod/v3/users']);
    assert.equal((await fetch(`${sim.url}/_sim/requests`, { method: 'DELETE' })).status, 204);
    assert.equal(sim.requests.length, 0);
  });

  it('reports health and serves the CA certificate', async () => {
    const health = await (await fetch(`${sim.url}/_sim/health`)).json() as { status: string; url: string; mtlsUrl: string };
    assert.deepEqual(health, { status: 'UP', url: sim.url, mtlsUrl: sim.mtlsUrl });
    assert.equal(await (await fetch(`${sim.url}/_sim/ca`)).text(), sim.caCertificate);
    assert.equal((await fetch(`${sim.url}/_sim/streams/unknown/messages`)).status, 404);
  });
});
