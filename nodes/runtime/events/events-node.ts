/**
 * The `symphony-events` node: no input; reads the bot's datafeed through the config node (its client and tokens)
 * and sends one msg per event that passes the filter, on one output or on one output per selected event type.
 * Datafeeds are not OBO-enabled (../shared/seeds/obo-endpoints.txt), so the node always reads as the bot.
 */
import { CLAIM_CREDENTIALS } from './claim-settings';
import { DatafeedApi } from './datafeed-api';
import { DatafeedLoop } from './datafeed-loop';
import { feedPosition } from './datafeed-position';
import { SymphonyError } from '../core/errors';
import { acceptsEvent, parseStreamIds, type EventFilterSettings } from './event-filter';
import { eventMessage, readEvent } from './event-message';
import { DEFAULT_EVENT_TYPES, EVENT_TYPES } from './event-types';
import {
  backoffSettings, DEFAULT_READ_TIMEOUT_MS, feedDelivery, flag, loopReporting, openFeed, positive, REQUEST_TIMEOUT_MS, runFeed, selectedTypes, skippedWarner, typedSender,
  type FeedNodeConfig, type SendingNode,
} from './feed-node';
import type { Translate } from '../core/i18n';
import type { NodeAPI } from '../core/node-red';

import { EVENTS_TYPE } from '../core/node-types';

export { EVENTS_TYPE };

/** Properties of a `symphony-events` node. */
export interface EventsNodeConfig extends FeedNodeConfig {
  streamIds?: string;
  ignoreOwn?: boolean | string;
  mentionsOnly?: boolean | string;
}

/** A tag per node, so a redeploy of the same node finds its feed again (at most 100 characters). */
export function feedTag(config: Pick<EventsNodeConfig, 'tag'>, nodeId: string): string {
  return (config.tag?.trim() || `node-red-${nodeId}`).slice(0, 100);
}

export function registerEventsNode(RED: NodeAPI, t: Translate): void {
  RED.nodes.registerType(EVENTS_TYPE, eventsNodeConstructor(RED, t), { credentials: CLAIM_CREDENTIALS });
}

/** The constructor of the events node type. */
export function eventsNodeConstructor(RED: NodeAPI, t: Translate): (this: SendingNode, config: EventsNodeConfig) => void {
  return function EventsNode(this: SendingNode, config: EventsNodeConfig): void {
    RED.nodes.createNode(this, config);
    const node = this;
    const feed = openFeed(RED, node, EVENTS_TYPE, config, t);
    if (!feed) return;
    const { status, symphony, client, claim } = feed;

    const types = selectedTypes(config.eventTypes, EVENT_TYPES, DEFAULT_EVENT_TYPES);
    const filter: EventFilterSettings = {
      types: new Set(types),
      streamIds: parseStreamIds(config.streamIds),
      ignoreOwn: flag(config.ignoreOwn, true),
      mentionsOnly: flag(config.mentionsOnly, false),
    };
    const send = typedSender(node, types, config.outputMode === 'perType');
    const warnSkipped = skippedWarner(node, t);
    const tag = feedTag(config, node.id);
    const api = new DatafeedApi(client, { requestMs: REQUEST_TIMEOUT_MS, readMs: positive(config.readTimeoutMs, DEFAULT_READ_TIMEOUT_MS) });
    let botUserId: number | undefined;

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
      deliver: feedDelivery((event) => {
        const read = readEvent(event);
        return acceptsEvent(read, filter, botUserId) ? () => send(eventMessage(read), read.type) : undefined;
      }, warnSkipped, claim),
      ...loopReporting(status, warnSkipped),
    });
    runFeed(node, symphony, loop, status, tag, claim);
  };
}
