/** Issues opaque tokens and looks them up, enforcing the token lifetime. */
import { randomBytes } from 'node:crypto';
import type { AppSession, KeyManagerSession, SimSession, UserSession } from './model';
import type { SimulatorState } from './state';

type Issue<T extends SimSession> = Omit<T, 'token' | 'issuedAt'>;

export class SessionStore {
  constructor(private readonly state: SimulatorState, readonly lifetimeMs: number) {}

  issue(session: Issue<UserSession> | Issue<KeyManagerSession> | Issue<AppSession>): SimSession {
    const full = { ...session, token: randomBytes(48).toString('base64url'), issuedAt: Date.now() } as SimSession;
    this.state.sessions.set(full.token, full);
    return full;
  }

  /** The live session of that kind for a token, or undefined (unknown, invalidated, expired or another kind). */
  find<K extends SimSession['kind']>(token: string | undefined, kind: K): Extract<SimSession, { kind: K }> | undefined {
    if (!token) return undefined;
    const session = this.state.sessions.get(token);
    if (!session || session.kind !== kind) return undefined;
    if (Date.now() - session.issuedAt >= this.lifetimeMs) {
      this.state.sessions.delete(token);
      return undefined;
    }
    return session as Extract<SimSession, { kind: K }>;
  }

  expireAll(): void {
    this.state.sessions.clear();
  }
}
