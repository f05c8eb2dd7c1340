/**
 * Agent system endpoints. The health checks take no token (as in the spec, and as real agents serve them);
 * /agent/v1/info needs a session like any agent call, which makes it a fair "test connection" probe.
 * Pod settings every user may read: GET /pod/v1/files/allowedTypes, GET /pod/v2/system/protocols and GET /pod/v1/admin/system/protocols/list
 * (an admin path, yet OBO-enabled with SEND_MESSAGES: clients need it to render links, so no admin role).
 */
import { SIMULATED_VERSION } from '../version';
import type { Router } from '../http/router';
import { integerQuery } from './query';
import { AGENT_SERVICES, AGENT_USERS } from '../state-agent-health';

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

  // The global status is DOWN when a component is (as the spec says), and the agent then answers 503.
  router.public('GET', '/agent/v3/health/extended', (ctx) => {
    const health = ctx.sim.state.agentHealth;
    const service = (name: string): Record<string, string> => (health.isDown(name)
      ? { status: 'DOWN', version: SIMULATED_VERSION, message: `${name} is not reachable` } : { ...UP });
    const user = (name: string): Record<string, string> => ({ authType: 'RSA', status: health.isUserDown(name) ? 'DOWN' : 'UP' });
    return {
      status: health.anyDown ? 503 : 200,
      body: {
        services: Object.fromEntries(AGENT_SERVICES.map((name) => [name, service(name)])),
        status: health.anyDown ? 'DOWN' : 'UP',
        users: Object.fromEntries(AGENT_USERS.map((name) => [name, user(name)])),
        version: SIMULATED_VERSION,
      },
    };
  });

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
