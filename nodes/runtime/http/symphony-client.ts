import { SymphonyError } from '../core/errors';
import { text } from '../core/i18n';
import type { HttpClient, HttpRequest, HttpResponse, RetryNotice } from './http-client';
import { AgentPool, type AgentAttempt, type AgentPin } from './agent-pool';
import { DEFAULT_RETRY_SETTINGS } from './retry-policy';
import type { ApiCall } from '../operations/request-builder';
import { requestIdOf, symphonyMessageOf } from './response';
import { untilAborted } from './until-aborted';
import { bounded } from '../operations/value-checks';
import type { Identity, ServiceUrls, TokenManager } from '../auth/token-manager';

/** What nodes call Symphony through: a config node's client, ready at once or once its connection is open. */
export interface SymphonyCalls {
  execute(call: ApiCall, identity: Identity, signal?: AbortSignal, onRetry?: (notice: RetryNotice) => void): Promise<HttpResponse>;
  /** `pin`: a feed loop's agent, which its agent calls stay on until it fails (agent-pool.ts). */
  poll(call: ApiCall, identity: Identity, signal: AbortSignal, timeoutMs: number, pin?: AgentPin): Promise<HttpResponse>;
}

/**
 * Sends an operation's call with the right tokens for the identity it runs as. A 401 means the session ended
 * (expiry, pod restart): the tokens used are dropped, authentication runs again (shared with every other
 * caller) and the call is sent once more. A second 401 is reported, never looped on.
 */
export class SymphonyClient implements SymphonyCalls {
  constructor(
    private readonly urls: ServiceUrls,
    private readonly http: HttpClient,
    readonly tokens: TokenManager,
    /** In certificate mode: the client that presents the bot's certificate, for the authenticators. */
    private readonly mtlsHttp?: HttpClient,
    /** The agents agent calls go to: the one agent URL unless several are configured. */
    private readonly agents: AgentPool = new AgentPool({ urls: [urls.agent], balancing: 'sticky' }, DEFAULT_RETRY_SETTINGS),
  ) {}

  /** The base URL and the HTTP client of a call's service. */
  private route(call: ApiCall): { base: string; http: HttpClient } {
    switch (call.api) {
      case 'agent': return { base: this.urls.agent, http: this.http };
      case 'sessionauth': return { base: this.urls.sessionAuth, http: this.mtlsHttp ?? this.http };
      case 'keyauth': return { base: this.urls.keyAuth, http: this.mtlsHttp ?? this.http };
      default: return { base: this.urls.pod, http: this.http };
    }
  }

  execute(call: ApiCall, identity: Identity, signal?: AbortSignal, onRetry?: (notice: RetryNotice) => void): Promise<HttpResponse> {
    return this.run(call, identity, { signal }, onRetry);
  }

  /**
   * For a loop that runs its own backoff (the datafeed reader): no HTTP-level retry, and a timeout of its own,
   * longer than the time a long poll is held open by the server. A 401 still re-authenticates once.
   */
  poll(call: ApiCall, identity: Identity, signal: AbortSignal, timeoutMs: number, pin?: AgentPin): Promise<HttpResponse> {
    return this.run(call, identity, { signal, timeoutMs, maxRetries: 0 }, undefined, pin);
  }

  private async run(
    call: ApiCall, identity: Identity, transport: Pick<HttpRequest, 'signal' | 'timeoutMs' | 'maxRetries'>, onRetry?: (notice: RetryNotice) => void,
    pin?: AgentPin,
  ): Promise<HttpResponse> {
    const { signal } = transport;
    const stopped = (): SymphonyError => new SymphonyError('ABORTED', text('runtime.errors.http.aborted'), { operation: call.operation });
    const toAgent = call.api === 'agent';
    // The key manager's authenticator is not the pod: the pod's session token does not go there.
    const tokenless = call.api === 'keyauth';
    const { base, http } = this.route(call);
    for (let attempt = 0; ; attempt++) {
      // The key manager token is for the agent alone, whatever the call asks: never sent to the pod or login.
      // A login is shared by every caller and goes on for them; this caller stops waiting for it when stopped.
      const needsKeyManager = call.needsKeyManager && toAgent;
      const used = tokenless ? undefined
        : this.tokens.heldTokens(identity, needsKeyManager) ?? await untilAborted(this.tokens.tokensFor(identity, needsKeyManager), signal, stopped);
      if (signal?.aborted) throw stopped();
      const headers: Record<string, string> = {};
      if (used) headers.sessionToken = used.sessionToken;
      if (used?.keyManagerToken) headers.keyManagerToken = used.keyManagerToken;
      const send: AgentAttempt = (to, failFast) => http.send({
        method: call.method,
        url: to + call.path,
        query: call.query,
        headers,
        body: call.body,
        idempotent: call.idempotent,
        signal,
        accept: call.accept,
        responseType: call.responseType,
        timeoutMs: transport.timeoutMs,
        maxRetries: transport.maxRetries,
        answerStatuses: call.answerStatuses,
        failFast,
      }, onRetry);
      let response: HttpResponse;
      try {
        if (!toAgent) response = await send(base, () => false);
        else if (pin) response = await this.agents.sendPinned(pin, call.operation, send);
        else response = await this.agents.send(call.operation, call.idempotent, send, (answer) => httpError(call, answer));
      } catch (err) {
        if (err instanceof SymphonyError) err.cause.operation = call.operation;
        throw err;
      }
      if (response.status === 401 && attempt === 0 && used) {
        this.tokens.invalidate(identity, used);
        continue;
      }
      if (response.status >= 200 && response.status < 300) return response;
      if (call.answerStatuses?.includes(response.status) && isJsonObject(response.data)) return response;
      throw httpError(call, response);
    }
  }
}

const isJsonObject = (data: unknown): boolean => typeof data === 'object' && data !== null && !Array.isArray(data) && !Buffer.isBuffer(data);

export function httpError(call: ApiCall, response: HttpResponse): SymphonyError {
  const symphonyMessage = symphonyMessageOf(response.data);
  const details = {
    operation: call.operation,
    status: response.status,
    symphonyMessage,
    requestId: requestIdOf(response.headers),
  };
  // A path and Symphony's reason can both echo a long value from the msg: each is quoted in part (cause has more).
  const message = text(symphonyMessage ? 'runtime.errors.http.statusWithReason' : 'runtime.errors.http.status', {
    operation: call.operation, status: response.status, method: call.method, path: bounded(call.path), reason: symphonyMessage && bounded(symphonyMessage),
  });
  if (response.status === 429) return new SymphonyError('RATE_LIMITED', text('runtime.errors.http.rateLimited', { message }), details);
  return new SymphonyError(response.status === 401 ? 'NOT_AUTHORIZED' : `HTTP_${response.status}`, message, details);
}
