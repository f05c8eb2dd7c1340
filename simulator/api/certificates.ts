/**
 * Company certificates (pod, admin role required): GET /pod/v1/companycert/list, GET .../podmanaged/list,
 * POST .../type/list, GET .../{fingerPrint}/get, GET .../{fingerPrint}/issuedBy, POST /pod/v2/companycert/create,
 * POST .../{fingerPrint}/update, POST /pod/v1/companycert/delete; and GET /pod/v1/podcert, which takes no token.
 */
import { X509Certificate } from 'node:crypto';
import { readJson } from '../http/body';
import { badRequest } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import { check } from '../schemas';
import { adminValidators, type CompanyCertAttributes } from '../schemas-admin';
import { commonNameOf, fingerPrintOf, type CertificatesState, type SimCompanyCert } from '../state-certificates';
import { SUCCESS, USER_ADMIN_ROLES, requireRole } from './users-common';
import { integerQuery } from './query';

const LIST_DEFAULT = 100;

/** The admin's view of the certificates, with the pod's CA among them. */
function certificates(ctx: UserContext): CertificatesState {
  requireRole(ctx, USER_ADMIN_ROLES);
  const { certificates: state } = ctx.sim.state;
  state.seedPodCa(ctx.sim.pki.caCertificate);
  return state;
}

function infoView(state: CertificatesState, cert: SimCompanyCert): Record<string, unknown> {
  return {
    companyCertAttributes: { name: cert.name, type: { type: cert.type }, status: { type: cert.status } },
    companyCertInfo: {
      fingerPrint: cert.fingerPrint,
      ...(state.issuerOf(cert) ? { issuerFingerPrint: state.issuerOf(cert)!.fingerPrint } : {}),
      updatedAt: cert.updatedAt,
      ...(cert.updatedBy !== undefined ? { updatedBy: cert.updatedBy } : {}),
      ...(commonNameOf(cert.x509.subject) ? { commonName: commonNameOf(cert.x509.subject) } : {}),
      expiryDate: Date.parse(cert.x509.validTo),
    },
  };
}

const pairs = (dn: string): Array<{ name: string; value: string }> => dn.split('\n').map((line) => {
  const at = line.indexOf('=');
  return { name: line.slice(0, at), value: line.slice(at + 1) };
});

function detailView(state: CertificatesState, cert: SimCompanyCert): Record<string, unknown> {
  const { x509 } = cert;
  return {
    ...infoView(state, cert),
    certInfo: [
      { name: 'Subject', attributes: pairs(x509.subject) },
      { name: 'Issuer', attributes: pairs(x509.issuer) },
      { name: 'Validity', attributes: [{ name: 'Not Before', value: x509.validFrom }, { name: 'Not After', value: x509.validTo }] },
      { name: 'Serial Number', attributes: [{ name: 'Serial Number', value: x509.serialNumber }] },
    ],
  };
}

function page(ctx: UserContext, state: CertificatesState, certs: SimCompanyCert[]): Reply {
  const skip = integerQuery(ctx.query, 'skip', 0) ?? 0;
  const limit = integerQuery(ctx.query, 'limit', 1) ?? LIST_DEFAULT;
  return { status: 200, body: certs.slice(skip, skip + limit).map((c) => infoView(state, c)) };
}

function pathCert(ctx: UserContext, state: CertificatesState, fingerPrint = ctx.params.fingerPrint ?? ''): SimCompanyCert {
  const cert = state.certs.get(fingerPrint.toLowerCase());
  if (!cert) throw badRequest(`Certificate ${fingerPrint} not found`);
  return cert;
}

function applyAttributes(ctx: UserContext, cert: SimCompanyCert, attributes: CompanyCertAttributes): void {
  if (attributes.name !== undefined) cert.name = attributes.name;
  if (attributes.type) cert.type = attributes.type.type;
  if (attributes.status) cert.status = attributes.status.type;
  cert.updatedAt = Date.now();
  cert.updatedBy = ctx.caller.user.id;
}

async function createCert(ctx: UserContext): Promise<Reply> {
  const state = certificates(ctx);
  const { pem, attributes = {} } = check(adminValidators.companyCert, await readJson(ctx.req), 'body');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(pem);
  } catch {
    throw badRequest('pem is not an X.509 certificate in PEM form');
  }
  if (Date.parse(x509.validTo) < Date.now()) throw badRequest(`pem: the certificate expired on ${x509.validTo}`);
  const fingerPrint = fingerPrintOf(x509);
  if (state.certs.has(fingerPrint)) throw badRequest(`pem: the certificate ${fingerPrint} is already known`);
  const cert: SimCompanyCert = {
    fingerPrint, x509, name: commonNameOf(x509.subject) ?? fingerPrint, type: 'USER', status: 'TRUSTED', podManaged: false, updatedAt: Date.now(),
  };
  applyAttributes(ctx, cert, attributes);
  state.add(cert);
  return { status: 200, body: detailView(state, cert) };
}

async function updateCert(ctx: UserContext): Promise<Reply> {
  const state = certificates(ctx);
  const cert = pathCert(ctx, state);
  applyAttributes(ctx, cert, check(adminValidators.companyCertAttributes, await readJson(ctx.req), 'body'));
  return SUCCESS;
}

async function deleteCert(ctx: UserContext): Promise<Reply> {
  const state = certificates(ctx);
  const { id } = check(adminValidators.stringId, await readJson(ctx.req), 'body');
  const cert = pathCert(ctx, state, id);
  if (cert.podManaged) throw badRequest(`Certificate ${id} is managed by the pod and cannot be deleted`);
  state.certs.delete(cert.fingerPrint);
  return SUCCESS;
}

async function listByType(ctx: UserContext): Promise<Reply> {
  const state = certificates(ctx);
  const types = check(adminValidators.companyCertTypeList, await readJson(ctx.req), 'body').map((t) => t.type);
  return page(ctx, state, [...state.certs.values()].filter((c) => types.includes(c.type)));
}

export function registerCertificateRoutes(router: Router): void {
  router.user('GET', '/pod/v1/companycert/list', (ctx) => {
    const state = certificates(ctx);
    return page(ctx, state, [...state.certs.values()]);
  });
  router.user('GET', '/pod/v1/companycert/podmanaged/list', (ctx) => {
    const state = certificates(ctx);
    return page(ctx, state, [...state.certs.values()].filter((c) => c.podManaged));
  });
  router.user('POST', '/pod/v1/companycert/type/list', listByType);
  router.user('GET', '/pod/v1/companycert/{fingerPrint}/get', (ctx) => {
    const state = certificates(ctx);
    return { status: 200, body: detailView(state, pathCert(ctx, state)) };
  });
  router.user('GET', '/pod/v1/companycert/{fingerPrint}/issuedBy', (ctx) => {
    const state = certificates(ctx);
    const issuer = pathCert(ctx, state);
    return { status: 200, body: [...state.certs.values()].filter((c) => state.issuerOf(c) === issuer).map((c) => infoView(state, c)) };
  });
  router.user('POST', '/pod/v2/companycert/create', createCert);
  router.user('POST', '/pod/v1/companycert/{fingerPrint}/update', updateCert);
  router.user('POST', '/pod/v1/companycert/delete', deleteCert);
  // The pod's TLS certificate, signed by its CA.
  router.public('GET', '/pod/v1/podcert', (ctx) => ({ status: 200, body: { certificate: ctx.sim.pki.serverCertificate } }));
}
