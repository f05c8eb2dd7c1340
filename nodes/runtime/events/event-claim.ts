/**
 * The shared claim as an event source node uses it: which events of an answer this instance delivers. An event is
 * delivered when this instance claimed its id, or when the claim is unavailable (Redis unreachable: at least once,
 * never lost), or when it has no id; it is skipped, and counted, when another instance claimed it first. The node
 * warns once per outage and shows it in its status.
 */
import type { RedisClaimSettings } from './claim-settings';
import type { EventsStatus } from './events-status';
import { RedisClaim, type CreateRedisClient } from './redis-claim';
import type { Translate } from '../core/i18n';
import type { Node } from '../core/node-red';

export interface EventClaim {
  /** The items to deliver, in order: claimed by this instance, unclaimable, or without id. */
  select<T>(items: readonly T[], idOf: (item: T) => string | undefined): Promise<T[]>;
  close(): void;
}

export function eventClaim(node: Node, settings: RedisClaimSettings, status: EventsStatus, t: Translate, createClient?: CreateRedisClient): EventClaim {
  let outage: string | undefined;
  const health = {
    up: (): void => {
      if (outage === undefined) return;
      outage = undefined;
      node.log(t('runtime.events.warnings.claimBack'));
      status.claimState(undefined);
    },
    down: (reason: string): void => {
      if (outage === undefined) node.warn(t('runtime.events.warnings.claimDown', { reason }));
      outage = reason;
      status.claimState(reason);
    },
  };
  const redis = new RedisClaim(settings, health, undefined, createClient);
  return {
    async select(items, idOf) {
      const ids = [...new Set(items.map(idOf).filter((id): id is string => id !== undefined))];
      if (ids.length === 0) return [...items];
      const outcomes = await redis.claim(ids);
      const taken = new Set(ids.filter((_, i) => outcomes[i] === 'taken'));
      if (taken.size === 0) return [...items];
      const chosen = items.filter((item) => {
        const id = idOf(item);
        return id === undefined || !taken.has(id);
      });
      status.claimSkipped(items.length - chosen.length);
      return chosen;
    },
    close: () => redis.close(),
  };
}
