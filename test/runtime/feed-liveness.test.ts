import assert from 'node:assert/strict';
import { FeedLiveness } from '../../nodes/runtime/events/feed-liveness';

/** The figures' arithmetic, on a clock the test moves: the window of a minute, the age, reconnects, health. */
describe('feed liveness figures', () => {
  const T0 = 1_800_000_000_000;

  function at(): { liveness: FeedLiveness; move(ms: number): void } {
    let now = T0;
    return { liveness: new FeedLiveness(() => now), move: (ms) => { now += ms; } };
  }

  it('counts the events of the last 60 seconds, forgetting older ones second by second', () => {
    const { liveness, move } = at();
    liveness.read(5);
    move(30_000);
    liveness.read(3);
    assert.equal(liveness.figures().eventsPerMinute, 8);
    move(29_999);
    assert.equal(liveness.figures().eventsPerMinute, 8, 'the first 5 are 59.999 s old');
    move(1_000);
    assert.equal(liveness.figures().eventsPerMinute, 3, 'the first 5 are a minute old');
    move(30_000);
    assert.equal(liveness.figures().eventsPerMinute, 0);
    move(3_600_000);
    liveness.read(2);
    assert.equal(liveness.figures().eventsPerMinute, 2, 'after an hour of silence the old buckets are empty');
  });

  it('adds events of the same second, and many seconds in a row', () => {
    const { liveness, move } = at();
    for (let i = 0; i < 120; i++) {
      liveness.read(10);
      move(500);
    }
    // Reads every half second for a minute: the last 60 s hold 120 reads of 10 (or 119, at a bucket edge).
    const { eventsPerMinute } = liveness.figures();
    assert.ok(eventsPerMinute >= 1_100 && eventsPerMinute <= 1_200, String(eventsPerMinute));
  });

  it('ages from the last read, or from the start before any', () => {
    const { liveness, move } = at();
    move(4_500);
    assert.deepEqual([liveness.figures().secondsSinceLastRead, liveness.figures().lastReadAt], [4, undefined]);
    liveness.read(0);
    move(2_000);
    assert.deepEqual([liveness.figures().secondsSinceLastRead, liveness.figures().lastReadAt], [2, T0 + 4_500]);
    assert.equal(liveness.figures().eventsPerMinute, 0, 'an empty answer is a read, not an event');
  });

  it('counts a reconnect each time the feed is connected again after reconnecting or failing, not at the first connect', () => {
    const { liveness } = at();
    for (const state of ['connecting', 'connected', 'connected', 'reconnecting', 'reconnecting', 'connected', 'failed', 'connected'] as const) liveness.state(state);
    assert.deepEqual([liveness.figures().reconnects, liveness.figures().state], [2, 'connected']);
  });

  it('is healthy when not failed and read within the limit', () => {
    const { liveness, move } = at();
    liveness.state('connected');
    liveness.read(1);
    move(10_000);
    assert.equal(liveness.healthy(10), true);
    assert.equal(liveness.healthy(9), false);
    liveness.state('failed');
    assert.equal(liveness.healthy(60), false);
  });
});
