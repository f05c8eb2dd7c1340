/**
 * "Test connection" says why a service could not be reached in plain words, the system's code after them:
 * "nothing listening at 127.0.0.1:9 (ECONNREFUSED)". The failure names the dialog field to check: the URL that
 * was called (or the proxy, or the extra CAs for an untrusted certificate).
 */
import type { SymphonyError } from '../core/errors';
import type { Translate } from '../core/i18n';
import type { ConfigProperties } from '../config/config-settings';

type Kind = 'refused' | 'notFound' | 'tlsVersion' | 'untrusted' | 'expired' | 'otherName' | 'reset' | 'timeout';

const KIND_OF_CODE: Readonly<Record<string, Kind>> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'notFound',
  EAI_AGAIN: 'notFound',
  EPROTO: 'tlsVersion',
  ERR_SSL_WRONG_VERSION_NUMBER: 'tlsVersion',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted',
  CERT_UNTRUSTED: 'untrusted',
  CERT_HAS_EXPIRED: 'expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'otherName',
  ECONNRESET: 'reset',
  ETIMEDOUT: 'timeout',
};

/** Each kind's text, by literal key (test/runtime/i18n-keys.test.ts finds texts by their keys). */
const TEXT_OF_KIND: Readonly<Record<Kind, string>> = {
  refused: 'runtime.errors.testConnection.network.refused',
  notFound: 'runtime.errors.testConnection.network.notFound',
  tlsVersion: 'runtime.errors.testConnection.network.tlsVersion',
  untrusted: 'runtime.errors.testConnection.network.untrusted',
  expired: 'runtime.errors.testConnection.network.expired',
  otherName: 'runtime.errors.testConnection.network.otherName',
  reset: 'runtime.errors.testConnection.network.reset',
  timeout: 'runtime.errors.testConnection.network.timeout',
};

/** The dialog's URL fields, in the order a fallback URL is inherited (pod first). */
const URL_FIELDS = ['podUrl', 'agentUrl', 'keyManagerUrl', 'sessionAuthUrl', 'keyAuthUrl'] as const;

function origin(value: unknown): string | undefined {
  try {
    return new URL(String(value ?? '').trim()).origin;
  } catch {
    return undefined;
  }
}

/**
 * The service called: the HTTP client's messages name it as "<METHOD> <origin><path>". Its field is the first
 * URL field with that origin (a blank agent URL means the pod's).
 */
function calledService(err: SymphonyError, props: ConfigProperties): { url?: URL; field?: string } {
  const found = /\bhttps?:\/\/[^\s/]+/.exec(err.message);
  if (!found) return {};
  let url: URL;
  try {
    url = new URL(found[0]);
  } catch {
    return {};
  }
  const field = URL_FIELDS.find((name) => origin(props[name]) === url.origin);
  return { url, field };
}

const hostPort = (url: URL): string => `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;

/** A network failure or timeout in plain words, or undefined for any other failure. */
export function networkReason(err: SymphonyError, props: ConfigProperties, t: Translate): { reason: string; field?: string } | undefined {
  if (err.code !== 'NETWORK' && err.code !== 'TIMEOUT') return undefined;
  const code = err.cause.networkCode ?? (err.code === 'TIMEOUT' ? 'ETIMEDOUT' : undefined);
  const kind = code === undefined ? undefined : KIND_OF_CODE[code]
    ?? (/wrong version number|packet length too long/i.test(err.cause.symphonyMessage ?? '') ? 'tlsVersion' : undefined);
  if (!code || !kind) return undefined;
  const { url, field } = calledService(err, props);
  // With a proxy, a refused connection is the proxy's: the raw message names the address that refused.
  const refusedAt = kind === 'refused' ? /ECONNREFUSED\s+(\S+)/.exec(err.cause.symphonyMessage ?? '')?.[1] : undefined;
  const proxy = origin(props.proxyUrl);
  const atProxy = proxy !== undefined && refusedAt !== undefined && url !== undefined && refusedAt !== hostPort(url);
  const target = refusedAt ?? (url ? hostPort(url) : '?');
  const words = t(TEXT_OF_KIND[kind], { target, host: url?.hostname ?? target });
  const blame = atProxy ? 'proxyUrl' : kind === 'untrusted' ? 'caCertificates' : field;
  return { reason: `${words} (${code})`, field: blame };
}
