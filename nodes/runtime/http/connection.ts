import type { SymphonyError } from '../core/errors';
import type { ClientSettings } from '../config/config-settings';
import { HttpClient } from './http-client';
import { SymphonyClient } from './symphony-client';
import { TokenManager, type AuthState } from '../auth/token-manager';

/** Everything one set of config settings talks to Symphony with; `close()` releases every socket. */
export interface Connection {
  client: SymphonyClient;
  tokens: TokenManager;
  /** The plain (non mutual-TLS) client, for calls outside an operation (e.g. a public health check). */
  http: HttpClient;
  close(): void;
}

/** The HTTP clients (plus a mutual-TLS one in certificate mode), the token manager and the API client. */
export function openConnection(settings: ClientSettings, onAuthState: (state: AuthState, error?: SymphonyError) => void): Connection {
  const http = new HttpClient(settings.http);
  const mtlsHttp = settings.mtlsHttp ? new HttpClient(settings.mtlsHttp) : undefined;
  const tokens = new TokenManager(settings.auth, http, mtlsHttp, onAuthState);
  return {
    client: new SymphonyClient(settings.auth.urls, http, tokens, mtlsHttp),
    tokens,
    http,
    close: () => {
      http.close();
      mtlsHttp?.close();
    },
  };
}
