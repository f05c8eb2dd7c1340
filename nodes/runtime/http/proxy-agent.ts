import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { text } from '../core/i18n';

export interface ProxySettings {
  url: URL;
  /** Basic credentials for the proxy (never in the URL: the config refuses a URL that carries them). */
  username?: string;
  password?: string;
  timeoutMs: number;
}

type ConnectCallback = (err: Error | null, socket?: net.Socket) => void;
type StreamCallback = (err: Error | null, stream: Duplex) => void;

function proxyAuthorization(proxy: ProxySettings): string | undefined {
  if (!proxy.username) return undefined;
  return `Basic ${Buffer.from(`${proxy.username}:${proxy.password ?? ''}`).toString('base64')}`;
}

/** Opens a CONNECT tunnel through the proxy to host:port and hands back the raw socket. */
function openTunnel(proxy: ProxySettings, host: string, port: number, done: ConnectCallback): void {
  const target = `${net.isIPv6(host) ? `[${host}]` : host}:${port}`;
  const headers: http.OutgoingHttpHeaders = { host: target };
  const auth = proxyAuthorization(proxy);
  if (auth) headers['proxy-authorization'] = auth;
  const proxyIsTls = proxy.url.protocol === 'https:';
  const request = (proxyIsTls ? https : http).request({
    host: proxy.url.hostname,
    port: proxy.url.port || (proxyIsTls ? 443 : 80),
    method: 'CONNECT',
    path: target,
    headers,
    agent: false,
    timeout: proxy.timeoutMs,
  });
  let settled = false;
  const finish = (err: Error | null, socket?: net.Socket): void => {
    if (settled) return;
    settled = true;
    done(err, socket);
  };
  request.once('connect', (response, socket) => {
    if (response.statusCode === 200) {
      finish(null, socket);
      return;
    }
    socket.destroy();
    const err = new Error(text('runtime.errors.http.proxyRefused', { target, status: String(response.statusCode) })) as NodeJS.ErrnoException;
    err.code = response.statusCode === 407 ? 'EPROXY_AUTH' : 'EPROTO_PROXY_REFUSED';
    finish(err);
  });
  request.once('timeout', () => request.destroy(Object.assign(new Error(text('runtime.errors.http.proxyTimeout')), { code: 'ETIMEDOUT' })));
  request.once('error', (err) => finish(err));
  request.end();
}

/**
 * Keep-alive agents that reach every target through an HTTP CONNECT tunnel: TLS (with the agent's CA and
 * client certificate options) runs end to end inside the tunnel, so the proxy never sees tokens.
 */
export class HttpsProxyTunnelAgent extends https.Agent {
  constructor(private readonly proxy: ProxySettings, options: https.AgentOptions) {
    super(options);
  }

  override createConnection(options: https.RequestOptions, callback?: StreamCallback): undefined {
    const host = options.hostname ?? options.host ?? 'localhost';
    openTunnel(this.proxy, host, Number(options.port ?? 443), (err, socket) => {
      if (err || !socket) {
        callback?.(err ?? new Error(text('runtime.errors.http.proxyFailed')), undefined as unknown as Duplex);
        return;
      }
      const tlsOptions = options as tls.ConnectionOptions;
      const servername = tlsOptions.servername ?? (net.isIP(host) ? undefined : host);
      callback?.(null, tls.connect({ ...tlsOptions, socket, servername }));
    });
    return undefined;
  }
}

export class HttpProxyTunnelAgent extends http.Agent {
  constructor(private readonly proxy: ProxySettings, options: http.AgentOptions) {
    super(options);
  }

  override createConnection(options: http.ClientRequestArgs, callback?: StreamCallback): undefined {
    openTunnel(this.proxy, options.hostname ?? options.host ?? 'localhost', Number(options.port ?? 80), (err, socket) => {
      callback?.(err ?? null, socket as Duplex);
    });
    return undefined;
  }
}
