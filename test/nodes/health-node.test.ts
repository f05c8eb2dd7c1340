/**
 * The health node: one report per msg from the agent's extended health and the liveness of the feeds; an agent
 * that is down or cannot be reached is a report with healthy false, never a Catch.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONFIG_ID, collect, configCredentials, configNode, loadFlow, nextMessage, send, statuses, useSimulator, type Msg } from '../helpers/flow';
import { eventsNode, reading, until } from '../helpers/events-flow';
import { checkExchange } from '../conformance/check-exchange';
import type { Exchange } from '../conformance/recording-proxy';
import { ApiSpec } from '../conformance/spec';

interface Report {
  healthy: boolean;
  agent: string;
  services: Record<string, string>;
  users: Record<string, string>;
  down: string[];
  feeds: Array<{ name: string; type: string; state: string; healthy: boolean; secondsSinceLastRead: number | null; eventsPerMinute: number; reconnects: number }>;
  error?: { message: string; code: string; status?: number };
}

const healthNode = (props: Record<string, unknown> = {}): Record<string, unknown> & { id: string; type: string } => ({
  id: 'health', type: 'symphony-health', config: CONFIG_ID, name: '', feeds: '', maxSilence: 120, ...props, wires: [['out']],
});

/** A port on loopback with nothing listening. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('symphony-health: the agent and the feeds in one report', function () {
  const sim = useSimulator({ datafeedHoldMs: 300 });
  afterEach(function () {
    sim().setAgentHealth({ services: { pod: 'UP', key_manager: 'UP', datafeed: 'UP' }, users: { agentservice: 'UP', ceservice: 'UP' } });
  });

  async function check(nodes: Array<Record<string, unknown> & { id: string; type: string }>, cfg = configNode(sim())): Promise<{ msg: Msg; report: Report; caught: Msg[]; shown: ReturnType<typeof statuses> }> {
    await loadFlow([cfg, ...nodes, { id: 'out', type: 'helper' }]);
    for (const n of nodes.filter((n) => n.type === 'symphony-events')) await reading(sim(), String(n.tag));
    const caught = collect('caught');
    const shown = statuses('health');
    const arrived = nextMessage('out');
    send('health', { topic: 'check', payload: 1 });
    const msg = await arrived;
    return { msg, report: msg.payload as Report, caught, shown };
  }

  it('all up: the services, nothing down, each feed of the config node with its figures; green "all up"', async function () {
    const { msg, report, caught, shown } = await check([healthNode(), eventsNode({ name: 'desk feed' })]);
    assert.equal(msg.topic, 'check', 'the rest of msg passes through');
    assert.deepEqual({ healthy: report.healthy, agent: report.agent, services: report.services, users: report.users, down: report.down },
      { healthy: true, agent: 'UP', services: { pod: 'UP', key_manager: 'UP', datafeed: 'UP' }, users: { agentservice: 'UP', ceservice: 'UP' }, down: [] });
    assert.equal(report.feeds.length, 1);
    const { name, type, state, healthy, eventsPerMinute, reconnects } = report.feeds[0]!;
    assert.deepEqual({ name, type, state, healthy, eventsPerMinute, reconnects }, { name: 'desk feed', type: 'symphony-events', state: 'connected', healthy: true, eventsPerMinute: 0, reconnects: 0 });
    assert.equal(report.error, undefined);
    assert.deepEqual(shown.at(-1), { fill: 'green', shape: 'dot', text: 'all up' });
    assert.deepEqual(caught, []);
    assert.equal(sim().count('GET', '/agent/v3/health/extended'), 1);
  });

  it('a service and a service user down (the agent answers 503): healthy false, named in words; red "agent down: …"', async function () {
    sim().setAgentHealth({ services: { datafeed: 'DOWN', key_manager: 'DOWN' }, users: { ceservice: 'DOWN' } });
    const { report, caught, shown } = await check([healthNode()]);
    assert.deepEqual({ healthy: report.healthy, agent: report.agent, down: report.down, datafeed: report.services.datafeed, pod: report.services.pod },
      { healthy: false, agent: 'DOWN', down: ['key manager', 'datafeed', 'ceservice user'], datafeed: 'DOWN', pod: 'UP' });
    assert.deepEqual(shown.at(-1), { fill: 'red', shape: 'dot', text: 'agent down: key manager, datafeed, ceservice user' });
    assert.deepEqual(caught, [], 'a report, not a failure');
    assert.equal(sim().requests.find((r) => r.path === '/agent/v3/health/extended')?.status, 503);
  });

  it('the agent unreachable: healthy false with the reason, no Catch; red "agent unreachable"', async function () {
    const port = await closedPort();
    const { report, caught, shown } = await check([healthNode()], configNode(sim(), { agentUrl: `http://127.0.0.1:${port}` }));
    assert.deepEqual({ healthy: report.healthy, agent: report.agent, down: report.down, services: report.services },
      { healthy: false, agent: 'UNREACHABLE', down: ['agent'], services: {} });
    assert.equal(report.error?.code, 'NETWORK');
    assert.match(report.error!.message, /ECONNREFUSED|refused|nothing listening/i);
    assert.deepEqual(shown.at(-1), { fill: 'red', shape: 'dot', text: 'agent unreachable' });
    assert.deepEqual(caught, []);
  });

  it('the agent refusing the bot\'s login: healthy false with the HTTP status, no Catch; red "agent not checked: HTTP 401"', async function () {
    sim().injectFault({ method: 'POST', path: '/login/pubkey/authenticate', status: 401, body: { code: 401, message: 'Invalid token' }, times: 10 });
    const { report, caught, shown } = await check([healthNode()]);
    assert.deepEqual({ healthy: report.healthy, agent: report.agent, down: report.down }, { healthy: false, agent: 'UNREACHABLE', down: ['agent'] });
    assert.equal(report.error?.status, 401);
    assert.deepEqual(shown.at(-1), { fill: 'red', shape: 'dot', text: 'agent not checked: HTTP 401' });
    assert.deepEqual(caught, []);
  });

  it('a feed silent longer than the threshold: healthy false; red "feed silent …: <name>"', async function () {
    const events = eventsNode({ name: 'desk feed' });
    await loadFlow([configNode(sim()), healthNode({ maxSilence: 1 }), events, { id: 'out', type: 'helper' }]);
    await reading(sim(), String(events.tag));
    sim().failDatafeedReads({ status: 503, durationMs: 5_000 });
    const shown = statuses('health');
    // Reads fail from now on (the one waiting answers within 300 ms): 2.5 s later the feed has been silent 2 s.
    const started = Date.now();
    await until('2.5 seconds', () => Date.now() - started >= 2_500);
    const arrived = nextMessage('out');
    send('health', {});
    const report = (await arrived).payload as Report;
    assert.equal(report.healthy, false);
    assert.deepEqual(report.down, [], 'the agent itself is up');
    assert.equal(report.feeds[0]?.healthy, false);
    assert.ok((report.feeds[0]?.secondsSinceLastRead ?? 0) >= 2, JSON.stringify(report.feeds));
    assert.match(shown.at(-1)?.text ?? '', /^feed silent \d s: desk feed$/);
    assert.equal(shown.at(-1)?.fill, 'red');
  });

  it('a chosen feed that is not running is reported unhealthy; chosen ones only, by name or id', async function () {
    const { report, shown } = await check([healthNode({ feeds: 'ev, night feed' }), eventsNode({ name: 'desk feed' })]);
    assert.deepEqual(report.feeds.map((f) => [f.name, f.state, f.healthy]), [['desk feed', 'connected', true], ['night feed', 'not running', false]]);
    assert.equal(report.healthy, false);
    assert.deepEqual(shown.at(-1), { fill: 'red', shape: 'dot', text: 'feed not running: night feed' });
  });

  it('leaves out the feeds of another config node', async function () {
    const other = { ...configNode(sim()), id: 'cfg2' };
    const events = eventsNode({ name: 'other feed', config: 'cfg2' });
    const credentials = configCredentials();
    await loadFlow([configNode(sim()), other, healthNode(), events, { id: 'out', type: 'helper' }], { ...credentials, cfg2: credentials[CONFIG_ID]! });
    await reading(sim(), String(events.tag));
    const arrived = nextMessage('out');
    send('health', {});
    const report = (await arrived).payload as Report;
    assert.deepEqual(report.feeds, []);
    assert.equal(report.healthy, true);
  });

  it('no config node: a flow mistake, at Catch naming config, nothing sent', async function () {
    await loadFlow([healthNode({ config: '' }), { id: 'out', type: 'helper' }]);
    const shown = statuses('health');
    const out = collect('out');
    const caught = nextMessage('caught');
    send('health', { payload: 1 });
    const msg = await caught;
    assert.equal(msg.error?.cause?.field, 'config');
    assert.deepEqual(out, []);
    assert.ok(shown.every((status) => status.fill === 'red' && status.text === 'no Symphony config'), `the status says why, and only that (${JSON.stringify(shown)})`);
  });
});

describe('simulator: the agent health switch (POST /_sim/agent-health)', function () {
  const sim = useSimulator();
  const post = (body: unknown): Promise<Response> => fetch(`${sim().url}/_sim/agent-health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('sets a component DOWN (503, global status DOWN) and UP again (200)', async function () {
    assert.equal((await post({ services: { pod: 'DOWN' } })).status, 204);
    const down = await fetch(`${sim().url}/agent/v3/health/extended`);
    const report = await down.json() as { status: string; services: Record<string, { status: string; message?: string }> };
    assert.deepEqual([down.status, report.status, report.services.pod?.status, report.services.datafeed?.status], [503, 'DOWN', 'DOWN', 'UP']);
    assert.equal((await post({ services: { pod: 'UP' } })).status, 204);
    assert.equal((await fetch(`${sim().url}/agent/v3/health/extended`)).status, 200);
  });

  it('answers the report with a service down as the spec shapes it (V3Health, 503)', async function () {
    if (!ApiSpec.available()) this.skip();
    await post({ services: { key_manager: 'DOWN' }, users: { agentservice: 'DOWN' } });
    const answer = await fetch(`${sim().url}/agent/v3/health/extended`, { headers: { accept: 'application/json' } });
    const exchange: Exchange = {
      method: 'GET', path: '/agent/v3/health/extended', query: new URLSearchParams(), headers: { accept: 'application/json' }, body: Buffer.alloc(0),
      status: answer.status, responseHeaders: Object.fromEntries(answer.headers.entries()), responseBody: Buffer.from(await answer.arrayBuffer()),
    };
    await post({ services: { key_manager: 'UP' }, users: { agentservice: 'UP' } });
    assert.equal(exchange.status, 503);
    assert.deepEqual(checkExchange(new ApiSpec(), exchange), []);
  });

  it('refuses a component the agent does not report, or a status other than UP and DOWN', async function () {
    assert.equal((await post({ services: { mail: 'DOWN' } })).status, 400);
    assert.equal((await post({ users: { agentservice: 'SLOW' } })).status, 400);
    assert.equal((await post([])).status, 400);
  });
});
