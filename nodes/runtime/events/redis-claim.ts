/**
 * One Redis connection per node for the shared claim: `SET <prefix><eventId> <instance> NX PX <expiry>` succeeds
 * for exactly one instance of the fleet. `@redis/client` is an optional dependency, loaded only when a node uses
 * the claim. Nothing here waits long: a claim gets an answer, a refusal or `unavailable` within COMMAND_TIMEOUT_MS,
 * and close() drops the connection at once.
 */
import { hostname } from 'node:os';
import { configError } from '../core/errors';
import { text } from '../core/i18n';
import type { RedisClaimSettings } from './claim-settings';

/** What the node uses of @redis/client's client. */
interface RedisConnection {
  on(event: 'error', listener: (err: unknown) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
  connect(): Promise<unknown>;
  sendCommand(args: string[]): Promise<unknown>;
  destroy(): void;
  readonly isReady: boolean;
}

export type CreateRedisClient = (options: Record<string, unknown>) => RedisConnection;

/** An answer within this, or the claim counts as unavailable (and the event is delivered). */
export const COMMAND_TIMEOUT_MS = 2_000;
const CONNECT_TIMEOUT_MS = 2_000;
const MAX_RECONNECT_PAUSE_MS = 3_000;

/** Loads @redis/client, or throws a configuration error saying to install it. */
export function loadRedisClient(): CreateRedisClient {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('@redis/client') as { createClient: CreateRedisClient }).createClient;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'MODULE_NOT_FOUND') throw configError('claim', text('runtime.errors.claim.noClient'));
    throw err;
  }
}

/** This process, as the value of the keys it claims (a killed instance's claims can be told apart). */
export function instanceName(): string {
  return `${hostname()}:${process.pid}`;
}

export type ClaimOutcome = 'claimed' | 'taken' | 'unavailable';

export interface ClaimHealth {
  up(): void;
  down(reason: string): void;
}

/** A short reason for a status or warning: an error code or name, never the password. */
export function failureReason(err: unknown, password: string | undefined): string {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  // Redis's own refusals start with their code: WRONGPASS, NOAUTH, NOPERM, LOADING...
  const refusal = /^[A-Z]{3,}\b/.exec(message)?.[0];
  const name = err instanceof Error && err.name !== 'Error' ? err.name : undefined;
  const raw = typeof code === 'string' ? code : refusal ?? name ?? message;
  const short = raw.slice(0, 80);
  return password ? short.split(password).join('***') : short;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class RedisClaim {
  private readonly client: RedisConnection;
  /** Settles at the first ready or error: claims wait for it at start rather than go unclaimed. */
  private readonly firstContact: Promise<void>;
  private closed = false;

  constructor(
    private readonly settings: RedisClaimSettings,
    private readonly health: ClaimHealth,
    readonly instance = instanceName(),
    createClient: CreateRedisClient = loadRedisClient(),
  ) {
    this.client = createClient({
      url: settings.url,
      password: settings.password,
      // A command while disconnected fails at once: events are then delivered unclaimed, not held.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        reconnectStrategy: (retries: number) => Math.min(250 * (retries + 1), MAX_RECONNECT_PAUSE_MS),
      },
    });
    let contact: () => void = () => undefined;
    this.firstContact = new Promise((resolve) => {
      contact = resolve;
    });
    this.client.on('error', (err) => {
      contact();
      if (!this.closed) health.down(failureReason(err, settings.password));
    });
    this.client.on('ready', () => {
      contact();
      if (!this.closed) health.up();
    });
    // Failures come as 'error' events too; the client keeps reconnecting until close().
    this.client.connect().catch(() => undefined);
  }

  /** Claims each id for this instance; the outcome of each, in order. */
  async claim(ids: readonly string[]): Promise<ClaimOutcome[]> {
    if (!this.client.isReady) await withTimeout(this.firstContact, COMMAND_TIMEOUT_MS).catch(() => undefined);
    const { prefix, expiryMs, password } = this.settings;
    const expiry = String(expiryMs);
    const answers = await Promise.allSettled(ids.map((id) =>
      withTimeout(this.client.sendCommand(['SET', `${prefix}${id}`, this.instance, 'NX', 'PX', expiry]), COMMAND_TIMEOUT_MS)));
    const failure = answers.find((a): a is PromiseRejectedResult => a.status === 'rejected');
    if (!this.closed) {
      if (failure) this.health.down(failureReason(failure.reason, password));
      else if (answers.length > 0) this.health.up();
    }
    return answers.map((a) => (a.status === 'rejected' ? 'unavailable' : a.value === null ? 'taken' : 'claimed'));
  }

  /** Drops the connection at once (a command under way is refused), whether Redis answers or not. */
  close(): void {
    this.closed = true;
    try {
      this.client.destroy();
    } catch {
      // Already closed.
    }
  }
}
