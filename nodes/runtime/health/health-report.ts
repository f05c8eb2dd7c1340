/**
 * The health node's report, from the agent's extended health (or the failure to get it) and the liveness of the
 * feeds: healthy or not, each service's status, what is down in plain words, and each feed's figures.
 */
import type { SymphonyError } from '../core/errors';
import type { FeedReport, RegisteredFeed } from '../events/feed-registry';
import { feedReport } from '../events/feed-registry';

interface HealthComponent { status?: unknown }
/** The agent's V3Health, as far as the report reads it. */
export interface AgentHealth {
  status?: unknown;
  services?: Record<string, HealthComponent | undefined>;
  users?: Record<string, HealthComponent | undefined>;
}

/** A feed in the report; a chosen feed that is not running has no figures. */
export type FeedHealth = Pick<FeedReport, 'name' | 'type' | 'state' | 'healthy'> & {
  lastReadAt: string | null;
  secondsSinceLastRead: number | null;
  eventsPerMinute: number;
  reconnects: number;
};

export interface HealthReport {
  healthy: boolean;
  /** The agent's own status: UP, DOWN, or UNREACHABLE when it could not be asked. */
  agent: string;
  /** Each service the agent needs (pod, key_manager, datafeed) by name: UP or DOWN. */
  services: Record<string, string>;
  /** The agent's service users (agentservice, ceservice) by name: UP or DOWN. */
  users: Record<string, string>;
  /** What is not UP, in words: "key manager", "ceservice user", "agent". */
  down: string[];
  feeds: FeedHealth[];
  /** Why the agent could not be asked: the error's message, code and HTTP status (no secret is ever in one). */
  error?: { message: string; code: string; status?: number };
}

const statusOf = (component: HealthComponent | undefined): string => (typeof component?.status === 'string' ? component.status : 'UNKNOWN');

function statuses(group: AgentHealth['services']): Record<string, string> {
  return Object.fromEntries(Object.entries(group ?? {}).map(([name, component]) => [name, statusOf(component)]));
}

/** The names of the feeds chosen in the dialog: names or ids, one per line or separated by commas. */
export function chosenFeeds(value: unknown): string[] {
  return typeof value === 'string' ? [...new Set(value.split(/[\n,]+/).map((v) => v.trim()).filter(Boolean))] : [];
}

/** The feeds to report: those chosen (by name or id; one not running is reported as such), else every feed of the config node. */
export function feedsToReport(running: readonly RegisteredFeed[], configId: string, chosen: readonly string[], maxSilenceSeconds: number): FeedHealth[] {
  const report = (feed: RegisteredFeed): FeedHealth => {
    const { name, type, state, healthy, lastReadAt, secondsSinceLastRead, eventsPerMinute, reconnects } = feedReport(feed, maxSilenceSeconds);
    return { name: name || feed.id, type, state, healthy, lastReadAt, secondsSinceLastRead, eventsPerMinute, reconnects };
  };
  if (chosen.length === 0) return running.filter((feed) => feed.configId === configId).map(report);
  return chosen.map((wanted) => {
    const feed = running.find((f) => f.id === wanted) ?? running.find((f) => f.name === wanted);
    return feed ? report(feed) : { name: wanted, type: '', state: 'not running', healthy: false, lastReadAt: null, secondsSinceLastRead: null, eventsPerMinute: 0, reconnects: 0 };
  });
}

/** A component's name in words: key_manager is "key manager", a service user "agentservice user". */
const inWords = (name: string): string => name.replace(/_/g, ' ');

export function healthReport(agent: AgentHealth | SymphonyError, feeds: FeedHealth[], userWord: (name: string) => string): HealthReport {
  const feedsHealthy = feeds.every((feed) => feed.healthy);
  if (agent instanceof Error) {
    return {
      healthy: false, agent: 'UNREACHABLE', services: {}, users: {}, down: ['agent'], feeds,
      error: { message: agent.message, code: agent.code, ...(agent.cause.status ? { status: agent.cause.status } : {}) },
    };
  }
  const services = statuses(agent.services);
  const users = statuses(agent.users);
  const down = [
    ...Object.entries(services).filter(([, status]) => status !== 'UP').map(([name]) => inWords(name)),
    ...Object.entries(users).filter(([, status]) => status !== 'UP').map(([name]) => userWord(name)),
  ];
  const agentStatus = typeof agent.status === 'string' ? agent.status : 'UNKNOWN';
  if (down.length === 0 && agentStatus !== 'UP') down.push('agent');
  return { healthy: down.length === 0 && feedsHealthy, agent: agentStatus, services, users, down, feeds };
}
