/**
 * Presence beyond each user's current category (kept in SimulatorState.presence): who registered interest in
 * which external users, and presence feeds, which return each change once. Changes are numbered, so a feed
 * only needs the number it has read up to.
 */
import { randomUUID } from 'node:crypto';
import type { PresenceCategory, SimPresence } from './model';

interface PresenceFeed {
  ownerId: number;
  /** The change number this feed has returned up to. */
  readUpTo: number;
}

export class PresenceTracking {
  private changeCount = 0;
  /** The number of each user's latest presence change. */
  private readonly lastChange = new Map<number, number>();
  /** Per caller: the external users whose presence they registered interest in. */
  private readonly interest = new Map<number, Set<number>>();
  private readonly feeds = new Map<string, PresenceFeed>();

  recordChange(userId: number): void {
    this.changeCount += 1;
    this.lastChange.set(userId, this.changeCount);
  }

  registerInterest(callerId: number, userIds: readonly number[]): void {
    const set = this.interest.get(callerId) ?? new Set<number>();
    for (const id of userIds) set.add(id);
    this.interest.set(callerId, set);
  }

  hasInterest(callerId: number, userId: number): boolean {
    return this.interest.get(callerId)?.has(userId) ?? false;
  }

  createFeed(ownerId: number): string {
    const id = randomUUID();
    this.feeds.set(id, { ownerId, readUpTo: this.changeCount });
    return id;
  }

  /** True when the feed exists and belongs to that user (another user's feed is as good as unknown). */
  ownsFeed(ownerId: number, feedId: string): boolean {
    return this.feeds.get(feedId)?.ownerId === ownerId;
  }

  deleteFeed(feedId: string): void {
    this.feeds.delete(feedId);
  }

  /**
   * The users (among `candidates`) whose presence changed since the feed's previous read, up to `max`, ordered by
   * change; the feed then counts as read up to the last one returned, so the rest come with the next read.
   */
  readFeed(feedId: string, candidates: (userId: number) => boolean, max: number): number[] {
    const feed = this.feeds.get(feedId);
    if (!feed) return [];
    const changed = [...this.lastChange.entries()]
      .filter(([userId, change]) => change > feed.readUpTo && candidates(userId))
      .sort((a, b) => a[1] - b[1])
      .slice(0, max);
    feed.readUpTo = changed.length === max ? changed[changed.length - 1]![1] : this.changeCount;
    return changed.map(([userId]) => userId);
  }
}

/**
 * Sets a user's presence. A soft update leaves an OFFLINE user OFFLINE (spec: it takes effect when the user comes
 * online); either way the answer is the presence now in force.
 */
/** The part of the simulator's state that presence lives in. */
export interface PresenceHolder {
  readonly presence: Map<number, SimPresence>;
  readonly presenceTracking: PresenceTracking;
}

export function applyPresence(state: PresenceHolder, userId: number, category: PresenceCategory, soft: boolean): void {
  if (soft && state.presence.get(userId)?.category === 'OFFLINE') return;
  state.presence.set(userId, { category, timestamp: Date.now() });
  state.presenceTracking.recordChange(userId);
}
