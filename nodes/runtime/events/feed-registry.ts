/**
 * The feeds (events and datahose nodes) running in this Node-RED, with their liveness: what the liveness admin
 * route and the health node read. A node adds itself when created and removes itself on close. Loaded at start by
 * the admin route, so it imports nothing.
 */
import type { FeedLiveness } from './feed-liveness';

export interface RegisteredFeed {
  id: string;
  name: string;
  type: string;
  /** The id of its config node. */
  configId: string;
  liveness: FeedLiveness;
}

const feeds = new Map<string, RegisteredFeed>();

export function addFeed(feed: RegisteredFeed): void {
  feeds.set(feed.id, feed);
}

/** Removes the node's entry, unless a newer node of the same id (a redeploy) has replaced it. */
export function removeFeed(feed: RegisteredFeed): void {
  if (feeds.get(feed.id) === feed) feeds.delete(feed.id);
}

export function runningFeeds(): RegisteredFeed[] {
  return [...feeds.values()];
}

/** A feed as the liveness route and the health node report it: no tag, feed id or anything of the config node. */
export interface FeedReport {
  id: string;
  name: string;
  type: string;
  lastReadAt: string | null;
  secondsSinceLastRead: number;
  eventsPerMinute: number;
  reconnects: number;
  state: string;
  healthy: boolean;
}

export function feedReport(feed: RegisteredFeed, maxSilenceSeconds: number): FeedReport {
  const figures = feed.liveness.figures();
  return {
    id: feed.id,
    name: feed.name,
    type: feed.type,
    lastReadAt: figures.lastReadAt === undefined ? null : new Date(figures.lastReadAt).toISOString(),
    secondsSinceLastRead: figures.secondsSinceLastRead,
    eventsPerMinute: figures.eventsPerMinute,
    reconnects: figures.reconnects,
    state: figures.state,
    healthy: feed.liveness.healthy(maxSilenceSeconds),
  };
}

/** The default and the bounds of "silent too long", in seconds: above a real agent's 30 s long poll. */
export const DEFAULT_MAX_SILENCE_SECONDS = 120;
export const MAX_SILENCE_BOUNDS = { min: 1, max: 86_400 } as const;
