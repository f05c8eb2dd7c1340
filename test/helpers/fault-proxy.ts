import http from 'node:http';
import { listenOnLoopback, readAll } from './loopback-server';

/**
 * A reverse proxy on loopback between the nodes and the simulator that records every request exactly as it
 * came over the wire (the raw path, before any URL normalisation) and can answer it with a fault instead.
 */

/** What the proxy does with one request. */
export type Fault =
  /** Forwarded, and the server's answer passed back unchanged. */
  | { kind: 'pass' }
  /** Answered by the proxy itself; the server never sees the request (401, 429, 503, a proxy's HTML page). */
  | { kind: 'answer'; status: number; headers?: Record<string, string>; body?: string }
  /** The connection is reset before the request is forwarded: the server did not act. */
  | { kind: 'reset-before' }
  /** Forwarded; the server acted, then the connection is reset instead of answering. */
  | { kind: 'reset-after' }
  /** Never forwarded and never answered: the client has to give up. */
  | { kind: 'hang-before' }
  /** Forwarded; the server acted, and the answer is never passed on. */
  | { kind: 'hang-after' }
  /** Forwarded; a 2xx answer's body is cut in half (framed as complete), as a broken proxy or gateway sends. */
  | { kind: 'truncate' };

export type FaultKind = Fault['kind'];

/** A request as the proxy received it, before it decides what to do with it. */
export interface IncomingRequest {
  method: string;
  /** The path exactly as sent, percent-encoding and all, without the query. */
  rawPath: string;
  /** The query string as sent, without '?'. */
  rawQuery: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request and what the client got back. */
export interface ProxiedExchange extends IncomingRequest {
  query: URLSearchParams;
  fault: FaultKind;
  /** Whether the server saw the request. */
  forwarded: boolean;
  /** Status the client received; 0 when it got none (reset, hang). */
  status: number;
  responseBody: Buffer;
}

export interface FaultProxy {
  url: string;
  exchanges: ProxiedExchange[];
  close(): Promise<void>;
}

const PASS: Fault = { kind: 'pass' };
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'proxy-connection', 'upgrade']);

function endToEndHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

interface UpstreamAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Starts the proxy in front of `target`. `decide` picks the fault for each request (default: none); it is
 * called once per request, in arrival order.
 */
export async function startFaultProxy(target: string, decide: (request: IncomingRequest) => Fault = () => PASS): Promise<FaultProxy> {
  const exchanges: ProxiedExchange[] = [];
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  const forward = (request: IncomingRequest): Promise<UpstreamAnswer> => new Promise((resolve, reject) => {
    const query = request.rawQuery ? `?${request.rawQuery}` : '';
    const out = http.request({
      host: upstream.hostname, port: upstream.port, method: request.method, path: request.rawPath + query, agent,
      headers: { ...request.headers, host: upstream.host },
    }, (answer) => {
      readAll(answer).then((body) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body }), reject);
    });
    out.on('error', reject);
    out.end(request.body);
  });

  const server = http.createServer((req, res) => {
    void (async () => {
      const rawUrl = req.url ?? '/';
      const queryAt = rawUrl.indexOf('?');
      const body = await readAll(req);
      const request: IncomingRequest = {
        method: req.method ?? 'GET',
        rawPath: queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt),
        rawQuery: queryAt < 0 ? '' : rawUrl.slice(queryAt + 1),
        headers: req.headers,
        body,
      };
      const fault = decide(request);
      const exchange: ProxiedExchange = {
        ...request, query: new URLSearchParams(request.rawQuery), fault: fault.kind, forwarded: false, status: 0, responseBody: Buffer.alloc(0),
      };
      exchanges.push(exchange);
      const answer = (status: number, headers: http.OutgoingHttpHeaders, payload: Buffer): void => {
        exchange.status = status;
        exchange.responseBody = payload;
        res.writeHead(status, { ...headers, 'content-length': String(payload.length) });
        res.end(payload);
      };
      switch (fault.kind) {
        case 'answer':
          answer(fault.status, fault.headers ?? {}, Buffer.from(fault.body ?? ''));
          return;
        case 'reset-before':
          req.socket.destroy();
          return;
        case 'hang-before':
          return;
        default:
          break;
      }
      let reply: UpstreamAnswer;
      try {
        exchange.forwarded = true;
        reply = await forward(request);
      } catch {
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'reset-after') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'hang-after') return;
      const cut = fault.kind === 'truncate' && reply.status >= 200 && reply.status < 300 && reply.body.length > 1;
      answer(reply.status, endToEndHeaders(reply.headers), cut ? reply.body.subarray(0, Math.floor(reply.body.length / 2)) : reply.body);
    })().catch(() => req.socket.destroy());
  });
  const listening = await listenOnLoopback(server, () => agent.destroy());
  return { ...listening, exchanges };
}
