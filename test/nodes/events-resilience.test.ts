import assert from 'node:assert/strict';
import { collect, configNode, delay, helper, loadFlow } from '../helpers/flow';
import { DESK_ROOM_ID } from '../helpers/simulator';
import { closingMessage, datafeedRequests, eventsNode, messageIds, reading, statusTexts, statusWatch, until } from '../helpers/events-flow';
import { useSimulator } from '../helpers/flow';

/**
 * The events node across what goes wrong in production: every event reaches the flow exactly once (counted and
 * compared by id) whenever the API allows it, and the node stops cleanly.
 */
/** Connected: the word until a read answers, then the figures. */
const CONNECTED = /^green dot (connected|\d+ events?\/min · last read \d+ s ago)$/;

describe('symphony-events: resilience', function () {
  const sim = useSimulator({ datafeedHoldMs: 5_000 });
  // A read cut by a redeploy may take an event on its way out: it comes again after the visibility timeout.
  before(function () {
    sim().setVisibilityTimeoutMs(1_000);
  });

  async function start(props: Record<string, unknown> = {}): Promise<{ tag: string; seen: string[]; received: ReturnType<typeof collect> }> {
    const node = eventsNode(props);
    await loadFlow([configNode(sim()), node, { id: 'events', type: 'helper' }, ...statusWatch()]);
    const seen = statusTexts();
    const received = collect('events');
    await reading(sim(), String(node.tag));
    return { tag: String(node.tag), seen, received };
  }

  const say = (text: string): string => sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: text }).messageId;

  it('recreates a lost datafeed and goes on, each event once', async function () {
    const { tag, seen, received } = await start();
    const before = [say('one'), say('two')];
    await until('two messages', () => received.length === 2);
    const lostId = await reading(sim(), tag);
    assert.equal(sim().dropDatafeeds({ tag }), 1);
    const newId = await reading(sim(), tag);
    assert.notEqual(newId, lostId, 'a new feed was created');
    const after = [say('three'), say('four'), say('five')];
    await closingMessage(sim(), tag, received);
    assert.deepEqual(messageIds(received), [...before, ...after]);
    assert.ok(seen.some((s) => s.startsWith('yellow ring reconnecting: HTTP 400')), `reconnecting shown (${seen.join('; ')})`);
    assert.match(seen[seen.length - 1]!, CONNECTED);
    assert.equal(sim().datafeeds().filter((f) => f.tag === tag).length, 1);
  });

  it('backs off through a burst of 5xx reads, then delivers what came meanwhile, each once', async function () {
    const { tag, seen, received } = await start();
    sim().failDatafeedReads({ status: 500, times: 4 });
    const first = say('before the burst');
    await until('the first message', () => received.length === 1);
    // The reads after it fail four times; messages sent meanwhile wait in the feed.
    const during = [say('during 1'), say('during 2')];
    await closingMessage(sim(), tag, received);
    assert.deepEqual(messageIds(received), [first, ...during]);
    const failedReads = sim().requests.filter((r) => r.path.endsWith('/read') && r.status === 500).length;
    assert.equal(failedReads, 4);
    assert.ok(seen.includes('yellow ring reconnecting: HTTP 500'), `reconnecting shown (${seen.join('; ')})`);
    assert.match(seen[seen.length - 1]!, CONNECTED);
  });

  it('reads again through answers a proxy replaced with an HTML page, each event once, never shown as failed', async function () {
    const { tag, seen, received } = await start();
    const first = say('before');
    await until('the first message', () => received.length === 1);
    sim().injectFault({ method: 'POST', path: '/agent/v5/datafeeds/*', status: 200, body: '<html><body>Proxy error</body></html>', headers: { 'content-type': 'text/html' }, times: 2 });
    const later = [say('after 1'), say('after 2')];
    await closingMessage(sim(), tag, received);
    assert.deepEqual(messageIds(received).slice(0, 3), [first, ...later]);
    assert.ok(seen.some((s) => s.startsWith('yellow ring reconnecting')), `reconnecting shown (${seen.join('; ')})`);
    assert.ok(!seen.some((s) => s.startsWith('red')), `never failed (${seen.join('; ')})`);
    assert.match(seen[seen.length - 1]!, CONNECTED);
  });

  it('keeps going through an outage of reads for a while (durationMs)', async function () {
    const { tag, received } = await start();
    sim().failDatafeedReads({ status: 503, durationMs: 400 });
    const first = say('a');
    const all = [first, say('b'), say('c')];
    await closingMessage(sim(), tag, received);
    assert.deepEqual(messageIds(received), all);
  });

  it('re-authenticates through the config node when the session expires, and loses nothing', async function () {
    const { tag, received } = await start();
    const logins = (): number => sim().count('POST', '/login/pubkey/authenticate');
    const loginsBefore = logins();
    const one = say('one');
    await until('one message', () => received.length === 1);
    sim().expireAllTokens();
    const two = say('two');
    await until('two messages', () => received.length === 2);
    const three = say('three');
    await closingMessage(sim(), tag, received);
    assert.deepEqual(messageIds(received), [one, two, three]);
    assert.ok(logins() > loginsBefore, 'the bot logged in again');
    assert.ok(sim().requests.some((r) => r.path.endsWith('/read') && r.status === 401), 'a read was refused with 401');
  });

  it('continues where it stopped after a redeploy: same feed, nothing twice, nothing lost, one poller', async function () {
    const node = eventsNode();
    const tag = String(node.tag);
    const flow = [configNode(sim()), node, { id: 'events', type: 'helper' }];
    await loadFlow(flow);
    let received = collect('events');
    await reading(sim(), tag);
    const one = say('one');
    await until('one message', () => received.length === 1);
    const feedId = await reading(sim(), tag);
    await helper.unload();
    const meanwhile = say('sent while the flow was stopped');
    await loadFlow(flow);
    received = collect('events');
    await until('the message sent meanwhile', () => received.length >= 1);
    const two = say('two');
    await closingMessage(sim(), tag, received);
    assert.deepEqual(messageIds(received), [meanwhile, two]);
    assert.notEqual(one, meanwhile);
    assert.deepEqual(sim().datafeeds().filter((f) => f.tag === tag).map((f) => f.id), [feedId]);
    // One poller: the create and list calls happened once, before the redeploy.
    assert.equal(sim().count('POST', '/agent/v5/datafeeds'), 1);
  });

  /** Waits a little for a datafeed request that should not come: only a late request could fail it, never a slow machine. */
  async function noDatafeedRequestAfter(requests: number): Promise<void> {
    await delay(300);
    assert.equal(datafeedRequests(sim()), requests, 'no datafeed request after close');
  }

  it('closes during a long poll: the read is aborted, and no request or timer is left', async function () {
    const { tag } = await start();
    await reading(sim(), tag);
    await helper.unload();
    await until('the simulator to see the read go away', () => sim().datafeeds().find((f) => f.tag === tag)?.reading === false);
    await noDatafeedRequestAfter(datafeedRequests(sim()));
  });

  it('closes at once while backing off from failures', async function () {
    // A pause far longer than the test's timeout: close ends only because it cuts the pause short.
    const { tag, received } = await start({ backoffInitialMs: 600_000, backoffMaxMs: 600_000 });
    sim().failDatafeedReads({ status: 500, durationMs: 600_000 });
    say('wakes the read');
    await until('a failed read', () => sim().requests.some((r) => r.path.endsWith('/read') && r.status === 500));
    await helper.unload();
    await noDatafeedRequestAfter(datafeedRequests(sim()));
    assert.equal(received.length, 1);
    assert.ok(sim().datafeeds().some((f) => f.tag === tag));
  });

  it('deletes its feed when the node is removed', async function () {
    const { tag } = await start();
    await (helper.getNode('ev') as unknown as { close(removed: boolean): Promise<void> }).close(true);
    assert.equal(sim().datafeeds().filter((f) => f.tag === tag).length, 0);
    await noDatafeedRequestAfter(datafeedRequests(sim()));
  });
});
