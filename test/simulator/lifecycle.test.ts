import assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import { startSimulator } from '../../simulator';

describe('simulator lifecycle', () => {
  it('closes promptly while a keep-alive connection is open', async () => {
    const sim = await startSimulator();
    const agent = new http.Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      http.get(`${sim.url}/agent/v3/health`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      }).on('error', reject);
    });
    assert.equal(status, 200);
    assert.equal(Object.values(agent.freeSockets).flat().length, 1, 'an idle keep-alive socket stays open');
    // A request stuck in an injected delay must not hold close() either.
    sim.injectFault({ path: '/agent/v3/health', delayMs: 60_000 });
    const stuck = fetch(`${sim.url}/agent/v3/health`).catch(() => 'aborted');

    const started = Date.now();
    await sim.close();
    assert.ok(Date.now() - started < 1000, `close took ${Date.now() - started} ms`);
    assert.equal(await stuck, 'aborted');
    await assert.rejects(fetch(`${sim.url}/agent/v3/health`));
    agent.destroy();
  });

  it('binds only loopback addresses', async () => {
    await assert.rejects(startSimulator({ host: '0.0.0.0' }), /only binds loopback/);
  });

  it('serves the main port over HTTPS with a certificate signed by its CA', async () => {
    const sim = await startSimulator({ https: true });
    try {
      assert.match(sim.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      const status = await new Promise<number>((resolve, reject) => {
        https.get(`${sim.url}/agent/v3/health`, { ca: sim.caCertificate }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject);
      });
      assert.equal(status, 200);
    } finally {
      await sim.close();
    }
  });
});
