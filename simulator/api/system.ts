/**
 * Agent system endpoints. The health checks take no token (as in the spec, and as real agents serve them);
 * /agent/v1/info needs a session like any agent call, which makes it a fair "test connection" probe.
 * Pod settings every user may read: GET /pod/v1/files/allowedTypes, GET /pod/v2/system/protocols and GET /pod/v1/admin/system/protocols/list
 * (an admin path, yet OBO-enabled with SEND_MESSAGES: clients need it to render links, so no admin role).
 */
import { SIMULATED_VERSION } from '../version';
import type { Router } from '../http/router';
import { integerQuery } from './query';

const UP = { status: 'UP', version: SIMULATED_VERSION } as const;

export function registerSystemRoutes(router: Router): void {
  // Both as an administrator left them (simulator/api/pod-settings.ts).
  router.user('GET', '/pod/v1/files/allowedTypes', (ctx) => ({
    status: 200, body: ctx.sim.state.podSettings.extensions().map((e) => e.extension),
  }));
  router.user('GET', '/pod/v1/admin/system/protocols/list', (ctx) => ({ status: 200, body: [...ctx.sim.state.podSettings.protocols] }));
  // The same list for any user, by pages (skip, limit: default 100, at most 1000).
  router.user('GET', '/pod/v2/system/protocols', (ctx) => {
    const skip = integerQuery(ctx.query, 'skip', 0) ?? 0;
    const limit = integerQuery(ctx.query, 'limit', 1, 1000) ?? 100;
    return { status: 200, body: [...ctx.sim.state.podSettings.protocols].slice(skip, skip + limit) };
  });

  router.public('GET', '/agent/v3/health', () => ({ status: 200, body: { status: 'UP' } }));

  router.public('GET', '/agent/v3/health/extended', () => ({
    status: 200,
    body: {
      services: { pod: { ...UP }, key_manager: { ...UP }, datafeed: { ...UP } },
      status: 'UP',
      users: { agentservice: { authType: 'RSA', status: 'UP' }, ceservice: { authType: 'RSA', status: 'UP' } },
      version: SIMULATED_VERSION,
    },
  }));

  router.user('GET', '/agent/v1/info', (ctx) => {
    const url = new URL(ctx.sim.urls.main);
    return {
      status: 200,
      body: {
        ipAddress: url.hostname.replace(/^\[|\]$/g, ''),
        hostname: url.hostname,
        serverFqdn: url.host,
        version: SIMULATED_VERSION,
        url: `${ctx.sim.urls.main}/agent`,
        onPrem: true,
        mt: false,
        commitId: 'symphony-simulator',
      },
    };
  });
}
