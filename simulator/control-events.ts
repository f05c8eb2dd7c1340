/**
 * The control API's events part (under /_sim, loopback only): inject what people do in their clients (a typed
 * message, a form reply, a connection request), a generic system event, and datafeed faults (drop feeds, fail
 * reads for a while, lose answers, queue raw JSON as events: null, junk, repeats). The Simulator object exposes the
 * same functions (simulator/index.ts).
 */
import type { SimulatorCore } from './core';
import type { DatafeedRecord } from './datafeeds';
import type { FaultSpec } from './faults';
import { readJson } from './http/body';
import { badRequest } from './http/errors';
import type { Router } from './http/router';
import {
  findUser, injectConnectionRequest, injectFormReply, injectMessage, injectSystemEvent, type InjectFormReply, type InjectMessage,
  type InjectSystemEvent, type UserRef,
} from './inject';

export interface DatafeedFilter {
  /** A user by username or id. */
  user?: UserRef;
  id?: string;
  tag?: string;
}

export interface DatafeedInfo {
  id: string;
  userId: number;
  tag?: string;
  /** Events waiting to be read. */
  queued: number;
  /** Events of answers given and not yet acknowledged. */
  unacknowledged: number;
  /** A read is waiting on the feed now. */
  reading: boolean;
  /** How many reads are waiting on the feed now (readers sharing its tag). */
  readers: number;
  /** How many of the next answers with events will be lost (see loseAnswers). */
  answersToLose: number;
}

export interface ReadFailure {
  /** Default 500, the status the spec declares for reads ("retry with an exponential backoff"). */
  status?: number;
  /** Fail this many reads... */
  times?: number;
  /** ...or every read for this long. */
  durationMs?: number;
}

export interface RawDatafeedEvents extends DatafeedFilter {
  /** Queued as they are (any JSON), in order, in every matching feed. */
  events: unknown[];
}

export interface LostAnswers extends DatafeedFilter {
  /** How many of the next answers with events are lost; default 1. */
  times?: number;
}

export const DATAFEED_READ_PATH = '/agent/v5/datafeeds/*';

export function datafeedMatcher(core: SimulatorCore, filter: DatafeedFilter = {}): (feed: DatafeedRecord) => boolean {
  const userId = filter.user === undefined ? undefined : findUser(core, filter.user, 'user').id;
  return (feed) => (userId === undefined || feed.userId === userId) && (filter.id === undefined || feed.id === filter.id)
    && (filter.tag === undefined || feed.tag === filter.tag);
}

export function datafeedInfo(core: SimulatorCore): DatafeedInfo[] {
  return core.datafeeds.all().map((feed) => ({
    id: feed.id, userId: feed.userId, tag: feed.tag, queued: feed.queue.queued, unacknowledged: feed.queue.unacknowledged,
    reading: feed.queue.reading > 0, readers: feed.queue.reading, answersToLose: feed.answersToLose,
  }));
}

/** Reads (POST …/{id}/read) answer `status` while the fault lasts; create, list and delete are untouched. */
export function readFailureFault(failure: ReadFailure): FaultSpec {
  const status = failure.status ?? 500;
  if (!Number.isInteger(status) || status < 500 || status > 599) throw badRequest('status must be a 5xx status');
  if (failure.times === undefined && failure.durationMs === undefined) throw badRequest('times or durationMs is required');
  return {
    method: 'POST', path: DATAFEED_READ_PATH, status, times: failure.times, durationMs: failure.durationMs,
    body: { code: status, message: 'Injected datafeed read failure' },
  };
}

/** Queues raw events; returns how many feeds got them. */
export function queueRawEvents(core: SimulatorCore, input: RawDatafeedEvents): number {
  if (!Array.isArray(input.events)) throw badRequest('events must be a list');
  return core.datafeeds.queue(datafeedMatcher(core, filterOf(input)), input.events);
}

/** The next answers (with events) of the matching feeds are lost after their events were taken; returns how many feeds. */
export function loseAnswers(core: SimulatorCore, input: LostAnswers): number {
  const times = input.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw badRequest('times must be a positive integer');
  return core.datafeeds.loseAnswers(datafeedMatcher(core, filterOf(input)), times);
}

const filterOf = ({ user, id, tag }: DatafeedFilter): DatafeedFilter => ({ user, id, tag });

const NO_CONTENT = { status: 204 } as const;

async function body<T>(ctx: { req: Parameters<typeof readJson>[0] }): Promise<T> {
  const value = await readJson(ctx.req);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw badRequest('Request body must be a JSON object');
  return value as T;
}

export function registerEventControlRoutes(router: Router): void {
  router
    .public('POST', '/_sim/streams/{id}/messages', async (ctx) => {
      const input = await body<Omit<InjectMessage, 'streamId'>>(ctx);
      return { status: 200, body: injectMessage(ctx.sim, { ...input, streamId: ctx.params.id }) };
    })
    .public('POST', '/_sim/form-replies', async (ctx) => {
      injectFormReply(ctx.sim, await body<InjectFormReply>(ctx));
      return NO_CONTENT;
    })
    .public('POST', '/_sim/connection-requests', async (ctx) => {
      injectConnectionRequest(ctx.sim, await body(ctx));
      return NO_CONTENT;
    })
    .public('GET', '/_sim/datafeeds', (ctx) => ({ status: 200, body: datafeedInfo(ctx.sim) }))
    .public('DELETE', '/_sim/datafeeds', (ctx) => {
      const filter: DatafeedFilter = {
        user: ctx.query.get('user') ?? undefined, id: ctx.query.get('id') ?? undefined, tag: ctx.query.get('tag') ?? undefined,
      };
      return { status: 200, body: { dropped: ctx.sim.datafeeds.remove(datafeedMatcher(ctx.sim, filter)) } };
    })
    .public('POST', '/_sim/datafeed-read-failures', async (ctx) => {
      ctx.sim.faults.add(readFailureFault(await body<ReadFailure>(ctx)));
      return NO_CONTENT;
    })
    .public('POST', '/_sim/datafeed-events', async (ctx) => ({ status: 200, body: { feeds: queueRawEvents(ctx.sim, await body<RawDatafeedEvents>(ctx)) } }))
    .public('POST', '/_sim/datafeed-lost-answers', async (ctx) => ({ status: 200, body: { feeds: loseAnswers(ctx.sim, await body<LostAnswers>(ctx)) } }))
    .public('POST', '/_sim/generic-system-events', async (ctx) => {
      injectSystemEvent(ctx.sim, await body<InjectSystemEvent>(ctx));
      return NO_CONTENT;
    });
}
