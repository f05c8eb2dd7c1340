/**
 * The `symphony-datahose` node: no input; reads the pod's datahose (every message and event of the pod, also in
 * conversations the bot is not in) and sends one msg per event, on one output or one per selected type. Nodes,
 * in one Node-RED or several, with the same tag, types and scopes share one feed: the agent spreads its events
 * across them. The datahose is a paid add-on of the pod; without it the agent refuses the read (403) and the node
 * shows it, trying again at the backoff's pace.
 */
import { CLAIM_CREDENTIALS } from './claim-settings';
import { DatafeedLoop } from './datafeed-loop';
import { feedPosition } from './datafeed-position';
import { DatahoseApi } from './datahose-api';
import { eventMessage, readEvent } from './event-message';
import { DATAHOSE_EVENT_TYPES, DATAHOSE_SCOPES, DEFAULT_EVENT_TYPES } from './event-types';
import {
  backoffSettings, DEFAULT_READ_TIMEOUT_MS, feedDelivery, flag, loopReporting, openFeed, positive, runFeed, selectedTypes, skippedWarner, typedSender,
  type FeedNodeConfig, type SendingNode,
} from './feed-node';
import type { Translate } from '../core/i18n';
import type { NodeAPI } from '../core/node-red';

import { DATAHOSE_TYPE } from '../core/node-types';

export { DATAHOSE_TYPE };

/** The agent's limit on a datahose tag (V5EventsReadBody.tag). */
export const MAX_DATAHOSE_TAG = 80;

/** Properties of a `symphony-datahose` node. */
export interface DatahoseNodeConfig extends FeedNodeConfig {
  scopes?: string[] | string;
  updatePresence?: boolean | string;
}

/** The node's tag: the one set, else one per node (so a redeploy reads on), cut to the agent's limit. */
export function datahoseTag(config: Pick<DatahoseNodeConfig, 'tag'>, nodeId: string): string {
  return (config.tag?.trim() || `node-red-${nodeId}`).slice(0, MAX_DATAHOSE_TAG);
}

export function selectedScopes(value: DatahoseNodeConfig['scopes']): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const known: readonly string[] = DATAHOSE_SCOPES;
  return [...new Set(list.map((v) => String(v).trim().toUpperCase()).filter((v) => known.includes(v)))];
}

export function registerDatahoseNode(RED: NodeAPI, t: Translate): void {
  RED.nodes.registerType(DATAHOSE_TYPE, datahoseNodeConstructor(RED, t), { credentials: CLAIM_CREDENTIALS });
}

/** The constructor of the datahose node type. */
export function datahoseNodeConstructor(RED: NodeAPI, t: Translate): (this: SendingNode, config: DatahoseNodeConfig) => void {
  return function DatahoseNode(this: SendingNode, config: DatahoseNodeConfig): void {
    RED.nodes.createNode(this, config);
    const node = this;
    const feed = openFeed(RED, node, DATAHOSE_TYPE, config, t);
    if (!feed) return;
    const { status, symphony, client, claim } = feed;

    const types = selectedTypes(config.eventTypes, DATAHOSE_EVENT_TYPES, DEFAULT_EVENT_TYPES);
    const send = typedSender(node, types, config.outputMode === 'perType');
    const warnSkipped = skippedWarner(node, t);
    const tag = datahoseTag(config, node.id);
    const api = new DatahoseApi(client, {
      eventTypes: types,
      scopes: selectedScopes(config.scopes),
      updatePresence: flag(config.updatePresence, false),
    }, positive(config.readTimeoutMs, DEFAULT_READ_TIMEOUT_MS));

    const loop = new DatafeedLoop({
      api,
      tag,
      // Apart from the datafeeds of events nodes with the same tag.
      position: feedPosition(symphony.id, `datahose\u0000${tag}`),
      backoff: backoffSettings(config),
      // The agent sends only the selected types; anything else is not what the node was set to pass on.
      deliver: feedDelivery((event) => {
        if (!types.includes(event.type)) return undefined;
        const msg = eventMessage(readEvent(event));
        return () => send(msg, event.type);
      }, warnSkipped, claim),
      ...loopReporting(status, warnSkipped),
    });
    runFeed(node, symphony, loop, status, `datahose\u0000${tag}`, claim);
  };
}
