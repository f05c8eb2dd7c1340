/**
 * Agent datafeeds v5: POST /agent/v5/datafeeds (create), GET /agent/v5/datafeeds (list, by tag), DELETE
 * /agent/v5/datafeeds/{id} and POST /agent/v5/datafeeds/{id}/read (long poll). Feeds belong to the session's
 * user; an OBO session is refused by the guard, as datafeeds are not in the OBO table.
 */
import { readJsonObject } from '../http/body';
import { badRequest } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import type { DatafeedRecord } from '../datafeeds';

const MAX_TAG_LENGTH = 100;

/** The optional JSON body of create and read: an object, or nothing. */
const optionalObject = (ctx: UserContext): Promise<Record<string, unknown>> => readJsonObject(ctx.req, true);

function optionalString(body: Record<string, unknown>, name: string, maxLength = Infinity): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be a string`);
  if (value.length > maxLength) throw badRequest(`${name} must be at most ${maxLength} characters`);
  return value;
}

/** V5Datafeed. */
const datafeedJson = (feed: DatafeedRecord): Record<string, unknown> => ({ id: feed.id, createdAt: feed.createdAt, type: 'fanout' });

const feedGone = (id: string) => badRequest(`Datafeed ${id} not found: the feed no longer exists, create a new one`);

async function createDatafeed(ctx: UserContext): Promise<Reply> {
  const body = await optionalObject(ctx);
  const tag = optionalString(body, 'tag', MAX_TAG_LENGTH);
  if (body.includeInvisible !== undefined && typeof body.includeInvisible !== 'boolean') throw badRequest('includeInvisible must be a boolean');
  return { status: 201, body: datafeedJson(ctx.sim.datafeeds.create(ctx.caller.user.id, tag || undefined)) };
}

function listDatafeeds(ctx: UserContext): Reply {
  const tag = ctx.query.get('tag');
  if (tag !== null && tag.length > MAX_TAG_LENGTH) throw badRequest(`tag must be at most ${MAX_TAG_LENGTH} characters`);
  return { status: 200, body: ctx.sim.datafeeds.list(ctx.caller.user.id, tag || undefined).map(datafeedJson) };
}

function deleteDatafeed(ctx: UserContext): Reply {
  const { id } = ctx.params;
  const userId = ctx.caller.user.id;
  if (ctx.sim.datafeeds.remove((feed) => feed.id === id && feed.userId === userId) === 0) throw feedGone(id);
  return { status: 204 };
}

async function readDatafeed(ctx: UserContext): Promise<Reply> {
  const body = await optionalObject(ctx);
  const ackId = optionalString(body, 'ackId') ?? '';
  if (body.updatePresence !== undefined && typeof body.updatePresence !== 'boolean') throw badRequest('updatePresence must be a boolean');
  const feed = ctx.sim.datafeeds.find(ctx.caller.user.id, ctx.params.id);
  if (!feed) throw feedGone(ctx.params.id);
  const socket = ctx.req.socket;
  let onClose: (() => void) | undefined;
  const result = await ctx.sim.datafeeds.read(feed, ackId, (cancel) => {
    onClose = cancel;
    socket.once('close', cancel);
  });
  if (onClose) socket.off('close', onClose);
  // The client went away while the read waited: nothing was taken, nobody to answer.
  if (!result) return { status: 204 };
  if (!result.found) throw feedGone(ctx.params.id);
  if (result.events.length > 0 && ctx.sim.datafeeds.takeLostAnswer(feed)) return loseAnswer(ctx);
  return { status: 200, body: { events: result.events, ackId: result.ackId } };
}

/** The answer never reaches the reader: the connection closes after the events were taken (they stay unacknowledged). */
async function loseAnswer(ctx: UserContext): Promise<Reply> {
  const { socket } = ctx.req;
  // Awaiting the close lets the response see its socket gone, so that nothing is written or recorded as answered.
  const closed = new Promise((resolve) => socket.once('close', resolve));
  socket.destroy();
  await closed;
  return { status: 200 };
}

export function registerDatafeedRoutes(router: Router): void {
  router.user('POST', '/agent/v5/datafeeds', createDatafeed);
  router.user('GET', '/agent/v5/datafeeds', listDatafeeds);
  router.user('DELETE', '/agent/v5/datafeeds/{id}', deleteDatafeed);
  router.user('POST', '/agent/v5/datafeeds/{id}/read', readDatafeed);
}
