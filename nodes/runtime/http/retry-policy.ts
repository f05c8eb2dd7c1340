/**
 * When a failed HTTP attempt may be repeated, and how long to wait first.
 *
 * Some failures prove the server did not act on the request (429, 503, connection refused): always safe to
 * repeat. Others leave it unknown (502, 504, timeout, connection reset): repeating a non-idempotent call such
 * as "send message" could apply it twice, so those are repeated only for idempotent calls, or when the user
 * has accepted duplicates in the config node. So is a 2xx answer that cannot be read. 500 is never repeated: the
 * request itself is at fault.
 */

export interface RetrySettings {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails as rate limited. */
  maxRetryAfterMs: number;
  /** Repeat non-idempotent calls after failures that may have been applied. */
  retryUnsafe: boolean;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  retryUnsafe: false,
};

/** What one attempt ended with: an HTTP status, or a network error code (ECONNREFUSED, ETIMEDOUT...). */
export interface AttemptOutcome {
  status?: number;
  networkCode?: string;
  retryAfter?: string;
  /** A 2xx answer whose body could not be read (cut short, a proxy's HTML page): the server may have acted. */
  unreadable?: boolean;
}

const NOT_APPLIED_STATUSES = new Set([429, 503]);
const MAYBE_APPLIED_STATUSES = new Set([502, 504]);
const NOT_APPLIED_NETWORK = new Set(['ECONNREFUSED', 'EPROTO_PROXY_REFUSED']);
const MAYBE_APPLIED_NETWORK = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ECONNRESET', 'EPIPE', 'ESOCKETTIMEDOUT']);

export function isRetryable(outcome: AttemptOutcome, idempotent: boolean, settings: RetrySettings): boolean {
  const { status, networkCode } = outcome;
  if (status !== undefined && NOT_APPLIED_STATUSES.has(status)) return true;
  if (networkCode !== undefined && NOT_APPLIED_NETWORK.has(networkCode)) return true;
  const maybeApplied = outcome.unreadable === true
    || (status !== undefined && MAYBE_APPLIED_STATUSES.has(status))
    || (networkCode !== undefined && MAYBE_APPLIED_NETWORK.has(networkCode));
  return maybeApplied && (idempotent || settings.retryUnsafe);
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from now; undefined when absent or invalid. */
export function parseRetryAfter(header: string | undefined, nowMs: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * Delay before retry number `retry` (0-based): Retry-After when the server sent one, else exponential backoff
 * with jitter (between half and all of the capped exponential step) so that many callers do not retry in step.
 */
export function retryDelayMs(retry: number, outcome: AttemptOutcome, settings: RetrySettings, random: () => number = Math.random): number {
  const retryAfter = parseRetryAfter(outcome.retryAfter);
  if (retryAfter !== undefined) return retryAfter;
  const step = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** retry);
  return Math.round(step * (0.5 + random() / 2));
}

/** Network failures that happen before the request is sent: no server saw it. */
const NOT_SENT_NETWORK = new Set(['ECONNREFUSED', 'EPROTO_PROXY_REFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Whether a call that failed on one agent may go to another one (agent load balancing, agent-pool.ts). Only a
 * failure of the agent qualifies: a network error or a 5xx answer, never a 4xx or 429 (the call or the pod is at
 * fault, and another agent would answer the same). As for retries, what may have been applied (a reset, a
 * timeout, a 500, 502 or 504 after the request was sent) moves on only for an idempotent call or with
 * retryUnsafe; a refused connection, a name not found or a 503 always does.
 */
export function canFailOver(outcome: AttemptOutcome, idempotent: boolean, settings: RetrySettings): boolean {
  const { status, networkCode } = outcome;
  if (status !== undefined) {
    if (status < 500) return false;
    return NOT_APPLIED_STATUSES.has(status) || idempotent || settings.retryUnsafe;
  }
  if (networkCode === undefined) return false;
  return NOT_SENT_NETWORK.has(networkCode) || idempotent || settings.retryUnsafe;
}
