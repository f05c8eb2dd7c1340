/** The four datafeed v5 calls the loop makes, through the config node's client (the bot's tokens). */
import type { ApiCall } from '../operations/request-builder';
import { text } from '../core/i18n';
import type { SymphonyCalls } from '../http/symphony-client';

const BOT = { kind: 'bot' } as const;

/** One answer of a read: its events as received (each still to be checked, see event-check.ts) and its ackId. */
export interface EventBatch {
  events: unknown[];
  ackId?: string;
}

function call(operation: string, method: string, path: string, body?: unknown, query: Record<string, string> = {}): ApiCall {
  // Agent calls of a bot session carry the key manager token; every datafeed call may be repeated safely.
  return { operation, api: 'agent', method, path, query, body, idempotent: true, needsKeyManager: true };
}

const feedPath = (id: string): string => `/agent/v5/datafeeds/${encodeURIComponent(id)}`;

export class DatafeedApi {
  constructor(private readonly client: SymphonyCalls, private readonly timeouts: { requestMs: number; readMs: number }) {}

  /** The id of the bot's feed with this tag, if one is alive. */
  async find(tag: string, signal: AbortSignal): Promise<string | undefined> {
    const response = await this.client.poll(call('datafeed-list', 'GET', '/agent/v5/datafeeds', undefined, { tag }), BOT, signal, this.timeouts.requestMs);
    const feeds = Array.isArray(response.data) ? response.data as Array<{ id?: unknown }> : [];
    const id = feeds.find((feed) => typeof feed.id === 'string')?.id;
    return typeof id === 'string' ? id : undefined;
  }

  async create(tag: string, signal: AbortSignal): Promise<string> {
    const response = await this.client.poll(call('datafeed-create', 'POST', '/agent/v5/datafeeds', { tag }), BOT, signal, this.timeouts.requestMs);
    const id = (response.data as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string' || !id) throw new Error(text('runtime.errors.events.noFeedId'));
    return id;
  }

  /** A long poll: the agent holds it until events come (about 30 s at most), hence its own, longer timeout. */
  async read(id: string, ackId: string, signal: AbortSignal): Promise<EventBatch> {
    const response = await this.client.poll(call('datafeed-read', 'POST', `${feedPath(id)}/read`, { ackId }), BOT, signal, this.timeouts.readMs);
    const data = (response.data && typeof response.data === 'object' ? response.data : {}) as { events?: unknown; ackId?: unknown };
    return {
      events: Array.isArray(data.events) ? data.events as unknown[] : [],
      ackId: typeof data.ackId === 'string' ? data.ackId : undefined,
    };
  }

  async remove(id: string, signal: AbortSignal): Promise<void> {
    await this.client.poll(call('datafeed-delete', 'DELETE', feedPath(id)), BOT, signal, this.timeouts.requestMs);
  }
}
