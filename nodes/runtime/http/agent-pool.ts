/**
 * Several agents behind one config node (docs/adr/0015-agent-load-balancing.md). Every agent of a pod serves the
 * same API with the same tokens, so a call may go to any of them:
 * - sticky (default): every call goes to one agent until it fails, then to the next one, which is kept;
 * - round robin: each call starts at the next agent in turn.
 * A call that fails on an agent in a way that proves the agent at fault (network error, 5xx) moves on to the next
 * agent at once, when repeating it is safe (canFailOver); the last agent tried keeps the usual retry policy.
 * A feed loop (datafeed, datahose) holds an AgentPin instead: it stays on its agent while that one works, its
 * reads acknowledging what that agent answered, and moves to the next one only after a failure.
 */
import { SymphonyError, isSymphonyError } from '../core/errors';
import { text } from '../core/i18n';
import type { HttpResponse } from './http-client';
import { canFailOver, type AttemptOutcome, type RetrySettings } from './retry-policy';

export const AGENT_BALANCING_MODES = ['sticky', 'round-robin'] as const;
export type AgentBalancing = (typeof AGENT_BALANCING_MODES)[number];

export interface AgentPoolSettings {
  /** Base URLs, the dialog's agent URL first; never empty. */
  urls: readonly string[];
  balancing: AgentBalancing;
}

/** One move from a failed agent to the next, as logged: host:port only, never a path, query or credential. */
export interface AgentFailover {
  from: string;
  to: string;
  /** The failure: a network code (ECONNREFUSED) or "HTTP 503". */
  reason: string;
  /** The operation that failed over, or the feed that moved. */
  operation: string;
}

/** A feed loop's agent: the agent its reads go to, until that agent fails. */
export class AgentPin {
  index: number | undefined;
}

/** A URL's host:port, as the logs and errors name an agent. */
export function agentName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || (parsed.protocol === 'https:' ? '443' : '80')}`;
}

function reasonOf(outcome: AttemptOutcome): string {
  return outcome.status !== undefined ? `HTTP ${outcome.status}` : outcome.networkCode ?? 'NETWORK';
}

/** The outcome a thrown error or an answer stands for (the feed loops send once, without failFast). */
function outcomeOf(result: { response?: HttpResponse; error?: unknown }): AttemptOutcome | undefined {
  if (result.response) return { status: result.response.status };
  if (isSymphonyError(result.error) && (result.error.code === 'NETWORK' || result.error.code === 'TIMEOUT')) {
    return { networkCode: result.error.cause.networkCode ?? 'ETIMEDOUT' };
  }
  return undefined;
}

/**
 * Sends one request to the agent at `base`. `failFast` is asked after each failed attempt: true ends the attempts
 * on that agent at once (the answer is returned, the network error thrown) so the pool can move on.
 */
export type AgentAttempt = (base: string, failFast: (outcome: AttemptOutcome) => boolean) => Promise<HttpResponse>;

export class AgentPool {
  private readonly urls: readonly string[];
  /** Sticky: the agent in use. Round robin: the agent the next call starts with. */
  private current = 0;
  /** Agents whose failure was logged and that have not answered since: logged once per outage, not per call. */
  private readonly down = new Set<number>();
  private readonly roundRobin: boolean;

  constructor(
    settings: AgentPoolSettings,
    private readonly retry: RetrySettings,
    private readonly onFailover: (failover: AgentFailover) => void = () => undefined,
  ) {
    this.urls = settings.urls.length > 0 ? [...settings.urls] : [''];
    this.roundRobin = settings.balancing === 'round-robin';
  }

  /** The first agent, where a call goes when there is only one. */
  get first(): string {
    return this.urls[0] as string;
  }

  private startIndex(): number {
    const index = this.current;
    if (this.roundRobin) this.current = (index + 1) % this.urls.length;
    return index;
  }

  private moved(from: number, to: number, reason: string, operation: string): void {
    if (this.down.has(from)) return;
    this.down.add(from);
    this.onFailover({ from: agentName(this.urls[from] as string), to: agentName(this.urls[to] as string), reason, operation });
  }

  /**
   * Sends a call, moving to the next agent after a failure that allows it, each agent at most once. When every
   * agent failed, the error names each with its failure. `failure` turns the last answer into the call's error.
   */
  async send(operation: string, idempotent: boolean, attempt: AgentAttempt, failure: (response: HttpResponse) => SymphonyError): Promise<HttpResponse> {
    const count = this.urls.length;
    if (count === 1) return attempt(this.first, () => false);
    const start = this.startIndex();
    const tried: string[] = [];
    for (let step = 0; ; step++) {
      const index = (start + step) % count;
      const last = step === count - 1;
      let failed: AttemptOutcome | undefined;
      // The last agent keeps the usual retries; its failure is noted to name it in the error.
      const failFast = (outcome: AttemptOutcome): boolean => {
        const movable = canFailOver(outcome, idempotent, this.retry);
        failed = movable ? outcome : undefined;
        return movable && !last;
      };
      let response: HttpResponse;
      try {
        response = await attempt(this.urls[index] as string, failFast);
      } catch (err) {
        if (!failed || (isSymphonyError(err) && err.code === 'ABORTED')) throw err;
        tried.push(`${agentName(this.urls[index] as string)} (${reasonOf(failed)})`);
        if (last) throw allFailed(err, tried);
        this.failedOver(index, (index + 1) % count, reasonOf(failed), operation);
        continue;
      }
      // An answer the operation expects (answerStatuses) never asked failFast: only a status it was asked about counts.
      if (failed !== undefined && failed.status === response.status) {
        tried.push(`${agentName(this.urls[index] as string)} (${reasonOf(failed)})`);
        if (last) throw allFailed(failure(response), tried);
        this.failedOver(index, (index + 1) % count, reasonOf(failed), operation);
        continue;
      }
      this.down.delete(index);
      return response;
    }
  }

  private failedOver(from: number, to: number, reason: string, operation: string): void {
    // Sticky: the next agent becomes the one in use, unless another call already moved it on.
    if (!this.roundRobin && this.current === from) this.current = to;
    this.moved(from, to, reason, operation);
  }

  /**
   * One attempt of a feed loop's call, on its pinned agent. After a network failure or a 5xx answer the pin moves
   * to the next agent, for the loop's next attempt (after its own backoff); the failure is the loop's to handle.
   */
  async sendPinned(pin: AgentPin, operation: string, attempt: AgentAttempt): Promise<HttpResponse> {
    if (this.urls.length === 1) return attempt(this.first, () => false);
    pin.index ??= this.current;
    const index = pin.index;
    let result: { response?: HttpResponse; error?: unknown };
    try {
      result = { response: await attempt(this.urls[index] as string, () => false) };
    } catch (error) {
      result = { error };
    }
    const outcome = outcomeOf(result);
    const agentFailed = outcome !== undefined && (outcome.networkCode !== undefined || (outcome.status ?? 0) >= 500);
    if (agentFailed && pin.index === index) {
      pin.index = (index + 1) % this.urls.length;
      this.down.delete(index);
      this.moved(index, pin.index, reasonOf(outcome), operation);
    } else if (!agentFailed && result.response) {
      this.down.delete(index);
    }
    if (result.response) return result.response;
    throw result.error;
  }
}

/** The last agent's error, saying every agent was tried and how each failed. */
function allFailed(err: unknown, tried: readonly string[]): unknown {
  if (!isSymphonyError(err)) return err;
  const message = text('runtime.errors.http.allAgentsFailed', { agents: tried.join(', '), message: err.message });
  return new SymphonyError(err.code, message, { ...err.cause });
}
