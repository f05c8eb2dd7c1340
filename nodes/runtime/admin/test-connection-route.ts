import { CONFIG_CREDENTIALS, type ConfigCredentials, type ConfigProperties } from '../config/config-settings';
import { CONFIG_TYPE, type SymphonyConfigNode } from '../config/config-node';
import type { Translate } from '../core/i18n';
import type { NodeAPI } from '../core/node-red';
import type { TestConnectionResult } from './test-connection';

/** The slice of Express and of Node-RED's admin API the route needs. */
interface AdminRequest {
  body?: unknown;
}
interface AdminResponse {
  json(body: unknown): void;
}
type Middleware = (req: AdminRequest, res: AdminResponse, next: () => void) => void;
interface AdminExtras {
  httpAdmin: { post(path: string, permission: Middleware, handler: (req: AdminRequest, res: AdminResponse) => void): void };
  auth: { needsPermission(permission: string): Middleware };
}
interface CredentialStore {
  getCredentials(id: string): Record<string, string | undefined> | undefined;
}
export type AdminHost = NodeAPI & AdminExtras & { nodes: CredentialStore };

export const TEST_CONNECTION_PATH = 'symphony/test-connection';
export const TEST_CONNECTION_PERMISSION = `${CONFIG_TYPE}.write`;
/** What a password credential of a deployed node reads as in the editor. */
const STORED = '__PWRD__';
/** Where secrets are sent: stored secrets go only to the deployed node's own endpoints. */
const PINNED_FIELDS = ['podUrl', 'agentUrl', 'agentUrls', 'keyManagerUrl', 'sessionAuthUrl', 'keyAuthUrl', 'proxyUrl'] as const;

function hasAdmin(RED: NodeAPI): RED is AdminHost {
  const host = RED as NodeAPI & Partial<AdminExtras> & { nodes: Partial<CredentialStore> };
  return typeof host.httpAdmin?.post === 'function' && typeof host.auth?.needsPermission === 'function'
    && typeof host.nodes?.getCredentials === 'function';
}

function objectOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Whether the dialog's settings use a credential: the bot's by authentication type, the app's with an app id. */
function usedWith(props: ConfigProperties, credential: string): boolean {
  const certificate = props.authType === 'certificate';
  switch (credential) {
    case 'privateKey':
    case 'privateKeyPassphrase': return !certificate;
    case 'clientCertificate':
    case 'clientKey':
    case 'pkcs12':
    case 'certificatePassphrase': return certificate;
    case 'appPrivateKey':
    case 'appPrivateKeyPassphrase': return String(props.appId ?? '').trim() !== '';
    case 'proxyPassword': return String(props.proxyUrl ?? '').trim() !== '';
    default: return true;
  }
}

/** A config field's label in the dialog (the editor's text), or its name. */
function label(t: Translate, field: string): string {
  const key = `config.properties.${field}.label`;
  const text = t(key);
  return text && text !== key && !text.endsWith(`:${key}`) ? text : field;
}

function same(a: unknown, b: unknown): boolean {
  return String(a ?? '').trim() === String(b ?? '').trim();
}

/**
 * The dialog's values, with each credential left as the '__PWRD__' placeholder replaced by the deployed
 * node's stored one. Stored secrets are only used with the deployed node's own URLs, so that a changed URL
 * cannot make the runtime sign a login token for another host.
 */
export function resolveRequest(RED: AdminHost, body: unknown, t: Translate): { props: ConfigProperties; credentials: ConfigCredentials } | TestConnectionResult {
  const request = objectOf(body);
  const id = typeof request.id === 'string' ? request.id : '';
  const props = objectOf(request.config) as ConfigProperties;
  // The built-in simulator needs no secret: none is looked up or sent.
  if (props.connectTo === 'simulator') return { props, credentials: {} };
  const given = objectOf(request.credentials);
  const stored = (id && RED.nodes.getCredentials(id)) || {};
  const deployed = (id ? RED.nodes.getNode(id) : null) as SymphonyConfigNode | null;
  const credentials: ConfigCredentials = {};
  const fromStore: string[] = [];
  for (const name of CONFIG_CREDENTIALS) {
    const value = given[name];
    if (value === STORED) {
      if (stored[name]) fromStore.push(name);
      credentials[name] = stored[name] || undefined;
    } else if (typeof value === 'string' && value) {
      credentials[name] = value;
    }
  }
  const changed = fromStore.length > 0
    ? PINNED_FIELDS.find((field) => !deployed?.properties || !same(props[field], deployed.properties[field]))
    : undefined;
  if (changed) {
    // Stored secrets these settings do not use are not sent either; those they use must be entered again.
    for (const name of fromStore) delete credentials[name as keyof ConfigCredentials];
    const needed = fromStore.filter((name) => usedWith(props, name));
    if (needed.length > 0) {
      const credentials = needed.map((name) => label(t, name)).join(', ');
      return { ok: false, field: changed, reenter: needed, reason: t('runtime.errors.testConnection.storedSecretsPinned', { field: label(t, changed), credentials }) };
    }
  }
  return { props, credentials };
}

/** Admin apps the route is on: the test helper loads the module once per flow, on one app. */
const registered = new WeakSet<object>();

/** POST symphony/test-connection: needs the config node's write permission; answers a TestConnectionResult. */
export function registerTestConnectionRoute(RED: NodeAPI, t: Translate): void {
  if (!hasAdmin(RED) || registered.has(RED.httpAdmin)) return;
  registered.add(RED.httpAdmin);
  RED.httpAdmin.post(`/${TEST_CONNECTION_PATH}`, RED.auth.needsPermission(TEST_CONNECTION_PERMISSION), (req, res) => {
    const resolved = resolveRequest(RED, req.body, t);
    // The HTTP side is loaded with the first check, not when Node-RED starts.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { testConnection } = require('./test-connection') as typeof import('./test-connection');
    const answer = 'props' in resolved ? testConnection(resolved.props, resolved.credentials) : Promise.resolve(resolved);
    answer.then((result) => res.json(result), (err: unknown) => res.json({ ok: false, reason: String(err) }));
  });
}
