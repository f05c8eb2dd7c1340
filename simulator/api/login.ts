/**
 * RSA authentication: bots on /login and /relay (key manager), OBO apps on /login/pubkey/app, and OBO user
 * sessions bound to an app. Responses are Login API Token `{ name, token }`; failures are 401 Error with the reason.
 */
import { verifyAuthJwt } from '../jwt';
import type { SimUser } from '../model';
import { check, validators } from '../schemas';
import { readJson } from '../http/body';
import { HttpError, badRequest, unauthorized } from '../http/errors';
import { NO_BODY, type Reply, type RequestContext, type Router } from '../http/router';

const tokenReply = (name: 'sessionToken' | 'keyManagerToken', token: string): Reply =>
  ({ status: 200, body: { name, token } });

/** The Login spec answers 401 for any authentication error, a malformed request included. */
async function jwtFrom(ctx: RequestContext): Promise<string> {
  try {
    return check(validators.authenticateRequest, await readJson(ctx.req), 'body').token;
  } catch (err) {
    throw err instanceof HttpError && err.status === 400 ? unauthorized(`Authentication failed: ${err.message}`) : err;
  }
}

/** The user a bot JWT authenticates: its `sub` must be a username with a registered public key. */
async function authenticateBot(ctx: RequestContext): Promise<SimUser> {
  const { state } = ctx.sim;
  const result = verifyAuthJwt(await jwtFrom(ctx), (sub) => state.userKeys.get(sub.toLowerCase()), 'user');
  if (!result.ok) throw unauthorized(`Authentication failed: ${result.reason}`);
  const user = state.userByUsername(result.subject);
  if (!user) throw unauthorized(`Authentication failed: unknown user ${result.subject}`);
  return user;
}

function oboUser(ctx: RequestContext, find: () => SimUser | undefined): Reply {
  const header = ctx.req.headers.sessiontoken;
  const appSession = ctx.sim.sessions.find(Array.isArray(header) ? header[0] : header, 'app');
  if (!appSession || !ctx.sim.state.apps.has(appSession.appId)) throw unauthorized('Invalid app session');
  const user = find();
  // The Login spec declares no status for an unknown user; 400 tells the client its request named nobody.
  if (!user) throw badRequest('User not found');
  const session = ctx.sim.sessions.issue({ kind: 'user', userId: user.id, oboAppId: appSession.appId });
  return tokenReply('sessionToken', session.token);
}

export function registerLoginRoutes(router: Router): void {
  router.public('POST', '/login/pubkey/authenticate', async (ctx) => {
    const user = await authenticateBot(ctx);
    return tokenReply('sessionToken', ctx.sim.sessions.issue({ kind: 'user', userId: user.id }).token);
  });

  router.public('POST', '/relay/pubkey/authenticate', async (ctx) => {
    const user = await authenticateBot(ctx);
    return tokenReply('keyManagerToken', ctx.sim.sessions.issue({ kind: 'keyManager', userId: user.id }).token);
  });

  router.public('POST', '/login/pubkey/app/authenticate', async (ctx) => {
    const { state, sessions } = ctx.sim;
    const result = verifyAuthJwt(await jwtFrom(ctx), (sub) => state.apps.get(sub)?.publicKey, 'application');
    if (!result.ok) throw unauthorized(`Authentication failed: ${result.reason}`);
    return tokenReply('sessionToken', sessions.issue({ kind: 'app', appId: result.subject }).token);
  });

  router.public('POST', '/login/pubkey/app/user/{userId}/authenticate', (ctx) => {
    const { userId } = ctx.params;
    return oboUser(ctx, () => {
      if (!/^\d+$/.test(userId)) throw badRequest('userId must be an integer');
      return ctx.sim.state.users.get(Number(userId));
    });
  }, NO_BODY);

  router.public('POST', '/login/pubkey/app/username/{username}/authenticate', (ctx) =>
    oboUser(ctx, () => ctx.sim.state.userByUsername(ctx.params.username)), NO_BODY);
}
