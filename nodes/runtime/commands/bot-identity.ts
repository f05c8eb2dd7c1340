/**
 * The bot's user id and display name (GET /pod/v2/sessioninfo), asked once per config node and shared by every
 * command node that uses it; a failed answer is not kept, so the next message asks again.
 */
import { SymphonyError } from '../core/errors';
import { text } from '../core/i18n';
import type { SymphonyCalls } from '../http/symphony-client';

export interface BotIdentity {
  id: number;
  displayName?: string;
}

const known = new WeakMap<SymphonyCalls, Promise<BotIdentity>>();

async function ask(client: SymphonyCalls): Promise<BotIdentity> {
  const call = { operation: 'sessioninfo', api: 'pod' as const, method: 'GET', path: '/pod/v2/sessioninfo', query: {}, idempotent: true, needsKeyManager: false };
  const data = (await client.execute(call, { kind: 'bot' })).data as { id?: unknown; displayName?: unknown } | undefined;
  if (typeof data?.id !== 'number') throw new SymphonyError('HTTP_200', text('runtime.errors.events.noBotId'), { operation: 'sessioninfo' });
  return { id: data.id, ...(typeof data.displayName === 'string' && data.displayName ? { displayName: data.displayName } : {}) };
}

export function botIdentity(client: SymphonyCalls): Promise<BotIdentity> {
  let pending = known.get(client);
  if (!pending) {
    pending = ask(client);
    known.set(client, pending);
    pending.catch(() => known.delete(client));
  }
  return pending;
}
