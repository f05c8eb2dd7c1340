/**
 * The shared claim of the event source nodes, as set in their dialog: none, or a Redis key per event id that one
 * instance of a fleet (several Node-RED processes reading one feed by tag) takes before it delivers the event.
 */
import { configError } from '../core/errors';
import { text } from '../core/i18n';

/** The claim fields of an events or datahose node (flow JSON); the password is a credential. */
export interface ClaimConfig {
  claim?: string;
  redisUrl?: string;
  claimPrefix?: string;
  /** Hours a claim is kept; within them an event id is delivered once across the fleet. */
  claimExpiry?: number | string;
}

/** The node's `password` credentials (never in the flow JSON or its exports). */
export const CLAIM_CREDENTIALS = { redisPassword: { type: 'password' } } as const;

export const CLAIM_KINDS = ['none', 'redis'] as const;
export const DEFAULT_CLAIM_PREFIX = 'symphony:event:';
export const DEFAULT_CLAIM_EXPIRY_HOURS = 24;
const MAX_CLAIM_EXPIRY_HOURS = 24 * 366;
const MAX_PREFIX = 200;

export interface RedisClaimSettings {
  /** redis:// or rediss://, without a password. */
  url: string;
  password?: string;
  prefix: string;
  expiryMs: number;
}

function redisUrl(value: string | undefined): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw configError('redisUrl', text('runtime.errors.claim.urlRequired'));
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    // The value is not echoed: it may hold a password.
    throw configError('redisUrl', text('runtime.errors.claim.notUrl'));
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw configError('redisUrl', text('runtime.errors.claim.urlScheme'));
  // A password in the URL would be saved in clear in the flow and its exports: it belongs in redisPassword.
  if (url.password) throw configError('redisUrl', text('runtime.errors.claim.urlPassword'));
  return url.href;
}

function expiryMs(value: ClaimConfig['claimExpiry']): number {
  if (value === undefined || value === '') return DEFAULT_CLAIM_EXPIRY_HOURS * 3_600_000;
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_CLAIM_EXPIRY_HOURS) {
    throw configError('claimExpiry', text('runtime.errors.claim.expiry', { max: MAX_CLAIM_EXPIRY_HOURS }));
  }
  return Math.max(1, Math.round(hours * 3_600_000));
}

function prefix(value: string | undefined): string {
  if (value === undefined || value === '') return DEFAULT_CLAIM_PREFIX;
  if (value.length > MAX_PREFIX || /\s/.test(value)) throw configError('claimPrefix', text('runtime.errors.claim.prefix', { max: MAX_PREFIX }));
  return value;
}

/** The Redis claim the node is set to take, undefined for none; a setting that cannot work throws, naming its field. */
export function claimSettings(config: ClaimConfig, credentials: Record<string, string | undefined> | undefined): RedisClaimSettings | undefined {
  const kind = config.claim ?? '';
  if (kind === '' || kind === 'none') return undefined;
  if (kind !== 'redis') throw configError('claim', text('runtime.errors.claim.kind'));
  return {
    url: redisUrl(config.redisUrl),
    password: credentials?.redisPassword || undefined,
    prefix: prefix(config.claimPrefix),
    expiryMs: expiryMs(config.claimExpiry),
  };
}
