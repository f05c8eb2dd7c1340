/**
 * Conformance steps for the pod administration nodes (information barriers, disclaimers, app entitlements, apps,
 * the bot manifest, file extensions, URI protocols, SSO): every node as the bot (none is OBO-enabled), every list
 * once more reading all pages. They leave the seeded settings as they were where a later step could care.
 */
import { DEFAULT_SEED } from '../../simulator';
import { IDP } from '../helpers/admin-fixtures';
import { testCertificates } from '../helpers/certificates';
import { keyPair } from '../helpers/keys';
import type { Step } from './fixtures';

const { users } = DEFAULT_SEED;
const item = (payload: unknown, index: number): Record<string, unknown> => (payload as Array<Record<string, unknown>>)[index]!;
const ALL_PAGES = { pages: 'all', maxItems: 100 };
const APP_ID = 'conformance-app';
/** A yes/no field set in the node: a blank one is "not set" and reads nothing from msg. */
const yes = (name: string, value = true): Record<string, unknown> => ({ [name]: String(value), [`${name}Type`]: 'bool' });

export const POD_ADMIN_STEPS: Step[] = [
  { type: 'symphony-ib-groups-list', as: 'bot', msg: () => ({}), save: (s, p) => { s.ibGroup = item(p, 0).id; } },
  { type: 'symphony-ib-policies-list', as: 'bot', msg: () => ({}) },
  { type: 'symphony-ib-group-members-add', as: 'bot', msg: (s) => ({ groupId: s.ibGroup, userIds: [users.carol.id, users.dave.id] }) },
  { type: 'symphony-ib-group-members-list', as: 'bot', msg: (s) => ({ groupId: s.ibGroup }) },
  { type: 'symphony-ib-group-members-list', as: 'bot', msg: (s) => ({ groupId: s.ibGroup, limit: 1 }), props: ALL_PAGES },
  { type: 'symphony-ib-group-members-remove', as: 'bot', msg: (s) => ({ groupId: s.ibGroup, userIds: [users.carol.id] }) },

  {
    type: 'symphony-disclaimers-list', as: 'bot', msg: () => ({}),
    save: (s, p) => { s.defaultDisclaimer = item(p, 0).id; s.marketsDisclaimer = item(p, 1).id; },
  },
  { type: 'symphony-disclaimer-get', as: 'bot', msg: (s) => ({ disclaimerId: s.marketsDisclaimer }) },
  { type: 'symphony-disclaimer-users-list', as: 'bot', msg: (s) => ({ disclaimerId: s.marketsDisclaimer }) },
  { type: 'symphony-user-disclaimer-assign', as: 'bot', msg: (s) => ({ userId: users.bob.id, disclaimerId: s.defaultDisclaimer }) },
  { type: 'symphony-user-disclaimer-get', as: 'bot', msg: () => ({ userId: users.bob.id }) },
  { type: 'symphony-user-disclaimer-remove', as: 'bot', msg: () => ({ userId: users.bob.id }) },
  // No disclaimer now: the pod's 204.
  { type: 'symphony-user-disclaimer-get', as: 'bot', msg: () => ({ userId: users.bob.id }) },

  { type: 'symphony-app-entitlements-list', as: 'bot', msg: () => ({}) },
  {
    type: 'symphony-app-entitlements-update', as: 'bot',
    msg: () => ({ entitlements: [{ appId: 'djApp', appName: 'Dow Jones', enable: true, listed: true, install: false }] }),
  },
  { type: 'symphony-user-app-entitlements-list', as: 'bot', msg: () => ({ userId: users.alice.id }) },
  {
    type: 'symphony-user-app-entitlements-replace', as: 'bot',
    msg: () => ({
      userId: users.alice.id,
      entitlements: [{ appId: 'selerity', listed: true, install: true, products: [{ name: 'Premium', sku: 'AcDccU53SsY', type: 'premium', subscribed: true }] }],
    }),
  },
  { type: 'symphony-user-app-entitlement-update', as: 'bot', msg: () => ({ userId: users.alice.id, appId: 'djApp', listed: 'KEEP', install: 'TRUE' }) },
  {
    type: 'symphony-user-app-entitlement-update', as: 'bot',
    msg: () => ({ userId: users.alice.id, appId: 'djApp', install: 'REMOVE', patches: [{ appId: 'selerity', product: { name: 'Premium', type: 'premium', subscribed: false } }] }),
  },

  {
    type: 'symphony-app-create', as: 'bot',
    msg: () => ({
      appId: APP_ID, appName: 'Conformance App', appUrl: 'https://apps.simulated-bank.example/conformance', domain: 'simulated-bank.example',
      publisher: 'QA', description: 'An app the conformance test makes', permissions: ['SEND_MESSAGES', 'GET_PRESENCE'],
      publicKey: keyPair('conformance-app').publicPem, details: { properties: [{ key: 'theme', value: 'dark' }] },
    }),
  },
  { type: 'symphony-app-get', as: 'bot', msg: () => ({ appId: APP_ID }) },
  { type: 'symphony-app-update', as: 'bot', msg: () => ({ appId: APP_ID, description: 'Updated by the conformance test', iconUrl: 'https://apps.simulated-bank.example/icon.png' }) },
  { type: 'symphony-app-delete', as: 'bot', msg: () => ({ appId: APP_ID }) },
  { type: 'symphony-manifest-update', as: 'bot', msg: () => ({ manifest: { commands: [{ name: 'help', description: 'What I can do' }] } }) },
  { type: 'symphony-manifest-get', as: 'bot', msg: () => ({}) },

  { type: 'symphony-file-extensions-list', as: 'bot', msg: () => ({ limit: 5 }) },
  { type: 'symphony-file-extensions-list', as: 'bot', msg: () => ({ limit: 5 }), props: ALL_PAGES },
  {
    type: 'symphony-file-extension-set', as: 'bot', msg: () => ({ extension: '.log' }),
    props: { ...yes('scopeInternal'), ...yes('scopeExternal', false), ...yes('scopeXpod') },
  },
  { type: 'symphony-file-extension-delete', as: 'bot', msg: () => ({ extension: '.LOG' }) },
  { type: 'symphony-uri-protocol-add', as: 'bot', msg: () => ({ scheme: 'bloomberg' }) },
  { type: 'symphony-uri-protocol-delete', as: 'bot', msg: () => ({ scheme: 'bloomberg' }) },
  {
    type: 'symphony-sso-configuration-set', as: 'bot',
    msg: () => ({ idpEntityId: IDP.entityId, idpSsoEndpoint: IDP.ssoEndpoint, idpSigningCertificate: IDP.certificate() }),
    props: yes('ssoEnabled'),
  },
  { type: 'symphony-sso-configuration-update', as: 'bot', msg: () => ({}), props: yes('forceAuthn') },
  { type: 'symphony-sso-configuration-get', as: 'bot', msg: () => ({}) },

  {
    type: 'symphony-company-cert-create', as: 'bot', msg: () => ({ pem: testCertificates().caPem, certName: 'Users CA', certType: 'USERSIGNING' }),
    save: (s, p) => { s.caCert = (p as { companyCertInfo: { fingerPrint: string } }).companyCertInfo.fingerPrint; },
  },
  {
    type: 'symphony-company-cert-create', as: 'bot', msg: () => ({ pem: testCertificates().userPem, attributes: { status: { type: 'KNOWN' } } }),
    save: (s, p) => { s.userCert = (p as { companyCertInfo: { fingerPrint: string } }).companyCertInfo.fingerPrint; },
  },
  { type: 'symphony-company-certs-list', as: 'bot', msg: () => ({}) },
  { type: 'symphony-company-certs-list', as: 'bot', msg: () => ({ limit: 1 }), props: ALL_PAGES },
  { type: 'symphony-company-certs-pod-managed-list', as: 'bot', msg: () => ({}) },
  { type: 'symphony-company-certs-pod-managed-list', as: 'bot', msg: () => ({ limit: 1 }), props: ALL_PAGES },
  { type: 'symphony-company-certs-by-type', as: 'bot', msg: () => ({ certTypes: 'USERSIGNING,USER' }) },
  { type: 'symphony-company-certs-by-type', as: 'bot', msg: () => ({ certTypes: ['USERSIGNING'], limit: 1 }), props: ALL_PAGES },
  { type: 'symphony-company-cert-get', as: 'bot', msg: (s) => ({ fingerPrint: s.userCert }) },
  { type: 'symphony-company-certs-issued-by', as: 'bot', msg: (s) => ({ fingerPrint: s.caCert }) },
  { type: 'symphony-company-cert-update', as: 'bot', msg: (s) => ({ fingerPrint: s.userCert, certStatus: 'TRUSTED', certName: 'Report bot' }) },
  { type: 'symphony-company-cert-delete', as: 'bot', msg: (s) => ({ fingerPrint: s.userCert }) },
  { type: 'symphony-company-cert-delete', as: 'bot', msg: (s) => ({ fingerPrint: s.caCert }) },
  { type: 'symphony-pod-cert', as: 'bot', msg: () => ({}) },
];
