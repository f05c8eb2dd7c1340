/** The control API under /_sim on the main port: health, request log, faults, token expiry, stored messages. */
import { v4Message } from './api/views';
import { registerEventControlRoutes } from './control-events';
import { readJson } from './http/body';
import { badRequest, notFound } from './http/errors';
import type { AgentHealthInput } from './state-agent-health';
import { Router } from './http/router';
import { toUrlSafeId } from './ids';
import { check, validators } from './schemas';

const NO_CONTENT = { status: 204 } as const;

export function createControlRouter(): Router {
  const router = new Router();
  registerEventControlRoutes(router);
  return router
    .public('GET', '/_sim/health', (ctx) => ({ status: 200, body: { status: 'UP', url: ctx.sim.urls.main, mtlsUrl: ctx.sim.urls.mtls } }))
    .public('GET', '/_sim/ca', (ctx) => ({
      status: 200, body: ctx.sim.pki.caCertificate, headers: { 'content-type': 'application/x-pem-file' },
    }))
    .public('GET', '/_sim/requests', (ctx) => ({ status: 200, body: ctx.sim.recorder.records }))
    .public('DELETE', '/_sim/requests', (ctx) => {
      ctx.sim.recorder.clear();
      return NO_CONTENT;
    })
    .public('POST', '/_sim/faults', async (ctx) => {
      ctx.sim.faults.add(check(validators.faultSpec, await readJson(ctx.req), 'body'));
      return NO_CONTENT;
    })
    .public('DELETE', '/_sim/faults', (ctx) => {
      ctx.sim.faults.clear();
      return NO_CONTENT;
    })
    // Components of the agent's extended health UP or DOWN: { "services": { "datafeed": "DOWN" } }.
    .public('POST', '/_sim/agent-health', async (ctx) => {
      const body = await readJson(ctx.req);
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Request body must be a JSON object');
      ctx.sim.state.agentHealth.set(body as AgentHealthInput);
      return NO_CONTENT;
    })
    .public('POST', '/_sim/expire-tokens', (ctx) => {
      ctx.sim.sessions.expireAll();
      return NO_CONTENT;
    })
    .public('GET', '/_sim/streams/{id}/messages', (ctx) => {
      const { state } = ctx.sim;
      const messages = state.messages.get(toUrlSafeId(ctx.params.id));
      if (!messages) throw notFound(`Stream ${ctx.params.id} not found`);
      return { status: 200, body: messages.map((m) => v4Message(state, m)) };
    });
}
