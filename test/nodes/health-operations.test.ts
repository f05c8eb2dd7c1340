import assert from 'node:assert/strict';
import { CONFIG_ID, configNode, loadFlow, nextMessage, send, statuses, useSimulator, type Msg, type StatusRecord } from '../helpers/flow';
import { caught, out, set } from '../helpers/users-flow';

/** The agent's extended report with the key manager and the ceservice user down, as a real agent answers it. */
const KEY_MANAGER_DOWN = {
  services: { pod: { status: 'UP', version: '24.1.1' }, key_manager: { status: 'DOWN', version: '24.1.1', message: 'timeout' }, datafeed: { status: 'UP' } },
  status: 'DOWN',
  users: { agentservice: { authType: 'RSA', status: 'UP' }, ceservice: { authType: 'RSA', status: 'DOWN' } },
  version: '24.3.2',
};

describe('agent health and echo nodes', function () {
  const sim = useSimulator();

  /** Runs one node once, and hands back its msg out and the statuses it showed. */
  async function runWithStatus(type: string): Promise<{ msg: Msg; seen: StatusRecord[] }> {
    await loadFlow([configNode(sim()), { id: 'node', type, config: CONFIG_ID, wires: [['out']] }, { id: 'out', type: 'helper' }]);
    const seen = statuses('node');
    const next = nextMessage('out');
    send('node', { payload: 1, topic: 'kept' });
    return { msg: await next, seen };
  }

  it('agent health: the agent is up, and the dot says so', async function () {
    const { msg, seen } = await runWithStatus('symphony-agent-health');
    assert.deepEqual(msg.payload, { status: 'UP' });
    assert.equal(msg.topic, 'kept');
    assert.deepEqual(seen.at(-1), { fill: 'green', shape: 'dot', text: 'up' });
  });

  it('extended health, all up: down is empty, the dot says all up', async function () {
    const { msg, seen } = await runWithStatus('symphony-agent-health-extended');
    const report = msg.payload as { status: string; down: string[]; summary: string; services: Record<string, { status: string }> };
    assert.equal(report.status, 'UP');
    assert.equal(report.services.key_manager!.status, 'UP');
    assert.deepEqual(report.down, []);
    assert.equal(report.summary, 'all up');
    assert.deepEqual(seen.at(-1), { fill: 'green', shape: 'dot', text: 'all up' });
  });

  it('extended health, a service and a user down: the 503 report is the output, once, with what is down', async function () {
    sim().injectFault({ method: 'GET', path: '/agent/v3/health/extended', status: 503, body: KEY_MANAGER_DOWN, times: 3 });
    const { msg, seen } = await runWithStatus('symphony-agent-health-extended');
    const report = msg.payload as { down: string[]; summary: string; services: Record<string, { message?: string }> };
    assert.deepEqual(report.down, ['key_manager', 'users.ceservice']);
    assert.equal(report.summary, 'down: key_manager, users.ceservice');
    assert.equal(report.services.key_manager!.message, 'timeout');
    assert.deepEqual(seen.at(-1), { fill: 'red', shape: 'dot', text: '2 down' });
    assert.equal(sim().count('GET', '/agent/v3/health/extended'), 1, 'a 503 report is an answer: not retried');
  });

  it('extended health: a 503 without a report (a proxy page) is a failure at Catch', async function () {
    sim().injectFault({ method: 'GET', path: '/agent/v3/health/extended', status: 503, body: 'Service Unavailable', times: 10 });
    const refused = await caught(sim(), 'symphony-agent-health-extended');
    assert.equal(refused.error!.code, 'HTTP_503');
  });

  it('echo: the agent sends the text back; a blank text is refused before any request', async function () {
    const echoed = await out(sim(), 'symphony-echo', set({ message: 'ping <&> ✓' }));
    assert.deepEqual(echoed.payload, { message: 'ping <&> ✓' });
    const refused = await caught(sim(), 'symphony-echo', { message: '', messageType: 'str' }, {});
    assert.equal(refused.error!.cause!.field, 'message');
    assert.equal(sim().count('POST', '/agent/v1/util/echo'), 1);
  });

  it('echo: an expired session is renewed on the way, which is what makes it a connection check', async function () {
    await out(sim(), 'symphony-echo', set({ message: 'one' }));
    sim().expireAllTokens();
    const echoed = await out(sim(), 'symphony-echo', set({ message: 'two' }));
    assert.deepEqual(echoed.payload, { message: 'two' });
  });
});
