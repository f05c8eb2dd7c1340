/**
 * The datahose (POST /agent/v5/events/read): a real-time feed of every message and event of the pod, including
 * conversations the bot is not in. There is no feed to create or delete: the agent makes it on the first read and
 * shares it between every reader with the same tag, event types and scopes, spreading the events across them (so
 * several Node-RED instances with the same settings each get a part, none twice). Reads acknowledge like datafeed
 * reads: each answer's ackId is sent back with the next read.
 */
import { agentCall, eventBatch, type EventBatch, type FeedSource } from './datafeed-api';
import type { SymphonyCalls } from '../http/symphony-client';
import { AgentPin } from '../http/agent-pool';

const BOT = { kind: 'bot' } as const;

/** What the agent matches readers of one shared feed on: the same values, the same feed. */
export interface DatahoseSettings {
  eventTypes: readonly string[];
  /** INTERNAL, EXTERNAL, FEDERATED; empty: every scope. */
  scopes: readonly string[];
  /** Whether each read sets the bot AVAILABLE (the agent's default is yes; the node's is no). */
  updatePresence: boolean;
}

export class DatahoseApi implements FeedSource {
  readonly readOperation = 'datahose-read';
  /** The agent this feed is read from: kept while it works (its reads acknowledge its answers), left when it fails. */
  private readonly agent = new AgentPin();

  constructor(
    private readonly client: SymphonyCalls,
    private readonly settings: DatahoseSettings,
    private readonly readTimeoutMs: number,
  ) {}

  /** The feed is the tag: the agent creates it on the first read. */
  async obtain(tag: string): Promise<string> {
    return tag;
  }

  async read(tag: string, ackId: string, signal: AbortSignal): Promise<EventBatch> {
    const { eventTypes, scopes, updatePresence } = this.settings;
    const body: Record<string, unknown> = { type: 'datahose', tag, eventTypes: [...eventTypes], ackId, updatePresence };
    if (scopes.length > 0) body.scopes = [...scopes];
    const response = await this.client.poll(agentCall(this.readOperation, 'POST', '/agent/v5/events/read', body), BOT, signal, this.readTimeoutMs, this.agent);
    return eventBatch(response.data);
  }

  /** A datahose feed cannot be deleted: the agent lets it expire when nobody reads it. */
  async remove(): Promise<void> {
    return undefined;
  }
}
