/**
 * GET symphony/liveness: the liveness of every events and datahose node of this Node-RED, for a container health
 * check (`curl -f`): HTTP 200 when every feed is healthy, 503 when one is not. `maxSilenceSeconds` (1 to 86400,
 * default 120) is how long a feed may go without a successful read. Needs the config node's read permission, as
 * the chat tab's reading does; the answer holds names and figures, no tag, URL, token or key.
 */
import { CONFIG_TYPE } from '../config/config-node';
import type { Translate } from '../core/i18n';
import type { NodeAPI } from '../core/node-red';
import { DEFAULT_MAX_SILENCE_SECONDS, MAX_SILENCE_BOUNDS, feedReport, runningFeeds, type FeedReport } from '../events/feed-registry';

interface LivenessRequest {
  query?: Record<string, unknown>;
}
interface LivenessResponse {
  status(code: number): LivenessResponse;
  json(body: unknown): void;
}
type Middleware = (req: LivenessRequest, res: LivenessResponse, next: () => void) => void;
interface AdminExtras {
  httpAdmin: { get(path: string, permission: Middleware, handler: (req: LivenessRequest, res: LivenessResponse) => void): void };
  auth: { needsPermission(permission: string): Middleware };
}

export const LIVENESS_PATH = 'symphony/liveness';
export const LIVENESS_PERMISSION = `${CONFIG_TYPE}.read`;

export interface LivenessAnswer {
  healthy: boolean;
  maxSilenceSeconds: number;
  feeds: FeedReport[];
}

function hasAdmin(RED: NodeAPI): RED is NodeAPI & AdminExtras {
  const host = RED as NodeAPI & Partial<AdminExtras>;
  return typeof host.httpAdmin?.get === 'function' && typeof host.auth?.needsPermission === 'function';
}

/** The parameter as a whole number of seconds within bounds; undefined when it is not one. Absent: the default. */
export function maxSilenceOf(value: unknown): number | undefined {
  if (value === undefined || value === '') return DEFAULT_MAX_SILENCE_SECONDS;
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value)) return undefined;
  const seconds = Number(value);
  return seconds >= MAX_SILENCE_BOUNDS.min && seconds <= MAX_SILENCE_BOUNDS.max ? seconds : undefined;
}

export function livenessAnswer(maxSilenceSeconds: number): LivenessAnswer {
  const feeds = runningFeeds().map((feed) => feedReport(feed, maxSilenceSeconds));
  return { healthy: feeds.every((feed) => feed.healthy), maxSilenceSeconds, feeds };
}

/** Admin apps the route is on: the test helper loads the module once per flow, on one app. */
const registered = new WeakSet<object>();

export function registerLivenessRoute(RED: NodeAPI, t: Translate): void {
  if (!hasAdmin(RED) || registered.has(RED.httpAdmin)) return;
  registered.add(RED.httpAdmin);
  RED.httpAdmin.get(`/${LIVENESS_PATH}`, RED.auth.needsPermission(LIVENESS_PERMISSION), (req, res) => {
    const maxSilenceSeconds = maxSilenceOf(req.query?.maxSilenceSeconds);
    if (maxSilenceSeconds === undefined) {
      res.status(400).json({ error: t('runtime.errors.liveness.maxSilence', { min: MAX_SILENCE_BOUNDS.min, max: MAX_SILENCE_BOUNDS.max }), field: 'maxSilenceSeconds' });
      return;
    }
    const answer = livenessAnswer(maxSilenceSeconds);
    res.status(answer.healthy ? 200 : 503).json(answer);
  });
}
