import type { KeyObject } from 'node:crypto';
import { configError } from './errors';
import type { ClientTls, HttpClientSettings } from './http-client';
import { parseCaCertificates, parseCertificate, parsePkcs12, parsePrivateKey } from './keys';
import type { ProxySettings } from './proxy-agent';
import { DEFAULT_RETRY_SETTINGS } from './retry-policy';
import type { AuthSettings, ServiceUrls } from './token-manager';

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
  const text = (value ?? '').trim();
  if (!text) {
    if (fallback !== undefined) return fallback;
    throw configError(field, 'is required (e.g. https://acme.symphony.com)');
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw configError(field, `is not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw configError(field, 'must start with https:// (or http:// for a local simulator)');
  if (url.username || url.password) throw configError(field, 'must not carry credentials');
  return url.href.replace(/\/+$/, '');
}

function positiveNumber(value: number | string | undefined, field: string, fallback: number, min: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw configError(field, `must be a number of at least ${min}`);
  return n;
}

function proxySettings(props: ConfigProperties, credentials: ConfigCredentials, timeoutMs: number): ProxySettings | undefined {
  const text = (props.proxyUrl ?? '').trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw configError('proxyUrl', 'is not a URL (e.g. http://proxy.corp:8080)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw configError('proxyUrl', 'must be an http:// or https:// proxy');
  return { url, username: props.proxyUsername || undefined, password: credentials.proxyPassword || undefined, timeoutMs };
}

function clientTls(credentials: ConfigCredentials): ClientTls {
  const passphrase = credentials.certificatePassphrase || undefined;
  if (credentials.pkcs12) return { pfx: parsePkcs12(credentials.pkcs12, passphrase, 'pkcs12'), passphrase };
  if (!credentials.clientCertificate || !credentials.clientKey) {
    throw configError('clientCertificate', 'certificate authentication needs a client certificate and key (PEM), or a PKCS#12 file');
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
  if (!botUsername) throw configError('botUsername', 'is required');
  const authType = props.authType === 'certificate' ? 'certificate' : 'rsa';
  if (props.authType && props.authType !== 'rsa' && props.authType !== 'certificate') {
    throw configError('authType', 'must be "rsa" or "certificate"');
  }

  let botKey: KeyObject | undefined;
  if (authType === 'rsa') {
    if (!credentials.privateKey) throw configError('privateKey', 'is required for RSA authentication');
    botKey = parsePrivateKey(credentials.privateKey, credentials.privateKeyPassphrase, 'privateKey');
  }
  const appId = (props.appId ?? '').trim() || undefined;
  const appKey = appId && credentials.appPrivateKey
    ? parsePrivateKey(credentials.appPrivateKey, credentials.appPrivateKeyPassphrase, 'appPrivateKey')
    : undefined;
  if (appId && !appKey) throw configError('appPrivateKey', 'is required when an OBO app id is set');

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
