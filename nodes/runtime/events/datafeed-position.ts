/**
 * Where a feed's reader stands: the feed id, the ackId of the last answer, and the keys of recent events. Kept per
 * config node and tag for the life of the Node-RED process, so a redeployed events node continues exactly where
 * the previous one stopped (same feed, same ackId: no event re-delivered, none skipped).
 */
import type { DatafeedEvent } from './event-types';

export class RecentKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** True when the key is new (and remembers it); the oldest keys are forgotten past the capacity. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    return true;
  }
}

/**
 * What tells the same event seen twice (the agent repeating an answer that was not acknowledged) from two events:
 * its id, type and timestamp together. An event id alone is not enough: distinct events may share one. Events
 * without an id cannot be told apart and are never taken for repeats.
 */
export function repeatKey(event: DatafeedEvent): string | undefined {
  return typeof event.id === 'string' ? JSON.stringify([event.id, event.type, event.timestamp ?? null]) : undefined;
}

export interface FeedPosition {
  feedId?: string;
  ackId: string;
  /** Repeat keys of events already delivered: an answer repeated after a lost response is not delivered twice. */
  seen: RecentKeys;
}

const RECENT_EVENTS = 5_000;
const positions = new Map<string, FeedPosition>();

export function feedPosition(configId: string, tag: string): FeedPosition {
  const key = `${configId}\u0000${tag}`;
  let position = positions.get(key);
  if (!position) {
    position = { ackId: '', seen: new RecentKeys(RECENT_EVENTS) };
    positions.set(key, position);
  }
  return position;
}

/** The feed was deleted with its node: a node made later with the same tag starts afresh. */
export function forgetFeedPosition(configId: string, tag: string): void {
  positions.delete(`${configId}\u0000${tag}`);
}
