import assert from 'node:assert/strict';
import { DEFAULT_RETRY_SETTINGS, canFailOver, isRetryable, parseRetryAfter, retryDelayMs } from '../../nodes/runtime/http/retry-policy';

describe('retry policy', function () {
  const settings = DEFAULT_RETRY_SETTINGS;

  it('repeats any call the server did not act on', function () {
    for (const outcome of [{ status: 429 }, { status: 503 }, { networkCode: 'ECONNREFUSED' }]) {
      assert.equal(isRetryable(outcome, false, settings), true, JSON.stringify(outcome));
    }
  });

  it('does not repeat a non-idempotent call that may have been applied, unless allowed', function () {
    for (const outcome of [{ status: 502 }, { status: 504 }, { networkCode: 'ETIMEDOUT' }, { networkCode: 'ECONNRESET' }]) {
      assert.equal(isRetryable(outcome, false, settings), false, JSON.stringify(outcome));
      assert.equal(isRetryable(outcome, true, settings), true, JSON.stringify(outcome));
      assert.equal(isRetryable(outcome, false, { ...settings, retryUnsafe: true }), true, JSON.stringify(outcome));
    }
  });

  it('never repeats a 500 or a client error', function () {
    for (const status of [400, 401, 403, 404, 500]) assert.equal(isRetryable({ status }, true, settings), false);
  });

  it('honours Retry-After in seconds and as a date', function () {
    assert.equal(parseRetryAfter('2'), 2000);
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    assert.equal(parseRetryAfter(new Date(now + 3000).toUTCString(), now), 3000);
    assert.equal(retryDelayMs(0, { status: 429, retryAfter: '4' }, settings), 4000);
  });

  it('backs off exponentially with jitter, capped', function () {
    assert.equal(retryDelayMs(0, { status: 503 }, settings, () => 1), 500);
    assert.equal(retryDelayMs(2, { status: 503 }, settings, () => 1), 2000);
    assert.equal(retryDelayMs(2, { status: 503 }, settings, () => 0), 1000);
    assert.equal(retryDelayMs(20, { status: 503 }, settings, () => 1), settings.maxDelayMs);
  });

  describe('failing over to another agent', function () {
    const unsafe = { ...DEFAULT_RETRY_SETTINGS, retryUnsafe: true };
    const cases: Array<[string, { status?: number; networkCode?: string }, boolean, boolean, boolean]> = [
      // outcome, idempotent call, non-idempotent call, non-idempotent call with retryUnsafe
      ['refused', { networkCode: 'ECONNREFUSED' }, true, true, true],
      ['name not found', { networkCode: 'ENOTFOUND' }, true, true, true],
      ['503', { status: 503 }, true, true, true],
      ['reset', { networkCode: 'ECONNRESET' }, true, false, true],
      ['timeout', { networkCode: 'ETIMEDOUT' }, true, false, true],
      ['500', { status: 500 }, true, false, true],
      ['502', { status: 502 }, true, false, true],
      ['429: the pod is busy, not the agent', { status: 429 }, false, false, false],
      ['400', { status: 400 }, false, false, false],
      ['200', { status: 200 }, false, false, false],
    ];
    for (const [name, outcome, idempotent, send, sendUnsafe] of cases) {
      it(`${name}: ${idempotent ? 'moves on' : 'stays'} for a read, ${send ? 'moves on' : 'stays'} for a send, ${sendUnsafe ? 'moves on' : 'stays'} with retryUnsafe`, function () {
        assert.equal(canFailOver(outcome, true, DEFAULT_RETRY_SETTINGS), idempotent);
        assert.equal(canFailOver(outcome, false, DEFAULT_RETRY_SETTINGS), send);
        assert.equal(canFailOver(outcome, false, unsafe), sendUnsafe);
      });
    }
  });
});
