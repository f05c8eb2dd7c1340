import type { KeyObject } from 'node:crypto';
import { configError } from '../core/errors';
import type { ClientTls, HttpClientSettings } from '../http/http-client';
import { text } from '../core/i18n';
import { quoteText } from '../operations/value-checks';
import { parseCaCertificates, parseCertificate, parsePkcs12, parsePrivateKey } from '../auth/keys';
import type { ProxySettings } from '../http/proxy-agent';
import { DEFAULT_RETRY_SETTINGS } from '../http/retry-policy';
import type { AuthSettings, ServiceUrls } from '../auth/token-manager';
import { AGENT_BALANCING_MODES, type AgentBalancing, type AgentPoolSettings } from '../http/agent-pool';

/** Properties of a `symphony-config` node, as the editor saves them. */
export interface ConfigProperties {
  name?: string;
  /** `pod` (or absent: nodes saved before the choice existed) or `simulator`, the built-in simulator. */
  connectTo?: string;
  podUrl?: string;
  agentUrl?: string;
  /** More agents of the same pod, one URL a line, after agentUrl (agent load balancing). */
  agentUrls?: string;
  /** `sticky` (default: one agent until it fails) or `round-robin`. */
  agentBalancing?: string;
  keyManagerUrl?: string;
  authType?: string;
  sessionAuthUrl?: string;
  keyAuthUrl?: string;
  botUsername?: string;
  appId?: string;
  proxyUrl?: string;
  proxyUsername?: string;
  caCertificates?: string;
  timeout?: number | string;
  maxRetries?: number | string;
  retryUnsafe?: boolean | string;
  oboCacheSize?: number | string;
}

/** Every secret of a `symphony-config` node: all are `password` credentials. */
export const CONFIG_CREDENTIALS = [
  'privateKey', 'privateKeyPassphrase', 'clientCertificate', 'clientKey', 'pkcs12', 'certificatePassphrase',
  'appPrivateKey', 'appPrivateKeyPassphrase', 'proxyPassword',
] as const;

export type ConfigCredentials = Partial<Record<(typeof CONFIG_CREDENTIALS)[number], string>>;

export interface ClientSettings {
  auth: AuthSettings;
  http: HttpClientSettings;
  /** The agents agent calls go to (one, unless more are listed) and how calls are spread over them. */
  agents: AgentPoolSettings;
  /** Only in certificate mode: the same, plus the client certificate. */
  mtlsHttp?: HttpClientSettings;
}

/** How long a refused login is answered from memory before the next real attempt. */
const AUTH_FAILURE_HOLD_MS = 5_000;

function serviceUrl(value: string | undefined, field: string, fallback?: string): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) {
    if (fallback !== undefined) return fallback;
    throw configError(field, text('runtime.errors.config.urlRequired'));
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw configError(field, text('runtime.errors.config.notUrl', { value: quoteText(trimmed) }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw configError(field, text('runtime.errors.config.urlScheme'));
  if (url.username || url.password) throw configError(field, text('runtime.errors.config.urlCredentials'));
  return url.href.replace(/\/+$/, '');
}

/**
 * The agent URL, then each line of agentUrls: every malformed line is named by its number, and a URL given twice
 * is refused (it would take two turns of the rotation).
 */
export function agentUrlList(props: ConfigProperties, first: string): string[] {
  const urls = [first];
  const lines = String(props.agentUrls ?? '').split(/\r?\n/);
  lines.forEach((line, at) => {
    if (!line.trim()) return;
    let url: string;
    try {
      url = serviceUrl(line, 'agentUrls');
    } catch (err) {
      const reason = err instanceof Error ? err.message.replace(/^agentUrls: /, '') : String(err);
      throw configError('agentUrls', text('runtime.errors.config.agentUrlsLine', { line: at + 1, reason }));
    }
    if (urls.includes(url)) throw configError('agentUrls', text('runtime.errors.config.agentUrlsLine', { line: at + 1, reason: text('runtime.errors.config.agentUrlRepeated') }));
    urls.push(url);
  });
  return urls;
}

/** Sticky (the default) or round robin; any other value is refused. */
export function agentBalancingOf(props: ConfigProperties): AgentBalancing {
  const mode = props.agentBalancing ?? '';
  if (mode === '') return 'sticky';
  if ((AGENT_BALANCING_MODES as readonly string[]).includes(mode)) return mode as AgentBalancing;
  throw configError('agentBalancing', text('runtime.errors.config.agentBalancing'));
}

function positiveNumber(value: number | string | undefined, field: string, fallback: number, min: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw configError(field, text('runtime.errors.config.minimum', { min }));
  return n;
}

function proxySettings(props: ConfigProperties, credentials: ConfigCredentials, timeoutMs: number): ProxySettings | undefined {
  const proxyUrl = (props.proxyUrl ?? '').trim();
  if (!proxyUrl) return undefined;
  let url: URL;
  try {
    url = new URL(proxyUrl);
  } catch {
    throw configError('proxyUrl', text('runtime.errors.config.proxyNotUrl'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw configError('proxyUrl', text('runtime.errors.config.proxyScheme'));
  // A password in the URL would be saved in clear in the flow and its exports: it belongs in proxyPassword.
  if (url.username || url.password) throw configError('proxyUrl', text('runtime.errors.config.proxyCredentials'));
  return { url, username: props.proxyUsername || undefined, password: credentials.proxyPassword || undefined, timeoutMs };
}

function clientTls(credentials: ConfigCredentials): ClientTls {
  const passphrase = credentials.certificatePassphrase || undefined;
  if (credentials.pkcs12) return { pfx: parsePkcs12(credentials.pkcs12, passphrase, 'pkcs12'), passphrase };
  if (!credentials.clientCertificate || !credentials.clientKey) {
    throw configError('clientCertificate', text('runtime.errors.config.clientCertificate'));
  }
  const cert = parseCertificate(credentials.clientCertificate, 'clientCertificate');
  const key = parsePrivateKey(credentials.clientKey, passphrase, 'clientKey').export({ type: 'pkcs8', format: 'pem' }).toString();
  return { cert, key };
}

/** The saved connection choice: true for the built-in simulator; anything but `pod`, blank or absent is refused. */
export function usesBuiltInSimulator(props: ConfigProperties): boolean {
  const choice = props.connectTo ?? '';
  if (choice === 'simulator') return true;
  if (choice === '' || choice === 'pod') return false;
  throw configError('connectTo', text('runtime.errors.config.connectTo'));
}

/** Timeout and retries: what every connection takes from the dialog, whatever it connects to. */
function callSettings(props: ConfigProperties): Pick<HttpClientSettings, 'timeoutMs' | 'retry'> {
  const retryUnsafe = props.retryUnsafe === true || props.retryUnsafe === 'true';
  return {
    timeoutMs: positiveNumber(props.timeout, 'timeout', 30, 1) * 1000,
    retry: { ...DEFAULT_RETRY_SETTINGS, maxRetries: positiveNumber(props.maxRetries, 'maxRetries', 3, 0), retryUnsafe },
  };
}

/** RSA (the default) or certificate; any other value is refused. */
export function authTypeOf(props: ConfigProperties): 'rsa' | 'certificate' {
  if (props.authType && props.authType !== 'rsa' && props.authType !== 'certificate') {
    throw configError('authType', text('runtime.errors.config.authType'));
  }
  return props.authType === 'certificate' ? 'certificate' : 'rsa';
}

function oboCacheSize(props: ConfigProperties): number {
  return Math.floor(positiveNumber(props.oboCacheSize, 'oboCacheSize', 100, 1));
}

/** What the built-in simulator gives a config node: its addresses, its CA and the identities it registered. */
export interface SimulatorAccess {
  url: string;
  mtlsUrl: string;
  caCertificate: string;
  botUsername: string;
  botKey: KeyObject;
  appId: string;
  appKey: KeyObject;
  /** Certificate mode: the bot's client certificate, signed by the simulator's CA. */
  clientTls?: ClientTls;
}

/** Checks what the built-in simulator takes from the dialog (auth type, timeout, retries, OBO sessions) at deploy. */
export function checkSimulatorProperties(props: ConfigProperties): void {
  authTypeOf(props);
  callSettings(props);
  oboCacheSize(props);
}

/**
 * Client settings for the built-in simulator: its identities in place of the dialog's URLs, bot, app and keys.
 * Its CA is trusted by these clients alone, which only ever call the simulator's own URLs (no proxy, no redirect).
 */
export function simulatorConfig(props: ConfigProperties, access: SimulatorAccess): ClientSettings {
  const authType = authTypeOf(props);
  const { url, mtlsUrl } = access;
  const http: HttpClientSettings = { ...callSettings(props), caCertificates: [access.caCertificate], onlyTheseCas: true };
  return {
    auth: {
      authType,
      botUsername: access.botUsername,
      botKey: access.botKey,
      appId: access.appId,
      appKey: access.appKey,
      urls: { pod: url, agent: url, keyManager: url, sessionAuth: mtlsUrl, keyAuth: mtlsUrl },
      oboCacheSize: oboCacheSize(props),
      failureHoldMs: AUTH_FAILURE_HOLD_MS,
    },
    http,
    agents: { urls: [url], balancing: 'sticky' },
    mtlsHttp: authType === 'certificate' && access.clientTls ? { ...http, clientTls: access.clientTls } : undefined,
  };
}

/** Validates a config node's properties and secrets into client settings; throws an error naming the field. */
export function parseConfig(props: ConfigProperties, credentials: ConfigCredentials): ClientSettings {
  const pod = serviceUrl(props.podUrl, 'podUrl');
  const keyManager = serviceUrl(props.keyManagerUrl, 'keyManagerUrl', pod);
  const urls: ServiceUrls = {
    pod,
    agent: serviceUrl(props.agentUrl, 'agentUrl', pod),
    keyManager,
    sessionAuth: serviceUrl(props.sessionAuthUrl, 'sessionAuthUrl', pod),
    keyAuth: serviceUrl(props.keyAuthUrl, 'keyAuthUrl', keyManager),
  };
  const botUsername = (props.botUsername ?? '').trim();
  if (!botUsername) throw configError('botUsername', text('runtime.errors.config.required'));
  const authType = authTypeOf(props);

  let botKey: KeyObject | undefined;
  if (authType === 'rsa') {
    if (!credentials.privateKey) throw configError('privateKey', text('runtime.errors.config.rsaKeyRequired'));
    botKey = parsePrivateKey(credentials.privateKey, credentials.privateKeyPassphrase, 'privateKey');
  }
  const appId = (props.appId ?? '').trim() || undefined;
  const appKey = appId && credentials.appPrivateKey
    ? parsePrivateKey(credentials.appPrivateKey, credentials.appPrivateKeyPassphrase, 'appPrivateKey')
    : undefined;
  if (appId && !appKey) throw configError('appPrivateKey', text('runtime.errors.config.appKeyRequired'));

  const calls = callSettings(props);
  const http: HttpClientSettings = {
    ...calls,
    caCertificates: props.caCertificates?.trim() ? parseCaCertificates(props.caCertificates, 'caCertificates') : undefined,
    proxy: proxySettings(props, credentials, calls.timeoutMs),
  };
  return {
    auth: {
      authType,
      botUsername,
      botKey,
      appId,
      appKey,
      urls,
      oboCacheSize: oboCacheSize(props),
      failureHoldMs: AUTH_FAILURE_HOLD_MS,
    },
    http,
    agents: { urls: agentUrlList(props, urls.agent), balancing: agentBalancingOf(props) },
    mtlsHttp: authType === 'certificate' ? { ...http, clientTls: clientTls(credentials) } : undefined,
  };
}
