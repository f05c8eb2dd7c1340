/**
 * Reading messages (Agent API): GET /agent/v1/message/{id}, GET /agent/v4/stream/{sid}/message (since a time,
 * oldest first) and GET /agent/v1/stream/{sid}/attachment (a file as base64 text). Only members of a stream read
 * it (403); unknown ids are 400s, as these endpoints declare no 404. Suppressed messages are not served.
 */
import { badRequest, forbidden } from '../http/errors';
import { FILE_ANSWER, type Reply, type Router, type UserContext } from '../http/router';
import { toUrlSafeId } from '../ids';
import type { SimMessage, SimStream, SimUser } from '../model';
import type { SimulatorState } from '../state';
import { v4Message } from './views';
import { integerQuery } from './query';

/** The agent's largest page of messages. */
export const MAX_MESSAGES = 500;
const DEFAULT_LIMIT = 50;

/** skip and limit (default 50, larger limits served as 500). */
export function pageParams(query: URLSearchParams): { skip: number; limit: number } {
  const skip = integerQuery(query, 'skip', 0) ?? 0;
  const limit = Math.min(integerQuery(query, 'limit', 1) ?? DEFAULT_LIMIT, MAX_MESSAGES);
  return { skip, limit };
}

/** The stream the caller may read: 400 when unknown, 403 when not a member. */
export function readableStream(state: SimulatorState, caller: SimUser, sid: string): SimStream {
  const stream = state.streams.get(toUrlSafeId(sid));
  if (!stream) throw badRequest(`Stream ${sid} not found`);
  if (!stream.members.includes(caller.id)) throw forbidden(`User ${caller.username} is not a member of stream ${stream.id}`);
  return stream;
}

const served = (message: SimMessage): boolean => message.suppressedAt === undefined;

function getMessage(ctx: UserContext): Reply {
  const { state } = ctx.sim;
  const id = toUrlSafeId(ctx.params.id);
  let found: SimMessage | undefined;
  for (const history of state.messages.values()) found ??= history.find((m) => m.messageId === id);
  if (!found) throw badRequest(`Message ${ctx.params.id} not found`);
  const stream = state.streams.get(found.streamId);
  if (!stream?.members.includes(ctx.caller.user.id)) {
    throw forbidden(`User ${ctx.caller.user.username} is not a member of the stream of message ${found.messageId}`);
  }
  if (!served(found)) throw badRequest(`Message ${found.messageId} was suppressed`);
  return { status: 200, body: v4Message(state, found) };
}

function messagesSince(ctx: UserContext): Reply {
  const { state } = ctx.sim;
  const stream = readableStream(state, ctx.caller.user, ctx.params.sid);
  const since = integerQuery(ctx.query, 'since', 0);
  if (since === undefined) throw badRequest('since is required');
  const until = integerQuery(ctx.query, 'until', 0);
  const { skip, limit } = pageParams(ctx.query);
  const page = (state.messages.get(stream.id) ?? [])
    .filter((m) => served(m) && m.timestamp >= since && (until === undefined || m.timestamp <= until))
    .slice(skip, skip + limit);
  // The spec answers "no messages" with 204.
  if (page.length === 0) return { status: 204 };
  return { status: 200, body: page.map((m) => v4Message(state, m)) };
}

/** The file, or its preview picture when fileId is the preview's id, as base64 text. */
function downloadAttachment(ctx: UserContext): Reply {
  const { state } = ctx.sim;
  const fileId = ctx.query.get('fileId') ?? '';
  const messageId = ctx.query.get('messageId') ?? '';
  if (fileId.trim() === '') throw badRequest('fileId is required');
  if (messageId.trim() === '') throw badRequest('messageId is required');
  const stream = readableStream(state, ctx.caller.user, ctx.params.sid);
  const message = state.messages.get(stream.id)?.find((m) => m.messageId === toUrlSafeId(messageId));
  if (!message || !served(message)) throw badRequest(`Message ${messageId} not found in stream ${stream.id}`);
  let content: Buffer | undefined;
  for (const attachment of message.attachments) {
    if (attachment.id === fileId) content = attachment.content;
    else if (attachment.previewId === fileId) content = attachment.previewContent;
  }
  if (!content) throw badRequest(`Attachment ${fileId} not found in message ${message.messageId}`);
  return { status: 200, body: content.toString('base64') };
}

export function registerMessageReadingRoutes(router: Router): void {
  router.user('GET', '/agent/v1/message/{id}', getMessage);
  router.user('GET', '/agent/v4/stream/{sid}/message', messagesSince);
  // The file as base64 text, typed application/octet-stream.
  router.user('GET', '/agent/v1/stream/{sid}/attachment', downloadAttachment, FILE_ANSWER);
}
