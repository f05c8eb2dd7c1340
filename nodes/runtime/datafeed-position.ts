/**
 * Where a feed's reader stands: the feed id, the ackId of the last answer, and the ids of recent events. Kept per
 * config node and tag for the life of the Node-RED process, so a redeployed events node continues exactly where
 * the previous one stopped (same feed, same ackId: no event re-delivered, none skipped).
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** True when the id is new (and remembers it); the oldest ids are forgotten past the capacity. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}

export interface FeedPosition {
  feedId?: string;
  ackId: string;
  /** Ids of events already delivered: an answer repeated after a lost response is not delivered twice. */
  seen: RecentIds;
}

const RECENT_IDS = 5_000;
const positions = new Map<string, FeedPosition>();

export function feedPosition(configId: string, tag: string): FeedPosition {
  const key = `${configId}\u0000${tag}`;
  let position = positions.get(key);
  if (!position) {
    position = { ackId: '', seen: new RecentIds(RECENT_IDS) };
    positions.set(key, position);
  }
  return position;
}

/** The feed was deleted with its node: a node made later with the same tag starts afresh. */
export function forgetFeedPosition(configId: string, tag: string): void {
  positions.delete(`${configId}\u0000${tag}`);
}
