import assert from 'node:assert/strict';
import { DEFAULT_RETRY_SETTINGS, isRetryable, parseRetryAfter, retryDelayMs } from '../../nodes/runtime/http/retry-policy';

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
});
