import { setMaxListeners } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import type { AxiosInstance, AxiosResponse, AxiosStatic } from 'axios';
import { JSON_MEDIA_TYPE } from '../../catalogue/media-types';
import { readByContentType, readJsonBody, type ReadBody } from './answer-body';
import { MultipartBody } from './multipart';
import { SymphonyError } from '../core/errors';
import { text } from '../core/i18n';
import { requestIdOf } from './response';
import { bounded } from '../operations/value-checks';
import { HttpProxyTunnelAgent, HttpsProxyTunnelAgent, type ProxySettings } from './proxy-agent';
import { isRetryable, retryDelayMs, type AttemptOutcome, type RetrySettings } from './retry-policy';

export type ClientTls =
  | { cert: string; key: string; passphrase?: string }
  | { pfx: Buffer; passphrase?: string };

export interface HttpClientSettings {
  timeoutMs: number;
  retry: RetrySettings;
  /** Extra trusted CAs, added to Node's default trust store (not replacing it, unless `onlyTheseCas`). */
  caCertificates?: string[];
  /** Trust `caCertificates` alone (the built-in simulator's own CA), not Node's default trust store. */
  onlyTheseCas?: boolean;
  proxy?: ProxySettings;
  /** Client certificate for mutual TLS (certificate authentication only). */
  clientTls?: ClientTls;
}

export interface HttpRequest {
  method: string;
  url: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** A JSON value, or a multipart body. */
  body?: unknown;
  idempotent: boolean;
  signal?: AbortSignal;
  /** The Accept header: the media type(s) the operation answers with; JSON when absent. */
  accept?: string;
  /** How the answer is read: parsed JSON (default), text, bytes, or by the Content-Type the answer has. */
  responseType?: 'json' | 'text' | 'arraybuffer' | 'by-content-type';
  /** Overrides the client's timeout, for a long poll whose server holds the request open on purpose. */
  timeoutMs?: number;
  /** Overrides the client's retry count; 0 for a caller that runs its own backoff (the datafeed loop). */
  maxRetries?: number;
  /** The answer holds a secret (a login's token): an error about it never quotes the body. */
  secretAnswer?: boolean;
  /** Statuses that are an answer of the operation (extended health's 503): returned as they are, never retried. */
  answerStatuses?: readonly number[];
  /**
   * Asked after every attempt: true ends the attempts on this server at once, the answer returned or the network
   * error thrown, for a caller that moves to another server (agent failover, agent-pool.ts).
   */
  failFast?: (outcome: AttemptOutcome) => boolean;
}

export interface HttpResponse {
  status: number;
  data: unknown;
  headers: Record<string, string>;
}

export interface RetryNotice {
  retry: number;
  delayMs: number;
  outcome: AttemptOutcome;
}

let axiosModule: AxiosStatic | undefined;

/** axios, loaded with the first client (a config node deployed), not when Node-RED loads the node set. */
function axios(): AxiosStatic {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  axiosModule ??= (require('axios') as { default: AxiosStatic }).default;
  return axiosModule;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortedError(): SymphonyError {
  return new SymphonyError('ABORTED', text('runtime.errors.http.aborted'), { operation: 'http' });
}

function flattenHeaders(response: AxiosResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    if (value !== undefined && value !== null) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

interface NetworkFailure {
  code: string;
  message: string;
  /** The request went out on a kept-alive connection, and failed before any answer came. */
  staleConnection: boolean;
}

function asNetworkFailure(err: unknown): NetworkFailure {
  const e = err as { code?: string; message?: string; cause?: { code?: string }; request?: { reusedSocket?: boolean }; response?: unknown };
  const code = e.cause?.code ?? e.code ?? 'NETWORK';
  const staleConnection = e.request?.reusedSocket === true && e.response === undefined && (code === 'ECONNRESET' || code === 'EPIPE');
  return { code: code === 'ECONNABORTED' ? 'ETIMEDOUT' : code, message: e.message ?? String(err), staleConnection };
}

/** One attempt's answer, with a 2xx body that could not be read as the JSON it should be. */
interface Attempt {
  response: HttpResponse;
  unreadable?: string;
}

/**
 * Idle kept-alive connections are closed after this long, before a server or load balancer would close them
 * under a request (Node's own servers wait 5 s). A server that announces its timeout (Keep-Alive: timeout=N) is
 * honoured below this by Node itself.
 */
const IDLE_SOCKET_MS = 4_000;

/**
 * One keep-alive HTTP client per config node (and one more for mutual TLS): TLS verification always on, extra
 * CAs and the proxy applied to every request, no redirects (a redirect would carry session tokens to another
 * host), retries as the retry policy allows.
 */
export class HttpClient {
  private readonly axios: AxiosInstance;
  private readonly agents: http.Agent[];
  /** Aborted by close(): every request under way and every pause before a retry ends at once. */
  private readonly closing = new AbortController();

  constructor(private readonly settings: HttpClientSettings) {
    setMaxListeners(0, this.closing.signal);
    const tlsOptions: https.AgentOptions = {
      keepAlive: true,
      maxSockets: 64,
      timeout: IDLE_SOCKET_MS,
      ...(settings.caCertificates?.length
        ? { ca: settings.onlyTheseCas ? [...settings.caCertificates] : [...rootCertificates, ...settings.caCertificates] }
        : {}),
      ...(settings.clientTls ?? {}),
    };
    const plainOptions: http.AgentOptions = { keepAlive: true, maxSockets: 64, timeout: IDLE_SOCKET_MS };
    const httpsAgent = settings.proxy ? new HttpsProxyTunnelAgent(settings.proxy, tlsOptions) : new https.Agent(tlsOptions);
    const httpAgent = settings.proxy ? new HttpProxyTunnelAgent(settings.proxy, plainOptions) : new http.Agent(plainOptions);
    this.agents = [httpAgent, httpsAgent];
    this.axios = axios().create({
      httpAgent,
      httpsAgent,
      proxy: false,
      maxRedirects: 0,
      timeout: settings.timeoutMs,
      validateStatus: () => true,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
    });
  }

  /**
   * Sends the request, repeating it while the retry policy allows. Resolves with the last HTTP response
   * whatever its status; rejects with a SymphonyError when no usable response came (network, timeout, abort, a
   * 2xx answer that is not the JSON it should be). After close() nothing is sent any more.
   */
  send(request: HttpRequest, onRetry?: (notice: RetryNotice) => void): Promise<HttpResponse> {
    return this.sendUntilDone({ ...request, signal: this.stopSignal(request.signal) }, onRetry);
  }

  /** Per caller's signal, one that also fires when the client closes (see stopSignal). */
  private readonly linked = new WeakMap<AbortSignal, AbortSignal>();

  /**
   * A signal that fires when the client closes or when the caller's does. Callers pass a long-lived stop signal (a
   * node's, the datafeed loop's): the two are linked once for it, not for every request, and unlinked as soon as
   * either fires.
   */
  private stopSignal(signal: AbortSignal | undefined): AbortSignal {
    const closing = this.closing.signal;
    if (!signal) return closing;
    let linked = this.linked.get(signal);
    if (!linked) {
      const controller = new AbortController();
      // Every request of the caller under way listens to it: a busy node legitimately has many.
      setMaxListeners(0, controller.signal);
      const abort = (): void => {
        closing.removeEventListener('abort', abort);
        signal.removeEventListener('abort', abort);
        controller.abort();
      };
      if (closing.aborted || signal.aborted) controller.abort();
      else {
        closing.addEventListener('abort', abort);
        signal.addEventListener('abort', abort);
      }
      linked = controller.signal;
      this.linked.set(signal, linked);
    }
    return linked;
  }

  private async sendUntilDone(request: HttpRequest, onRetry?: (notice: RetryNotice) => void): Promise<HttpResponse> {
    let staleRetried = false;
    for (let retry = 0; ; retry++) {
      if (request.signal?.aborted) throw abortedError();
      let outcome: AttemptOutcome;
      let failure: NetworkFailure | undefined;
      let attempt: Attempt | undefined;
      try {
        attempt = await this.attempt(request);
        outcome = { status: attempt.response.status, retryAfter: attempt.response.headers['retry-after'], unreadable: attempt.unreadable !== undefined };
      } catch (err) {
        if (request.signal?.aborted || axios().isCancel(err)) throw abortedError();
        failure = asNetworkFailure(err);
        // The server closed a kept-alive connection as it was reused: the request never reached it. An idempotent
        // one is sent again at once, once, whatever the retry settings.
        if (failure.staleConnection && request.idempotent && !staleRetried) {
          staleRetried = true;
          retry--;
          continue;
        }
        outcome = { networkCode: failure.code };
      }
      const isAnswer = outcome.status !== undefined && request.answerStatuses?.includes(outcome.status) === true;
      const movesOn = !isAnswer && request.failFast?.(outcome) === true;
      const canRetry = !isAnswer && !movesOn && retry < (request.maxRetries ?? this.settings.retry.maxRetries)
        && isRetryable(outcome, request.idempotent, this.settings.retry);
      const delayMs = canRetry ? retryDelayMs(retry, outcome, this.settings.retry) : 0;
      if (!canRetry || delayMs > this.settings.retry.maxRetryAfterMs) {
        if (attempt?.unreadable !== undefined) throw unreadableError(attempt, request);
        if (attempt) return attempt.response;
        throw networkError(failure as NetworkFailure, request);
      }
      onRetry?.({ retry: retry + 1, delayMs, outcome });
      await sleep(delayMs, request.signal);
    }
  }

  private async attempt(request: HttpRequest): Promise<Attempt> {
    const form = request.body instanceof MultipartBody ? request.body.encode() : undefined;
    const { responseType = 'json' } = request;
    const byContentType = responseType === 'by-content-type';
    const response = await this.axios.request({
      method: request.method,
      url: request.url,
      params: request.query,
      headers: requestHeaders(request, form?.contentType),
      data: form ? form.bytes : request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
      // JSON is read as text and parsed by readJsonBody, which tells an unreadable answer from a readable one.
      responseType: responseType === 'json' ? 'text' : byContentType ? 'arraybuffer' : responseType,
      ...(request.timeoutMs !== undefined ? { timeout: request.timeoutMs } : {}),
    });
    const headers = flattenHeaders(response);
    let body: ReadBody;
    if (responseType === 'json') body = readJsonBody(response.status, response.data);
    else if (byContentType) body = readByContentType(response.status, Buffer.from(response.data as ArrayBuffer), headers['content-type']);
    else body = { readable: true, data: response.data };
    const answer: HttpResponse = { status: response.status, data: body.data, headers };
    return body.readable ? { response: answer } : { response: answer, unreadable: body.excerpt };
  }

  /** Ends every request under way and every pending retry, refuses new ones, and releases every socket. */
  close(): void {
    this.closing.abort();
    for (const agent of this.agents) agent.destroy();
  }
}

/**
 * Accept as the call declares (JSON unless told otherwise). A Content-Type only with a body: JSON, or for a
 * multipart body its type with its boundary. `false` keeps axios from typing a bodyless POST as a form
 * (application/x-www-form-urlencoded), which a JSON endpoint refuses.
 */
function requestHeaders(request: HttpRequest, multipartType: string | undefined): Record<string, string | false> {
  // Copied name by name: V8 spreads these small per-request objects about 40 times slower (1.6 µs a request).
  const headers: Record<string, string | false> = {};
  const given = request.headers;
  if (given) for (const name in given) headers[name] = given[name]!;
  headers.accept = request.accept ?? JSON_MEDIA_TYPE;
  if (request.body === undefined) headers['content-type'] = false;
  else headers['content-type'] = multipartType ?? JSON_MEDIA_TYPE;
  return headers;
}

function describeTarget(request: HttpRequest): string {
  const target = new URL(request.url);
  // A path can carry a value of any length (an id from a msg): only its start is quoted.
  return `${request.method} ${target.origin}${bounded(target.pathname)}`;
}

/**
 * A 2xx answer whose body is not JSON. The request reached the server: unless it may safely be repeated, it may
 * have been applied, and the message says so.
 */
function unreadableError(attempt: Attempt, request: HttpRequest): SymphonyError {
  const { status, data, headers } = attempt.response;
  const key = request.idempotent ? 'runtime.errors.http.unreadable' : 'runtime.errors.http.unreadableMaybeApplied';
  const body = request.secretAnswer
    ? text('runtime.errors.http.bodyWithheld', { length: String(data).length })
    : JSON.stringify(attempt.unreadable);
  return new SymphonyError('BAD_RESPONSE', text(key, { where: describeTarget(request), status, body }), {
    operation: 'http',
    status,
    requestId: requestIdOf(headers),
  });
}

function networkError(failure: NetworkFailure, request: HttpRequest): SymphonyError {
  const where = describeTarget(request);
  if (failure.code === 'ETIMEDOUT') {
    return new SymphonyError('TIMEOUT', text('runtime.errors.http.timeout', { where }), { operation: 'http', networkCode: failure.code });
  }
  return new SymphonyError('NETWORK', text('runtime.errors.http.unreachable', { where, code: failure.code }), {
    operation: 'http', symphonyMessage: failure.message, networkCode: failure.code,
  });
}
