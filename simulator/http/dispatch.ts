/**
 * The request pipeline shared by both servers: control API (unrecorded), request log, injected faults, routing,
 * authorization, handler, and one place that writes every response.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { SimulatorCore } from '../core';
import type { RequestRecord } from '../recorder';
import { HttpError, forbidden, notFound } from './errors';
import { authorize } from './guard';
import { checkMedia } from './media';
import type { Reply, RequestContext, Router } from './router';

export interface DispatchOptions {
  router: Router;
  /** Served under /_sim to loopback clients only, and never recorded. */
  control?: Router;
}

const CONTROL_PREFIX = '/_sim';

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'));
}

function errorReply(err: unknown): Reply {
  if (err instanceof HttpError) return { status: err.status, body: { code: err.status, message: err.message } };
  const message = err instanceof Error ? err.message : String(err);
  return { status: 500, body: { code: 500, message: `Simulator error: ${message}` } };
}

function write(res: ServerResponse, reply: Reply, record?: RequestRecord): void {
  if (res.headersSent || res.destroyed) return;
  if (record) record.status = reply.status;
  const headers: Record<string, string> = {};
  let payload: string | Buffer | undefined;
  if (reply.body !== undefined && reply.status !== 204 && reply.status !== 304) {
    if (Buffer.isBuffer(reply.body)) {
      payload = reply.body;
      headers['content-type'] = 'application/octet-stream';
    } else {
      payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      headers['content-type'] = 'application/json';
    }
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  res.writeHead(reply.status, { ...headers, ...reply.headers });
  res.end(payload);
}

/**
 * Finds the route, refuses what its media types cannot serve (API routes only: the control API is the simulator's
 * own), authorizes, and types the answer as the route declares.
 */
async function route(router: Router, base: Omit<RequestContext, 'params'>, negotiate: boolean): Promise<Reply> {
  const match = router.match(base.method, base.path);
  if (!match) throw notFound();
  if (negotiate) checkMedia(base.req, match.route.media);
  const ctx: RequestContext = { ...base, params: match.params };
  const reply = match.route.access === 'user' ? await match.route.handler({ ...ctx, caller: authorize(ctx) }) : await match.route.handler(ctx);
  return reply.body === undefined ? reply : { ...reply, headers: { 'content-type': match.route.media.produces, ...reply.headers } };
}

async function handle(core: SimulatorCore, options: DispatchOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const rawUrl = req.url ?? '/';
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
  const query = queryAt < 0 ? '' : rawUrl.slice(queryAt + 1);
  const method = (req.method ?? 'GET').toUpperCase();
  const base = { req, method, path, query: new URLSearchParams(query), sim: core };

  if (options.control && (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`))) {
    const reply = isLoopback(req.socket.remoteAddress)
      ? await route(options.control, base, false).catch(errorReply)
      : errorReply(forbidden('The control API only answers loopback clients'));
    write(res, reply);
    return;
  }

  const record = core.recorder.start(req, path, query);
  const fault = core.faults.take(method, path);
  if (fault) {
    if (fault.delayMs) await core.sleep(fault.delayMs);
    if (fault.destroySocket) {
      req.socket.destroy();
      return;
    }
    if (fault.status !== undefined) {
      const body = fault.body === undefined ? { code: fault.status, message: 'Injected fault' } : fault.body;
      write(res, { status: fault.status, body, headers: fault.headers }, record);
      return;
    }
  }
  write(res, await route(options.router, base, true).catch(errorReply), record);
}

export function createRequestListener(core: SimulatorCore, options: DispatchOptions): RequestListener {
  return (req, res) => {
    handle(core, options, req, res).catch((err: unknown) => write(res, errorReply(err)));
  };
}
