/**
 * The feeds the loop reads: the bot's datafeed (v5: find or create by tag, read, delete) and the datahose (one
 * read call that creates the shared feed on first use). Both go through the config node's client (the bot's tokens).
 */
import type { ApiCall } from '../operations/request-builder';
import { text } from '../core/i18n';
import type { SymphonyCalls } from '../http/symphony-client';
import { AgentPin } from '../http/agent-pool';

const BOT = { kind: 'bot' } as const;

/** One answer of a read: its events as received (each still to be checked, see event-check.ts) and its ackId. */
export interface EventBatch {
  events: unknown[];
  ackId?: string;
}

export function agentCall(operation: string, method: string, path: string, body?: unknown, query: Record<string, string> = {}): ApiCall {
  // Agent calls of a bot session carry the key manager token; every datafeed call may be repeated safely.
  return { operation, api: 'agent', method, path, query, body, idempotent: true, needsKeyManager: true };
}

const feedPath = (id: string): string => `/agent/v5/datafeeds/${encodeURIComponent(id)}`;

/** What the loop needs from a feed: obtain one to read, read it (long poll), delete it. */
export interface FeedSource {
  /** The operation id of a read: a 400 or 404 to it means the feed (or its ackId) is gone. */
  readonly readOperation: string;
  /** The id of a feed to read with this tag: the live one, else a new one. */
  obtain(tag: string, signal: AbortSignal): Promise<string>;
  read(id: string, ackId: string, signal: AbortSignal): Promise<EventBatch>;
  remove(id: string, signal: AbortSignal): Promise<void>;
}

/** The events and ackId of a read answer, whatever else it holds. */
export function eventBatch(data: unknown): EventBatch {
  const answer = (data && typeof data === 'object' ? data : {}) as { events?: unknown; ackId?: unknown };
  return {
    events: Array.isArray(answer.events) ? answer.events as unknown[] : [],
    ackId: typeof answer.ackId === 'string' ? answer.ackId : undefined,
  };
}

export class DatafeedApi implements FeedSource {
  readonly readOperation = 'datafeed-read';
  /** The agent this feed is read from: kept while it works (its reads acknowledge its answers), left when it fails. */
  private readonly agent = new AgentPin();

  constructor(private readonly client: SymphonyCalls, private readonly timeouts: { requestMs: number; readMs: number }) {}

  /** The id of the bot's feed with this tag, if one is alive. */
  async find(tag: string, signal: AbortSignal): Promise<string | undefined> {
    const response = await this.client.poll(agentCall('datafeed-list', 'GET', '/agent/v5/datafeeds', undefined, { tag }), BOT, signal, this.timeouts.requestMs, this.agent);
    const feeds = Array.isArray(response.data) ? response.data as Array<{ id?: unknown }> : [];
    const id = feeds.find((feed) => typeof feed.id === 'string')?.id;
    return typeof id === 'string' ? id : undefined;
  }

  async obtain(tag: string, signal: AbortSignal): Promise<string> {
    return (await this.find(tag, signal)) ?? this.create(tag, signal);
  }

  async create(tag: string, signal: AbortSignal): Promise<string> {
    const response = await this.client.poll(agentCall('datafeed-create', 'POST', '/agent/v5/datafeeds', { tag }), BOT, signal, this.timeouts.requestMs, this.agent);
    const id = (response.data as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string' || !id) throw new Error(text('runtime.errors.events.noFeedId'));
    return id;
  }

  /** A long poll: the agent holds it until events come (about 30 s at most), hence its own, longer timeout. */
  async read(id: string, ackId: string, signal: AbortSignal): Promise<EventBatch> {
    const response = await this.client.poll(agentCall(this.readOperation, 'POST', `${feedPath(id)}/read`, { ackId }), BOT, signal, this.timeouts.readMs, this.agent);
    return eventBatch(response.data);
  }

  async remove(id: string, signal: AbortSignal): Promise<void> {
    await this.client.poll(agentCall('datafeed-delete', 'DELETE', feedPath(id)), BOT, signal, this.timeouts.requestMs, this.agent);
  }
}
