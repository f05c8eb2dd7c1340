import type { KeyObject } from 'node:crypto';
import { CachedToken } from './cached-token';
import { SymphonyError, configError } from '../core/errors';
import { text } from '../core/i18n';
import type { HttpClient, HttpResponse } from '../http/http-client';
import { signAuthJwt } from './jwt';
import { LruCache } from '../core/lru-cache';
import { symphonyMessageOf, requestIdOf } from '../http/response';
import { bounded } from '../operations/value-checks';

export interface ServiceUrls {
  pod: string;
  agent: string;
  keyManager: string;
  sessionAuth: string;
  keyAuth: string;
}

export interface AuthSettings {
  authType: 'rsa' | 'certificate';
  botUsername: string;
  botKey?: KeyObject;
  appId?: string;
  appKey?: KeyObject;
  urls: ServiceUrls;
  oboCacheSize: number;
  failureHoldMs: number;
}

/** Who a call runs as: the bot, or a user on behalf of whom the OBO app acts. */
export type Identity =
  | { kind: 'bot' }
  | { kind: 'obo'; by: 'userId'; user: number }
  | { kind: 'obo'; by: 'username'; user: string };

export interface SessionTokens {
  sessionToken: string;
  keyManagerToken?: string;
}

export type AuthState = 'authenticating' | 'authenticated' | 'failed';

/**
 * Owns every token of one config node. Tokens are fetched on first use and then shared; each is fetched by
 * one request however many callers wait for it. The OBO app session is cached once for all users, and each
 * user's OBO session sits in a bounded LRU cache.
 */
export class TokenManager {
  private readonly botSession: CachedToken;
  private readonly keyManager: CachedToken;
  private readonly appSession: CachedToken;
  private readonly userSessions: LruCache<string, CachedToken>;
  private authenticating = 0;

  constructor(
    private readonly settings: AuthSettings,
    private readonly http: HttpClient,
    private readonly mtlsHttp: HttpClient | undefined,
    private readonly onState: (state: AuthState, error?: SymphonyError) => void,
  ) {
    const hold = settings.failureHoldMs;
    this.botSession = new CachedToken(() => this.loginBot('session'), hold);
    this.keyManager = new CachedToken(() => this.loginBot('keyManager'), hold);
    this.appSession = new CachedToken(() => this.loginApp(), hold);
    this.userSessions = new LruCache(settings.oboCacheSize);
  }

  async tokensFor(identity: Identity, needsKeyManager: boolean): Promise<SessionTokens> {
    if (identity.kind === 'obo') return { sessionToken: await this.userSession(identity).get() };
    const [sessionToken, keyManagerToken] = await Promise.all([
      this.botSession.get(),
      needsKeyManager ? this.keyManager.get() : Promise.resolve(undefined),
    ]);
    return { sessionToken, keyManagerToken };
  }

  /** The tokens at once when every one is held already (the usual case); undefined when a login must come first. */
  heldTokens(identity: Identity, needsKeyManager: boolean): SessionTokens | undefined {
    if (identity.kind === 'obo') {
      const sessionToken = this.userSession(identity).current;
      return sessionToken === undefined ? undefined : { sessionToken };
    }
    const sessionToken = this.botSession.current;
    const keyManagerToken = needsKeyManager ? this.keyManager.current : undefined;
    if (sessionToken === undefined || (needsKeyManager && keyManagerToken === undefined)) return undefined;
    return { sessionToken, keyManagerToken };
  }

  /** Authenticates the OBO app alone (no user session): what a connection check needs. */
  async authenticateApp(): Promise<void> {
    await this.appSession.get();
  }

  /** Forgets the tokens a call was refused with, so the next call authenticates again. */
  invalidate(identity: Identity, used: SessionTokens): void {
    if (identity.kind === 'obo') {
      this.userSession(identity).invalidate(used.sessionToken);
      return;
    }
    this.botSession.invalidate(used.sessionToken);
    this.keyManager.invalidate(used.keyManagerToken);
  }

  private userSession(identity: Extract<Identity, { kind: 'obo' }>): CachedToken {
    const key = `${identity.by}:${identity.user}`;
    return this.userSessions.getOrCreate(key, () => new CachedToken(() => this.loginUser(identity), this.settings.failureHoldMs));
  }

  private loginBot(which: 'session' | 'keyManager'): Promise<string> {
    const { settings } = this;
    const what = which === 'session' ? text('runtime.errors.auth.botSession') : text('runtime.errors.auth.botKeyManager');
    if (settings.authType === 'certificate') {
      const url = which === 'session'
        ? `${settings.urls.sessionAuth}/sessionauth/v1/authenticate`
        : `${settings.urls.keyAuth}/keyauth/v1/authenticate`;
      return this.authenticate(this.mtlsHttp ?? this.http, url, undefined, {}, what);
    }
    if (!settings.botKey) throw configError('privateKey', text('runtime.errors.config.rsaKeyRequired'));
    const url = which === 'session'
      ? `${settings.urls.pod}/login/pubkey/authenticate`
      : `${settings.urls.keyManager}/relay/pubkey/authenticate`;
    return this.authenticate(this.http, url, { token: signAuthJwt(settings.botUsername, settings.botKey) }, {}, what);
  }

  private loginApp(): Promise<string> {
    const { appId, appKey, urls } = this.settings;
    if (!appId || !appKey) {
      return Promise.reject(configError(appId ? 'appPrivateKey' : 'appId', text('runtime.errors.config.oboAppRequired')));
    }
    return this.authenticate(this.http, `${urls.pod}/login/pubkey/app/authenticate`, { token: signAuthJwt(appId, appKey) }, {}, text('runtime.errors.auth.oboApp'));
  }

  /** A user's OBO session; when the cached app session is refused, the app logs in again once. */
  private async loginUser(identity: Extract<Identity, { kind: 'obo' }>): Promise<string> {
    const segment = identity.by === 'userId' ? `user/${identity.user}` : `username/${encodeURIComponent(identity.user)}`;
    const url = `${this.settings.urls.pod}/login/pubkey/app/${segment}/authenticate`;
    const what = text(identity.by === 'userId' ? 'runtime.errors.auth.oboUserId' : 'runtime.errors.auth.oboUsername', { user: bounded(String(identity.user)) });
    for (let attempt = 0; ; attempt++) {
      const appToken = await this.appSession.get();
      try {
        return await this.authenticate(this.http, url, undefined, { sessionToken: appToken }, what);
      } catch (err) {
        const appRefused = err instanceof SymphonyError && err.code === 'NOT_AUTHORIZED' && err.status === 401;
        if (!appRefused || attempt > 0) throw err;
        this.appSession.invalidate(appToken);
      }
    }
  }

  private async authenticate(http: HttpClient, url: string, body: unknown, headers: Record<string, string>, what: string): Promise<string> {
    this.stateChange(+1);
    let failure: SymphonyError | undefined;
    try {
      const response = await http.send({ method: 'POST', url, body, headers, idempotent: true, secretAnswer: true });
      const token = (response.data as { token?: unknown } | undefined)?.token;
      if (response.status === 200 && typeof token === 'string' && token) return token;
      failure = authFailure(response, what, url);
      throw failure;
    } catch (err) {
      failure = err instanceof SymphonyError ? err : new SymphonyError('NETWORK', text('runtime.errors.auth.unreachable', { what, error: String(err) }), { operation: 'auth' });
      throw failure;
    } finally {
      this.stateChange(-1, failure);
    }
  }

  private stateChange(delta: number, failure?: SymphonyError): void {
    this.authenticating += delta;
    if (delta > 0 && this.authenticating === 1) this.onState('authenticating');
    if (delta < 0) this.onState(failure ? 'failed' : 'authenticated', failure);
  }
}

function authFailure(response: HttpResponse, what: string, url: string): SymphonyError {
  const symphonyMessage = symphonyMessageOf(response.data);
  const details = { operation: 'auth', status: response.status, symphonyMessage, requestId: requestIdOf(response.headers) };
  const where = bounded(new URL(url).pathname);
  const substitutions = { what, where, status: response.status, reason: symphonyMessage && bounded(symphonyMessage) };
  if (response.status === 401 || response.status === 403) {
    const key = symphonyMessage ? 'runtime.errors.auth.refusedWithReason' : 'runtime.errors.auth.refused';
    return new SymphonyError('NOT_AUTHORIZED', text(key, substitutions), details);
  }
  if (response.status === 200) {
    return new SymphonyError('HTTP_200', text('runtime.errors.auth.noToken', substitutions), details);
  }
  const key = symphonyMessage ? 'runtime.errors.auth.failedWithReason' : 'runtime.errors.auth.failed';
  return new SymphonyError(`HTTP_${response.status}`, text(key, substitutions), details);
}
