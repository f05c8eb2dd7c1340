/**
 * Every request the events node sends, and every answer it gets, checked against the official spec (agent
 * datafeed v5, pod session info) through the conformance test's recording proxy: start, reads with ackId, a
 * lost feed, a failed read, delete on removal; and the datahose node's reads (agent v5 events read).
 */
import assert from 'node:assert/strict';
import type { Simulator } from '../../simulator';
import { checkExchange } from '../conformance/check-exchange';
import { startRecordingProxy, type RecordingProxy } from '../conformance/recording-proxy';
import { ApiSpec } from '../conformance/spec';
import { CONFIG_ID, configNode, helper, loadFlow, collect } from '../helpers/flow';
import { DESK_ROOM_ID, startTestSimulator } from '../helpers/simulator';
import { FAST, eventsNode, reading, uniqueTag, until } from '../helpers/events-flow';

describe('symphony-events: conformance to the datafeed spec', function () {
  let sim: Simulator;
  let proxy: RecordingProxy;

  before(async function () {
    if (!ApiSpec.available()) {
      console.log('      ../shared/symphony-api-spec is absent: the spec check is skipped');
      this.skip();
    }
    await helper.startServer();
    sim = await startTestSimulator({ datafeedHoldMs: 3_000 });
    proxy = await startRecordingProxy(sim.url);
  });
  after(async function () {
    if (!sim) return; // skipped: nothing was started
    await helper.unload();
    await proxy?.close();
    await sim?.close();
    await helper.stopServer();
  });

  it('sends and receives only what the spec describes', async function () {
    const node = eventsNode({ eventTypes: ['MESSAGESENT', 'SYMPHONYELEMENTSACTION'] });
    const tag = String(node.tag);
    // The config node talks to the proxy; the proxy forwards to the simulator.
    await loadFlow([{ ...configNode(sim), podUrl: proxy.url }, node, { id: 'events', type: 'helper' }]);
    const received = collect('events');
    await reading(sim, tag);
    sim.injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: 'one' });
    await until('one message', () => received.length === 1);
    sim.dropDatafeeds({ tag });
    await until('a new feed', () => sim.datafeeds().some((f) => f.tag === tag && f.reading));
    sim.failDatafeedReads({ times: 1 });
    sim.injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: 'two' });
    sim.injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: 'three' });
    await until('three messages', () => received.length === 3);
    await (helper.getNode('ev') as unknown as { close(removed: boolean): Promise<void> }).close(true);
    await until('the delete', () => proxy.exchanges.some((e) => e.method === 'DELETE'));

    const paths = new Set(proxy.exchanges.map((e) => `${e.method} ${e.status} ${e.path.replace(/datafeeds\/[^/]+/, 'datafeeds/{id}')}`));
    for (const expected of ['GET 200 /pod/v2/sessioninfo', 'GET 200 /agent/v5/datafeeds', 'POST 201 /agent/v5/datafeeds',
      'POST 200 /agent/v5/datafeeds/{id}/read', 'POST 400 /agent/v5/datafeeds/{id}/read', 'POST 500 /agent/v5/datafeeds/{id}/read',
      'DELETE 204 /agent/v5/datafeeds/{id}']) {
      assert.ok(paths.has(expected), `${expected} was exercised (${[...paths].join(', ')})`);
    }
    const spec = new ApiSpec();
    const problems = proxy.exchanges.filter((e) => !e.path.startsWith('/login') && !e.path.startsWith('/relay')).flatMap((e) => checkExchange(spec, e));
    assert.deepEqual(problems, []);
  });

  it('reads the datahose as the spec describes: types and tag asked, each answer acknowledged', async function () {
    await helper.unload();
    proxy.exchanges.length = 0;
    const tag = uniqueTag();
    const node = { id: 'dh', type: 'symphony-datahose', config: CONFIG_ID, eventTypes: ['MESSAGESENT', 'ROOMUPDATED'], ...FAST, tag, wires: [['events']] };
    await loadFlow([{ ...configNode(sim), podUrl: proxy.url }, node, { id: 'events', type: 'helper' }]);
    const received = collect('events');
    await until('a datahose read', () => sim.datahoseFeeds().some((f) => f.tag === tag));
    sim.injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: 'one' });
    await until('one message', () => received.length === 1);
    sim.injectMessage({ from: 'bob', streamId: DESK_ROOM_ID, message: 'two' });
    await until('two messages', () => received.length === 2);
    await helper.unload();

    const reads = proxy.exchanges.filter((e) => e.method === 'POST' && e.path === '/agent/v5/events/read');
    assert.ok(reads.length >= 2, `read twice at least (${reads.length})`);
    const bodies = reads.map((e) => JSON.parse(e.body.toString('utf8')) as { tag?: string; ackId?: string; eventTypes?: string[] });
    assert.ok(bodies.every((b) => b.tag === tag && b.eventTypes?.join() === 'MESSAGESENT,ROOMUPDATED'), JSON.stringify(bodies));
    assert.ok(bodies.slice(1).some((b) => typeof b.ackId === 'string' && b.ackId !== ''), 'a later read acknowledges the answer before it');
    const spec = new ApiSpec();
    const problems = proxy.exchanges.filter((e) => !e.path.startsWith('/login') && !e.path.startsWith('/relay')).flatMap((e) => checkExchange(spec, e));
    assert.deepEqual(problems, []);
  });
});
