import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import { startSimulator } from '../../simulator';
import { until } from '../helpers/wait';

describe('simulator lifecycle', () => {
  it('closes without waiting for an idle keep-alive connection or a request held in an injected delay', async () => {
    const sim = await startSimulator();
    const agent = new http.Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      http.get(`${sim.url}/agent/v3/health`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      }).on('error', reject);
    });
    assert.equal(status, 200);
    const idle = Object.values(agent.freeSockets).flat();
    assert.equal(idle.length, 1, 'an idle keep-alive socket stays open');
    const idleClosed = once(idle[0]!, 'close');
    // Held far longer than the test may run: close() resolves only if it cuts this request off.
    sim.injectFault({ path: '/agent/v3/health', delayMs: 10 * 60_000 });
    const stuck = fetch(`${sim.url}/agent/v3/health`).then((res) => `answered ${res.status}`, () => 'aborted');
    await until('the held request to reach the simulator', () => sim.count('GET', '/agent/v3/health') === 2);

    await sim.close();
    assert.equal(await stuck, 'aborted');
    await idleClosed;
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
