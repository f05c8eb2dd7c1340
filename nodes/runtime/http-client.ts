import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { JSON_MEDIA_TYPE } from '../catalogue/media-types';
import { answerByContentType } from './answer-body';
import { SymphonyError } from './errors';
import { text } from './i18n';
import { HttpProxyTunnelAgent, HttpsProxyTunnelAgent, type ProxySettings } from './proxy-agent';
import { isRetryable, retryDelayMs, type AttemptOutcome, type RetrySettings } from './retry-policy';

export type ClientTls =
  | { cert: string; key: string; passphrase?: string }
  | { pfx: Buffer; passphrase?: string };

export interface HttpClientSettings {
  timeoutMs: number;
  retry: RetrySettings;
  /** Extra trusted CAs, added to Node's default trust store (not replacing it). */
  caCertificates?: string[];
  proxy?: ProxySettings;
  /** Client certificate for mutual TLS (certificate authentication only). */
  clientTls?: ClientTls;
}

export interface HttpRequest {
  method: string;
  url: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** A JSON value, or a FormData for multipart. */
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
}

function asNetworkFailure(err: unknown): NetworkFailure {
  const e = err as { code?: string; message?: string; cause?: { code?: string } };
  const code = e.cause?.code ?? e.code ?? 'NETWORK';
  return { code: code === 'ECONNABORTED' ? 'ETIMEDOUT' : code, message: e.message ?? String(err) };
}

/**
 * One keep-alive HTTP client per config node (and one more for mutual TLS): TLS verification always on, extra
 * CAs and the proxy applied to every request, no redirects (a redirect would carry session tokens to another
 * host), retries as the retry policy allows.
 */
export class HttpClient {
  private readonly axios: AxiosInstance;
  private readonly agents: http.Agent[];

  constructor(private readonly settings: HttpClientSettings) {
    const tlsOptions: https.AgentOptions = {
      keepAlive: true,
      maxSockets: 64,
      ...(settings.caCertificates?.length ? { ca: [...rootCertificates, ...settings.caCertificates] } : {}),
      ...(settings.clientTls ?? {}),
    };
    const plainOptions: http.AgentOptions = { keepAlive: true, maxSockets: 64 };
    const httpsAgent = settings.proxy ? new HttpsProxyTunnelAgent(settings.proxy, tlsOptions) : new https.Agent(tlsOptions);
    const httpAgent = settings.proxy ? new HttpProxyTunnelAgent(settings.proxy, plainOptions) : new http.Agent(plainOptions);
    this.agents = [httpAgent, httpsAgent];
    this.axios = axios.create({
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
   * whatever its status; rejects with a SymphonyError only when no response came (network, timeout, abort).
   */
  async send(request: HttpRequest, onRetry?: (notice: RetryNotice) => void): Promise<HttpResponse> {
    for (let retry = 0; ; retry++) {
      let outcome: AttemptOutcome;
      let failure: NetworkFailure | undefined;
      let response: HttpResponse | undefined;
      try {
        response = await this.attempt(request);
        outcome = { status: response.status, retryAfter: response.headers['retry-after'] };
      } catch (err) {
        if (request.signal?.aborted || axios.isCancel(err)) throw abortedError();
        failure = asNetworkFailure(err);
        outcome = { networkCode: failure.code };
      }
      const canRetry = retry < (request.maxRetries ?? this.settings.retry.maxRetries) && isRetryable(outcome, request.idempotent, this.settings.retry);
      const delayMs = canRetry ? retryDelayMs(retry, outcome, this.settings.retry) : 0;
      if (!canRetry || delayMs > this.settings.retry.maxRetryAfterMs) {
        if (response) return response;
        throw networkError(failure as NetworkFailure, request);
      }
      onRetry?.({ retry: retry + 1, delayMs, outcome });
      await sleep(delayMs, request.signal);
    }
  }

  private async attempt(request: HttpRequest): Promise<HttpResponse> {
    const isForm = typeof FormData !== 'undefined' && request.body instanceof FormData;
    const { responseType = 'json' } = request;
    const byContentType = responseType === 'by-content-type';
    const response = await this.axios.request({
      method: request.method,
      url: request.url,
      params: request.query,
      headers: requestHeaders(request, isForm),
      data: request.body === undefined || isForm ? request.body : JSON.stringify(request.body),
      signal: request.signal,
      responseType: byContentType ? 'arraybuffer' : responseType,
      ...(request.timeoutMs !== undefined ? { timeout: request.timeoutMs } : {}),
    });
    const headers = flattenHeaders(response);
    const data: unknown = byContentType ? answerByContentType(Buffer.from(response.data as ArrayBuffer), headers['content-type']) : response.data;
    return { status: response.status, data, headers };
  }

  close(): void {
    for (const agent of this.agents) agent.destroy();
  }
}

/**
 * Accept as the call declares (JSON unless told otherwise). A Content-Type only with a body: JSON, or for a
 * FormData the multipart type with its boundary, which axios sets. `false` keeps axios from typing a bodyless POST
 * as a form (application/x-www-form-urlencoded), which a JSON endpoint refuses.
 */
function requestHeaders(request: HttpRequest, isForm: boolean): Record<string, string | false> {
  const headers: Record<string, string | false> = { ...request.headers, accept: request.accept ?? JSON_MEDIA_TYPE };
  if (request.body === undefined) headers['content-type'] = false;
  else if (!isForm) headers['content-type'] = JSON_MEDIA_TYPE;
  return headers;
}

function networkError(failure: NetworkFailure, request: HttpRequest): SymphonyError {
  const target = new URL(request.url);
  const where = `${request.method} ${target.origin}${target.pathname}`;
  if (failure.code === 'ETIMEDOUT') {
    return new SymphonyError('TIMEOUT', text('runtime.errors.http.timeout', { where }), { operation: 'http' });
  }
  return new SymphonyError('NETWORK', text('runtime.errors.http.unreachable', { where, code: failure.code }), { operation: 'http', symphonyMessage: failure.message });
}
