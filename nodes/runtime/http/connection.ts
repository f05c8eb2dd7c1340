import type { SymphonyError } from '../core/errors';
import type { ClientSettings } from '../config/config-settings';
import { HttpClient } from './http-client';
import { SymphonyClient } from './symphony-client';
import { AgentPool, type AgentFailover } from './agent-pool';
import { TokenManager, type AuthState, type ServiceUrls } from '../auth/token-manager';

/** Everything one set of config settings talks to Symphony with; `close()` releases every socket. */
export interface Connection {
  client: SymphonyClient;
  tokens: TokenManager;
  /** The plain (non mutual-TLS) client, for calls outside an operation (e.g. a public health check). */
  http: HttpClient;
  /** Where it calls; `agents` holds every agent URL, `urls.agent` being the first. */
  urls: ServiceUrls;
  agents: readonly string[];
  close(): void;
}

/** The HTTP clients (plus a mutual-TLS one in certificate mode), the token manager and the API client. */
export function openConnection(
  settings: ClientSettings,
  onAuthState: (state: AuthState, error?: SymphonyError) => void,
  onFailover?: (failover: AgentFailover) => void,
): Connection {
  const http = new HttpClient(settings.http);
  const mtlsHttp = settings.mtlsHttp ? new HttpClient(settings.mtlsHttp) : undefined;
  const tokens = new TokenManager(settings.auth, http, mtlsHttp, onAuthState);
  const agents = new AgentPool(settings.agents, settings.http.retry, onFailover);
  return {
    client: new SymphonyClient(settings.auth.urls, http, tokens, mtlsHttp, agents),
    tokens,
    http,
    urls: settings.auth.urls,
    agents: settings.agents.urls,
    close: () => {
      http.close();
      mtlsHttp?.close();
    },
  };
}
