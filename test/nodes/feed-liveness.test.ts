/**
 * The liveness the events and datahose nodes keep (last successful read, events per minute, reconnects, state), as
 * a container health check reads it at GET /symphony/liveness and as the node's status shows it.
 */
import assert from 'node:assert/strict';
import { CONFIG_ID, configNode, delay, helper, loadFlow, statuses, useSimulator } from '../helpers/flow';
import { DESK_ROOM_ID } from '../helpers/simulator';
import { eventsNode, reading, until } from '../helpers/events-flow';
import type { FeedReport as Feed } from '../../nodes/runtime/events/feed-registry';

interface Answer {
  status: number;
  body: { healthy?: boolean; maxSilenceSeconds?: number; feeds?: Feed[]; error?: string; field?: string };
  text: string;
}
/** node-red-node-test-helper's `request()`: supertest on the admin app (not in its type declarations). */
const admin = (): { get(path: string): Promise<Answer> } => (helper as unknown as { request(): { get(path: string): Promise<Answer> } }).request();

const liveness = (query = ''): Promise<Answer> => admin().get(`/symphony/liveness${query}`);

async function feed(id = 'ev'): Promise<Feed> {
  const answer = await liveness();
  const found = answer.body.feeds?.find((f) => f.id === id);
  assert.ok(found, `feed ${id} listed (${answer.text})`);
  return found;
}

/** Polls the route until `check` holds for the feed. */
async function feedUntil(what: string, check: (f: Feed) => boolean, id = 'ev'): Promise<Feed> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const f = await feed(id);
    if (check(f)) return f;
    if (Date.now() > deadline) assert.fail(`gave up waiting for ${what}: ${JSON.stringify(f)}`);
    await delay(50);
  }
}

describe('feed liveness: figures, status and GET /symphony/liveness', function () {
  // Reads answer every 300 ms when nothing comes, so the time of the last read moves while the test watches.
  const sim = useSimulator({ datafeedHoldMs: 300 });

  async function start(props: Record<string, unknown> = {}): Promise<string> {
    const node = eventsNode({ name: 'desk feed', ...props });
    await loadFlow([configNode(sim()), node, { id: 'events', type: 'helper' }]);
    await reading(sim(), String(node.tag));
    return String(node.tag);
  }

  const say = (text: string): void => {
    sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: text });
  };

  it('the last read moves, the events of the last minute are counted, and the answer is 200 with no secret in it', async function () {
    const tag = await start();
    const first = await feedUntil('a first read', (f) => f.lastReadAt !== null);
    assert.deepEqual({ id: first.id, name: first.name, type: first.type, state: first.state, reconnects: first.reconnects, healthy: first.healthy },
      { id: 'ev', name: 'desk feed', type: 'symphony-events', state: 'connected', reconnects: 0, healthy: true });
    const later = await feedUntil('a later read', (f) => f.lastReadAt! > first.lastReadAt!);
    assert.ok(Date.parse(later.lastReadAt!) <= Date.now() && later.secondsSinceLastRead <= 1, JSON.stringify(later));
    assert.equal(later.eventsPerMinute, 0);
    say('one');
    say('two');
    say('three');
    const counted = await feedUntil('three events counted', (f) => f.eventsPerMinute === 3);
    assert.equal(counted.healthy, true);
    const answer = await liveness();
    assert.equal(answer.status, 200);
    assert.equal(answer.body.healthy, true);
    assert.equal(answer.body.maxSilenceSeconds, 120, 'the default');
    assert.ok(!answer.text.includes(tag), 'the feed tag is not given away');
    assert.doesNotMatch(answer.text, /token|privateKey|BEGIN|127\.0\.0\.1/i);
  });

  it('counts a reconnect when a lost feed is recreated, and another when reads work again after failures', async function () {
    const tag = await start();
    await feedUntil('a first read', (f) => f.lastReadAt !== null);
    assert.equal(sim().dropDatafeeds({ tag }), 1);
    await feedUntil('one reconnect', (f) => f.reconnects === 1 && f.state === 'connected');
    sim().failDatafeedReads({ status: 500, times: 2 });
    const after = await feedUntil('two reconnects', (f) => f.reconnects === 2 && f.state === 'connected');
    assert.equal(after.healthy, true);
  });

  it('answers 503 when a feed has been silent longer than maxSilenceSeconds, and 200 again once it reads', async function () {
    await start();
    await feedUntil('a first read', (f) => f.lastReadAt !== null);
    sim().failDatafeedReads({ status: 503, durationMs: 2_500 });
    await feedUntil('two silent seconds', (f) => f.secondsSinceLastRead >= 2);
    const silent = await liveness('?maxSilenceSeconds=1');
    assert.equal(silent.status, 503, silent.text);
    assert.equal(silent.body.healthy, false);
    assert.equal(silent.body.feeds?.find((f) => f.id === 'ev')?.healthy, false);
    assert.equal((await liveness('?maxSilenceSeconds=60')).status, 200, 'within a longer limit');
    await feedUntil('reads again', (f) => f.secondsSinceLastRead === 0 && f.state === 'connected');
    assert.equal((await liveness('?maxSilenceSeconds=1')).status, 200);
  });

  it('answers 503 for a node that cannot start (no config node): a failed feed', async function () {
    await loadFlow([eventsNode({ id: 'broken', name: 'no config', config: '' })]);
    const answer = await liveness();
    assert.equal(answer.status, 503, answer.text);
    const broken = answer.body.feeds?.find((f) => f.id === 'broken');
    assert.deepEqual({ state: broken?.state, healthy: broken?.healthy, lastReadAt: broken?.lastReadAt }, { state: 'failed', healthy: false, lastReadAt: null });
  });

  it('lists a datahose node too, and forgets nodes once they stop', async function () {
    await loadFlow([configNode(sim()), { id: 'hose', type: 'symphony-datahose', config: CONFIG_ID, name: 'pod hose', eventTypes: ['MESSAGESENT'], backoffInitialMs: 40, wires: [[]] }]);
    const hose = await feedUntil('the datahose read', (f) => f.lastReadAt !== null, 'hose');
    assert.deepEqual({ type: hose.type, name: hose.name, state: hose.state }, { type: 'symphony-datahose', name: 'pod hose', state: 'connected' });
    await helper.unload();
    const answer = await liveness();
    assert.deepEqual([answer.status, answer.body.feeds], [200, []]);
  });

  for (const bad of ['abc', '0', '86401', '1.5', '-3', '%20', '1e3']) {
    it(`refuses maxSilenceSeconds=${bad} with a 400 naming the parameter`, async function () {
      const answer = await liveness(`?maxSilenceSeconds=${bad}`);
      assert.equal(answer.status, 400);
      assert.equal(answer.body.field, 'maxSilenceSeconds');
      assert.match(String(answer.body.error), /^maxSilenceSeconds must be a whole number of seconds from 1 to 86400$/);
    });
  }

  it('refuses the parameter given twice', async function () {
    assert.equal((await liveness('?maxSilenceSeconds=5&maxSilenceSeconds=6')).status, 400);
  });

  it('shows the figures in the status, at most about once a second however fast events come', async function () {
    await loadFlow([configNode(sim()), eventsNode({ name: 'desk feed' }), { id: 'events', type: 'helper' }]);
    const shown = statuses('ev');
    await feedUntil('a first read', (f) => f.lastReadAt !== null);
    await until('the figures', () => /^0 events\/min · last read \d+ s ago$/.test(shown.at(-1)?.text ?? ''));
    const before = shown.length;
    const started = Date.now();
    // One message every 40 ms for 2 s: each answer holds one or two, and changes the count.
    for (let i = 0; i < 50; i++) {
      say(`burst ${i}`);
      await delay(40);
    }
    await until('the count of the burst', () => /^50 events\/min · last read \d+ s ago$/.test(shown.at(-1)?.text ?? ''));
    const seconds = (Date.now() - started) / 1000;
    const sets = shown.length - before;
    assert.ok(sets >= 2 && sets <= Math.ceil(seconds) + 2, `${sets} statuses in ${seconds.toFixed(1)} s`);
    assert.ok(shown.slice(before).every((s) => s.fill === 'green' && s.shape === 'dot'));
  });
});
