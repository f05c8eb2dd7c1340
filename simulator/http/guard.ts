/**
 * Token enforcement for /pod and /agent: a valid sessionToken; for agent calls made by a bot session also a valid
 * keyManagerToken of the same user; for OBO sessions the app permission the OBO table asks for. Per the agent
 * spec, a session created for delegated (OBO) access needs no keyManagerToken.
 */
import { findOboEndpoint, isOboAllowed } from '../obo-permissions';
import type { Caller, RequestContext } from './router';
import { forbidden, unauthorized } from './errors';

const header = (ctx: RequestContext, name: string): string | undefined => {
  const value = ctx.req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function authorize(ctx: RequestContext): Caller {
  const { sessions, state } = ctx.sim;
  const session = sessions.find(header(ctx, 'sessiontoken'), 'user');
  const user = session && state.users.get(session.userId);
  if (!session || !user) throw unauthorized();

  if (session.oboAppId !== undefined) {
    const endpoint = findOboEndpoint(ctx.method, ctx.path);
    if (!endpoint) throw forbidden(`The endpoint ${ctx.method} ${ctx.path} is not OBO-enabled`);
    const app = state.apps.get(session.oboAppId);
    if (!app) throw unauthorized();
    if (!isOboAllowed(endpoint, app.permissions)) {
      throw forbidden(`The application ${app.appId} lacks the ${endpoint.permissions.join(' or ')} permission`);
    }
  } else if (ctx.path.startsWith('/agent/')) {
    const keyManager = sessions.find(header(ctx, 'keymanagertoken'), 'keyManager');
    if (!keyManager || keyManager.userId !== user.id) throw unauthorized('Invalid keyManagerToken');
  }
  return { user, session };
}
