/**
 * The `symphony-events` node: no input; reads the bot's datafeed through the config node (its client and tokens)
 * and sends one msg per event that passes the filter, on one output or on one output per selected event type.
 * Datafeeds are not OBO-enabled (../shared/seeds/obo-endpoints.txt), so the node always reads as the bot.
 */
import type { ConfigUser, SymphonyConfigNode } from '../config/config-node';
import { DatafeedApi } from './datafeed-api';
import { DEFAULT_BACKOFF, type BackoffSettings } from './datafeed-backoff';
import { DatafeedLoop, type SkippedEvent } from './datafeed-loop';
import { feedPosition, forgetFeedPosition } from './datafeed-position';
import { SymphonyError } from '../core/errors';
import { acceptsEvent, parseStreamIds, type EventFilterSettings } from './event-filter';
import { quotedEventId } from './event-check';
import { eventMessage, readEvent } from './event-message';
import { DEFAULT_EVENT_TYPES, isEventType, type EventType } from './event-types';
import { EventsStatus } from './events-status';
import type { Translate } from '../core/i18n';
import type { Node, NodeAPI, NodeMessage, SendFn } from '../core/node-red';

/** A node without input sends with its own send(). */
type SendingNode = Node & { send: SendFn };

export const EVENTS_TYPE = 'symphony-events';

/** Properties of a `symphony-events` node; the last four are for tests and tuning (flow JSON only). */
export interface EventsNodeConfig {
  name?: string;
  config?: string;
  eventTypes?: string[] | string;
  streamIds?: string;
  ignoreOwn?: boolean | string;
  mentionsOnly?: boolean | string;
  tag?: string;
  outputMode?: 'single' | 'perType';
  backoffInitialMs?: number | string;
  backoffFactor?: number | string;
  backoffMaxMs?: number | string;
  readTimeoutMs?: number | string;
}

/** Above the 30 s a real agent holds a read open. */
export const DEFAULT_READ_TIMEOUT_MS = 45_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** Close must end well inside Node-RED's limit: deleting a removed node's feed waits this long at most. */
const DELETE_TIMEOUT_MS = 1_500;

const flag = (value: unknown, fallback: boolean): boolean => (value === undefined || value === '' ? fallback : value === true || value === 'true');

function positive(value: unknown, fallback: number): number {
  const n = Number(value);
  return value === undefined || value === '' || !Number.isFinite(n) || n <= 0 ? fallback : n;
}

export function selectedTypes(value: EventsNodeConfig['eventTypes']): EventType[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const types = [...new Set(list.map((v) => String(v).trim().toUpperCase()).filter(isEventType))];
  return types.length > 0 ? types : [...DEFAULT_EVENT_TYPES];
}

/** A tag per node, so a redeploy of the same node finds its feed again (at most 100 characters). */
export function feedTag(config: EventsNodeConfig, nodeId: string): string {
  return (config.tag?.trim() || `node-red-${nodeId}`).slice(0, 100);
}

function backoffSettings(config: EventsNodeConfig): BackoffSettings {
  return {
    initialMs: positive(config.backoffInitialMs, DEFAULT_BACKOFF.initialMs),
    factor: Math.max(1, positive(config.backoffFactor, DEFAULT_BACKOFF.factor)),
    maxMs: positive(config.backoffMaxMs, DEFAULT_BACKOFF.maxMs),
  };
}

export function registerEventsNode(RED: NodeAPI, t: Translate): void {
  function EventsNode(this: SendingNode, config: EventsNodeConfig): void {
    RED.nodes.createNode(this, config);
    const node = this;
    const symphony = (config.config ? RED.nodes.getNode(config.config) : null) as SymphonyConfigNode | null;
    const status = new EventsStatus(node, t, symphony?.simulated === true);
    const client = symphony?.client;
    if (!symphony || !client) {
      status.failed(symphony?.startupError
        ? t('runtime.status.configInvalid', { field: symphony.startupError.cause.field ?? '' })
        : t('runtime.status.noConfig'));
      return;
    }

    const types = selectedTypes(config.eventTypes);
    const filter: EventFilterSettings = {
      types: new Set(types),
      streamIds: parseStreamIds(config.streamIds),
      ignoreOwn: flag(config.ignoreOwn, true),
      mentionsOnly: flag(config.mentionsOnly, false),
    };
    const perType = config.outputMode === 'perType';
    const tag = feedTag(config, node.id);
    const api = new DatafeedApi(client, { requestMs: REQUEST_TIMEOUT_MS, readMs: positive(config.readTimeoutMs, DEFAULT_READ_TIMEOUT_MS) });
    let botUserId: number | undefined;

    const send = (msg: NodeMessage, type: EventType): void => {
      if (!perType) {
        node.send(msg);
        return;
      }
      const outputs: Array<NodeMessage | null> = types.map(() => null);
      outputs[types.indexOf(type)] = msg;
      node.send(outputs);
    };

    const warnSkipped = ({ id, problem }: SkippedEvent): void => {
      node.warn(id === undefined ? t('runtime.events.warnings.skippedNoId', { problem }) : t('runtime.events.warnings.skipped', { id, problem }));
    };

    const loop = new DatafeedLoop({
      api,
      tag,
      position: feedPosition(symphony.id, tag),
      backoff: backoffSettings(config),
      // The bot's user id tells its own messages and its mentions apart.
      prepare: async (signal) => {
        if (!filter.ignoreOwn && !filter.mentionsOnly) return;
        const call = { operation: 'sessioninfo', api: 'pod' as const, method: 'GET', path: '/pod/v2/sessioninfo', query: {}, idempotent: true, needsKeyManager: false };
        const response = await client.poll(call, { kind: 'bot' }, signal, REQUEST_TIMEOUT_MS);
        const id = (response.data as { id?: unknown } | undefined)?.id;
        if (typeof id !== 'number') throw new SymphonyError('HTTP_200', t('runtime.errors.events.noBotId'), { operation: 'sessioninfo' });
        botUserId = id;
      },
      deliver: (events) => {
        for (const event of events) {
          // One event that cannot be sent never keeps the others of its answer from the flow.
          try {
            const read = readEvent(event);
            if (acceptsEvent(read, filter, botUserId)) send(eventMessage(read), read.type);
          } catch (err) {
            warnSkipped({ id: quotedEventId(event), problem: String(err instanceof Error ? err.message : err).slice(0, 200) });
          }
        }
      },
      onSkipped: (skipped) => warnSkipped(skipped),
      onState: (state, error) => status.loopState(state, error),
    });
    const user: ConfigUser = { onAuthState: (state) => status.authState(state) };
    symphony.register(user);
    loop.start();

    node.on('close', (removed, done) => {
      symphony.deregister(user);
      const finish = async (): Promise<void> => {
        await loop.stop();
        if (removed) {
          await loop.deleteFeed(DELETE_TIMEOUT_MS);
          forgetFeedPosition(symphony.id, tag);
        }
      };
      finish().catch(() => undefined).finally(() => done());
    });
  }

  RED.nodes.registerType(EVENTS_TYPE, EventsNode);
}
