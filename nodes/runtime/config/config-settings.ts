import type { KeyObject } from 'node:crypto';
import { configError } from '../core/errors';
import type { ClientTls, HttpClientSettings } from '../http/http-client';
import { text } from '../core/i18n';
import { quoteText } from '../operations/value-checks';
import { parseCaCertificates, parseCertificate, parsePkcs12, parsePrivateKey } from '../auth/keys';
import type { ProxySettings } from '../http/proxy-agent';
import { DEFAULT_RETRY_SETTINGS } from '../http/retry-policy';
import type { AuthSettings, ServiceUrls } from '../auth/token-manager';

/** Properties of a `symphony-config` node, as the editor saves them. */
export interface ConfigProperties {
  name?: string;
  podUrl?: string;
  agentUrl?: string;
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
  const authType = props.authType === 'certificate' ? 'certificate' : 'rsa';
  if (props.authType && props.authType !== 'rsa' && props.authType !== 'certificate') {
    throw configError('authType', text('runtime.errors.config.authType'));
  }

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

  const timeoutMs = positiveNumber(props.timeout, 'timeout', 30, 1) * 1000;
  const retryUnsafe = props.retryUnsafe === true || props.retryUnsafe === 'true';
  const http: HttpClientSettings = {
    timeoutMs,
    retry: { ...DEFAULT_RETRY_SETTINGS, maxRetries: positiveNumber(props.maxRetries, 'maxRetries', 3, 0), retryUnsafe },
    caCertificates: props.caCertificates?.trim() ? parseCaCertificates(props.caCertificates, 'caCertificates') : undefined,
    proxy: proxySettings(props, credentials, timeoutMs),
  };
  return {
    auth: {
      authType,
      botUsername,
      botKey,
      appId,
      appKey,
      urls,
      oboCacheSize: Math.floor(positiveNumber(props.oboCacheSize, 'oboCacheSize', 100, 1)),
      failureHoldMs: AUTH_FAILURE_HOLD_MS,
    },
    http,
    mtlsHttp: authType === 'certificate' ? { ...http, clientTls: clientTls(credentials) } : undefined,
  };
}
