/**
 * Certificate authentication on the mutual-TLS port: the client certificate must chain to the simulator CA and
 * its CN must be a known username. The server requests but does not require a certificate, so a missing or
 * untrusted one gets a JSON 401 rather than a TLS handshake failure.
 */
import { TLSSocket } from 'node:tls';
import { forbidden, unauthorized } from '../http/errors';
import { NO_BODY, type RequestContext, type Router } from '../http/router';
import type { SimUser } from '../model';

function certificateUser(ctx: RequestContext): SimUser {
  const socket = ctx.req.socket;
  if (!(socket instanceof TLSSocket) || !socket.authorized) {
    throw unauthorized('A client certificate signed by the simulator CA is required');
  }
  const cn = socket.getPeerCertificate().subject?.CN;
  const username = Array.isArray(cn) ? cn[0] : cn;
  const user = username ? ctx.sim.state.userByUsername(username) : undefined;
  if (!user) throw forbidden(`Certificate authentication is not allowed for the requested user ${username ?? ''}`.trim());
  return user;
}

export function registerCertificateAuthRoutes(router: Router): void {
  router.public('POST', '/sessionauth/v1/authenticate', (ctx) => {
    const user = certificateUser(ctx);
    return { status: 200, body: { name: 'sessionToken', token: ctx.sim.sessions.issue({ kind: 'user', userId: user.id }).token } };
  }, NO_BODY);
  // PodCertificate: what verifies the JWTs the pod gives extension apps; here the simulator's signing certificate.
  for (const service of ['sessionauth', 'keyauth']) {
    router.public('GET', `/${service}/v1/app/pod/certificate`, (ctx) => {
      certificateUser(ctx);
      return { status: 200, body: { certificate: ctx.sim.pki.serverCertificate } };
    });
  }
  router.public('POST', '/keyauth/v1/authenticate', (ctx) => {
    const user = certificateUser(ctx);
    return { status: 200, body: { name: 'keyManagerToken', token: ctx.sim.sessions.issue({ kind: 'keyManager', userId: user.id }).token } };
  }, NO_BODY);
}
