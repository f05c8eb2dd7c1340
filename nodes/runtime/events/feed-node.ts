/**
 * What the two event source nodes (events: the bot's datafeed; datahose: the whole pod) share: reading their
 * settings, sending on one output or one per type, reporting skipped events, and closing in time.
 */
import type { ConfigUser, SymphonyConfigNode } from '../config/config-node';
import { claimSettings, type ClaimConfig } from './claim-settings';
import { eventClaim, type EventClaim } from './event-claim';
import { DEFAULT_BACKOFF, type BackoffSettings } from './datafeed-backoff';
import type { DatafeedLoop, DatafeedLoopOptions, SkippedEvent } from './datafeed-loop';
import { forgetFeedPosition } from './datafeed-position';
import { quotedEventId } from './event-check';
import { isEventType, type DatafeedEvent, type EventType } from './event-types';
import { EventsStatus } from './events-status';
import { FeedLiveness } from './feed-liveness';
import { addFeed, removeFeed } from './feed-registry';
import type { Translate } from '../core/i18n';
import type { Node, NodeAPI, NodeMessage, SendFn } from '../core/node-red';

/** A node without input sends with its own send(). */
export type SendingNode = Node & { send: SendFn };

/** Settings both nodes have (with the shared claim's); the last four are for tests and tuning (flow JSON only). */
export interface FeedNodeConfig extends ClaimConfig {
  name?: string;
  config?: string;
  eventTypes?: string[] | string;
  tag?: string;
  outputMode?: 'single' | 'perType';
  backoffInitialMs?: number | string;
  backoffFactor?: number | string;
  backoffMaxMs?: number | string;
  readTimeoutMs?: number | string;
}

/** Above the 30 s a real agent holds a read open. */
export const DEFAULT_READ_TIMEOUT_MS = 45_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** Close must end well inside Node-RED's limit: deleting a removed node's feed waits this long at most. */
const DELETE_TIMEOUT_MS = 1_500;

export const flag = (value: unknown, fallback: boolean): boolean => (value === undefined || value === '' ? fallback : value === true || value === 'true');

export function positive(value: unknown, fallback: number): number {
  const n = Number(value);
  return value === undefined || value === '' || !Number.isFinite(n) || n <= 0 ? fallback : n;
}

/** The selected types among `allowed`, in the order given; none valid: `fallback`. */
export function selectedTypes(value: FeedNodeConfig['eventTypes'], allowed: readonly EventType[], fallback: readonly EventType[]): EventType[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const types = [...new Set(list.map((v) => String(v).trim().toUpperCase()).filter((v): v is EventType => isEventType(v) && allowed.includes(v)))];
  return types.length > 0 ? types : [...fallback];
}

export function backoffSettings(config: FeedNodeConfig): BackoffSettings {
  return {
    initialMs: positive(config.backoffInitialMs, DEFAULT_BACKOFF.initialMs),
    factor: Math.max(1, positive(config.backoffFactor, DEFAULT_BACKOFF.factor)),
    maxMs: positive(config.backoffMaxMs, DEFAULT_BACKOFF.maxMs),
  };
}

/**
 * The node's status, which keeps its liveness figures, listed for the liveness route and the health node while the
 * node runs (also when it cannot start: it is then a failed feed).
 */
function feedStatus(node: Node, type: string, config: FeedNodeConfig, t: Translate): EventsStatus {
  const liveness = new FeedLiveness();
  const status = new EventsStatus(node, t, liveness);
  const feed = { id: node.id, name: typeof config.name === 'string' ? config.name.trim() : '', type, configId: typeof config.config === 'string' ? config.config : '', liveness };
  addFeed(feed);
  node.on('close', () => {
    status.stop();
    removeFeed(feed);
  });
  return status;
}

/** The config node and its client, or undefined after showing why the node cannot run. */
function feedConfig(RED: NodeAPI, config: FeedNodeConfig, status: EventsStatus, t: Translate): SymphonyConfigNode | undefined {
  const symphony = (config.config ? RED.nodes.getNode(config.config) : null) as SymphonyConfigNode | null;
  if (symphony?.client) {
    if (symphony.simulated) status.readsSimulator();
    return symphony;
  }
  status.failed(symphony?.startupError
    ? t('runtime.status.configInvalid', { field: symphony.startupError.cause.field ?? '' })
    : t('runtime.status.noConfig'));
  return undefined;
}

/**
 * The node's shared claim: undefined when it has none, null after showing why it cannot run (a setting that
 * cannot work, or @redis/client missing): the node then reads nothing rather than deliver without the claim asked.
 */
function feedClaim(node: Node, config: FeedNodeConfig, status: EventsStatus, t: Translate): EventClaim | undefined | null {
  try {
    const settings = claimSettings(config, node.credentials);
    return settings ? eventClaim(node, settings, status, t) : undefined;
  } catch (err) {
    const field = (err as { cause?: { field?: string } }).cause?.field ?? 'claim';
    status.failed(t('runtime.status.configInvalid', { field }));
    node.error(err instanceof Error ? err.message : String(err));
    return null;
  }
}

/** What a feed node runs with once it can: its status (with its liveness), config node, client and claim. */
export interface OpenFeed {
  status: EventsStatus;
  symphony: SymphonyConfigNode;
  client: NonNullable<SymphonyConfigNode['client']>;
  claim: EventClaim | undefined;
}

/** A feed node's start: undefined when it cannot run (no config, an invalid one, a claim that cannot work), its status saying why. */
export function openFeed(RED: NodeAPI, node: Node, type: string, config: FeedNodeConfig, t: Translate): OpenFeed | undefined {
  const status = feedStatus(node, type, config, t);
  const symphony = feedConfig(RED, config, status, t);
  const client = symphony?.client;
  if (!symphony || !client) return undefined;
  const claim = feedClaim(node, config, status, t);
  if (claim === null) return undefined;
  return { status, symphony, client, claim };
}

/** How a feed node's loop reports: skipped events as warnings, its state and each read in the status. */
export function loopReporting(status: EventsStatus, warnSkipped: (skipped: SkippedEvent) => void): Pick<DatafeedLoopOptions, 'onSkipped' | 'onState' | 'onRead'> {
  return {
    onSkipped: warnSkipped,
    onState: (state, error) => status.loopState(state, error),
    onRead: (events) => status.read(events),
  };
}

/** Sends a msg on the node's one output, or on the output of its type. */
export function typedSender(node: SendingNode, types: readonly EventType[], perType: boolean): (msg: NodeMessage, type: EventType) => void {
  return (msg, type) => {
    if (!perType) {
      node.send(msg);
      return;
    }
    const outputs: Array<NodeMessage | null> = types.map(() => null);
    outputs[types.indexOf(type)] = msg;
    node.send(outputs);
  };
}

export function skippedWarner(node: Node, t: Translate): (skipped: SkippedEvent) => void {
  return ({ id, problem }) => {
    node.warn(id === undefined ? t('runtime.events.warnings.skippedNoId', { problem }) : t('runtime.events.warnings.skipped', { id, problem }));
  };
}

/**
 * Starts the loop with the node registered at the config node, and stops it on close: at once on a redeploy (the
 * next node continues the feed), deleting the feed when the node is removed.
 */
export function runFeed(node: Node, symphony: SymphonyConfigNode, loop: DatafeedLoop, status: EventsStatus, tag: string, claim?: EventClaim): void {
  const user: ConfigUser = { onAuthState: (state) => status.authState(state) };
  symphony.register(user);
  loop.start();
  node.on('close', (removed: boolean, done: () => void) => {
    symphony.deregister(user);
    const finish = async (): Promise<void> => {
      await loop.stop();
      claim?.close();
      if (removed) {
        await loop.deleteFeed(DELETE_TIMEOUT_MS);
        forgetFeedPosition(symphony.id, tag);
      }
    };
    finish().catch(() => undefined).finally(() => done());
  });
}

/** How an event goes out: its send, or undefined when the node does not pass it on (its filter). */
export type EventSend = (event: DatafeedEvent) => (() => void) | undefined;

/**
 * The loop's delivery: the sends of the events the node passes on, then, with a shared claim, only those this
 * instance claimed (or could not claim), in order. An event that fails is reported and never keeps the others of
 * its answer from the flow.
 */
export function feedDelivery(prepare: EventSend, warnSkipped: (skipped: SkippedEvent) => void, claim: EventClaim | undefined): (events: readonly DatafeedEvent[]) => void | Promise<void> {
  const report = (event: DatafeedEvent, err: unknown): void => {
    warnSkipped({ id: quotedEventId(event), problem: String(err instanceof Error ? err.message : err).slice(0, 200) });
  };
  const sendAll = (items: ReadonlyArray<{ event: DatafeedEvent; send: () => void }>): void => {
    for (const { event, send } of items) {
      try {
        send();
      } catch (err) {
        report(event, err);
      }
    }
  };
  return (events) => {
    const items: Array<{ event: DatafeedEvent; send: () => void }> = [];
    for (const event of events) {
      try {
        const send = prepare(event);
        if (send) items.push({ event, send });
      } catch (err) {
        report(event, err);
      }
    }
    if (!claim || items.length === 0) {
      sendAll(items);
      return undefined;
    }
    // Events without an id (none in the V4Event spec's id space) go out unclaimed.
    return claim.select(items, (item) => (typeof item.event.id === 'string' && item.event.id !== '' ? item.event.id : undefined)).then(sendAll);
  };
}
