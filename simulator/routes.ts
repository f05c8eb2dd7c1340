/** The routers of the two ports. Adding an endpoint means registering it in its API area's file. */
import { registerCertificateAuthRoutes } from './api/certificate-auth';
import { registerConnectionsRoutes } from './api/connections';
import { registerDatafeedRoutes } from './api/datafeeds';
import { registerDatahoseRoutes } from './api/datahose';
import { registerLoginRoutes } from './api/login';
import { registerMessageAdminRoutes } from './api/message-admin';
import { registerMessageRoutes } from './api/messages';
import { registerPresenceRoutes } from './api/presence';
import { registerSignalsRoutes } from './api/signals';
import { registerStreamRoutes } from './api/streams';
import { registerSystemRoutes } from './api/system';
import { registerUserRoutes } from './api/users';
import { Router } from './http/router';

/** /login, /relay, /pod and /agent on the main port. */
export function createMainRouter(): Router {
  const router = new Router();
  for (const register of [
    registerLoginRoutes, registerUserRoutes, registerStreamRoutes, registerPresenceRoutes, registerMessageRoutes,
    registerSystemRoutes, registerConnectionsRoutes, registerSignalsRoutes, registerMessageAdminRoutes,
    registerDatafeedRoutes, registerDatahoseRoutes,
  ]) register(router);
  return router;
}

/** /sessionauth and /keyauth on the mutual-TLS port. */
export function createMtlsRouter(): Router {
  const router = new Router();
  registerCertificateAuthRoutes(router);
  return router;
}
