/** The routers of the two ports. Adding an endpoint means registering it in its API area's file. */
import { registerAgentUtilRoutes } from './api/agent-util';
import { registerAppEntitlementRoutes } from './api/app-entitlements';
import { registerAppsAdminRoutes } from './api/apps-admin';
import { registerCertificateAuthRoutes } from './api/certificate-auth';
import { registerCertificateRoutes } from './api/certificates';
import { registerComplianceRoutes } from './api/compliance';
import { registerConnectionsRoutes } from './api/connections';
import { registerDatafeedRoutes } from './api/datafeeds';
import { registerDatahoseRoutes } from './api/datahose';
import { registerDlpRoutes } from './api/dlp';
import { registerLoginRoutes } from './api/login';
import { registerMessageAdminRoutes } from './api/message-admin';
import { registerMessageAdminViewRoutes } from './api/message-admin-views';
import { registerMessageImportRoutes } from './api/message-import';
import { registerSemanticSearchRoutes } from './api/message-search-semantic';
import { registerMessageRoutes } from './api/messages';
import { registerPodSettingsRoutes } from './api/pod-settings';
import { registerPresenceRoutes } from './api/presence';
import { registerSignalsRoutes } from './api/signals';
import { registerStreamAdminRoutes } from './api/streams-admin';
import { registerStreamRoutes } from './api/streams';
import { registerSystemRoutes } from './api/system';
import { registerUserManageRoutes } from './api/users-manage';
import { registerUserRoutes } from './api/users';
import { registerUserSessionRoutes } from './api/users-sessions';
import { Router } from './http/router';

/** /login, /relay, /pod and /agent on the main port. */
export function createMainRouter(): Router {
  const router = new Router();
  for (const register of [
    registerLoginRoutes, registerUserRoutes, registerStreamRoutes, registerPresenceRoutes, registerMessageRoutes,
    registerSystemRoutes, registerConnectionsRoutes, registerSignalsRoutes, registerMessageAdminRoutes,
    registerDatafeedRoutes, registerDatahoseRoutes, registerDlpRoutes, registerUserManageRoutes, registerUserSessionRoutes,
    registerStreamAdminRoutes, registerAgentUtilRoutes, registerMessageAdminViewRoutes, registerSemanticSearchRoutes,
    registerMessageImportRoutes, registerComplianceRoutes, registerAppEntitlementRoutes, registerAppsAdminRoutes,
    registerPodSettingsRoutes, registerCertificateRoutes,
  ]) register(router);
  return router;
}

/** /sessionauth and /keyauth on the mutual-TLS port. */
export function createMtlsRouter(): Router {
  const router = new Router();
  registerCertificateAuthRoutes(router);
  return router;
}
