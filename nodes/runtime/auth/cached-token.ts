import { SingleFlight } from './single-flight';
import { isSymphonyError } from '../core/errors';

/**
 * One token (bot session, key manager, app session, or one user's OBO session): fetched lazily, shared by all
 * callers, fetched by a single in-flight request however many callers arrive at once. A rejected login is
 * remembered for `failureHoldMs` so a burst of messages cannot turn into a burst of logins.
 */
export class CachedToken {
  private value: string | undefined;
  private readonly flight = new SingleFlight<string>();
  private heldFailure: { error: Error; until: number } | undefined;

  constructor(private readonly fetch: () => Promise<string>, private readonly failureHoldMs: number) {}

  get(): Promise<string> {
    if (this.value !== undefined) return Promise.resolve(this.value);
    if (this.heldFailure && Date.now() < this.heldFailure.until) return Promise.reject(this.heldFailure.error);
    return this.flight.run(async () => {
      try {
        const token = await this.fetch();
        this.value = token;
        this.heldFailure = undefined;
        return token;
      } catch (err) {
        if (isSymphonyError(err) && err.code === 'NOT_AUTHORIZED') {
          this.heldFailure = { error: err, until: Date.now() + this.failureHoldMs };
        }
        throw err;
      }
    });
  }

  /** Drops the token if it is still the one that was refused; a newer token fetched meanwhile stays. */
  invalidate(stale: string | undefined): void {
    if (stale !== undefined && this.value === stale) this.value = undefined;
  }

  get current(): string | undefined {
    return this.value;
  }
}
