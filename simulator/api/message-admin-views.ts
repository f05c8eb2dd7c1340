/**
 * What an administrator sees of any message (pod, Content Management or a compliance role): POST
 * /pod/v1/admin/messages (details), GET /pod/v1/admin/messages/{messageId}/receipts and GET
 * /pod/v1/admin/messages/{messageId}/metadata/relationships. Nobody runs a Symphony client in the simulator, so,
 * as GET /pod/v1/message/{mid}/status says, each member of the stream was sent the message and none has received,
 * read or downloaded it yet; no simulated message replies to or forwards another.
 */
import { readJson } from '../http/body';
import { badRequest, notFound } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import type { SimMessage, SimUser } from '../model';
import { check } from '../schemas';
import { messageAdminValidators } from '../schemas-user-manage';
import type { SimulatorState } from '../state';
import { findMessage } from './message-admin';
import { requireRole } from './users-common';

export const MESSAGE_ADMIN_ROLES = ['CONTENT_MANAGEMENT', 'COMPLIANCE_OFFICER', 'SUPER_COMPLIANCE_OFFICER'] as const;
/** Receipts per page: small, so that paging shows with the few members a simulated stream has. */
const RECEIPTS_PAGE = 2;

const messageUser = (user: SimUser | undefined, id: number): Record<string, unknown> => ({ id, name: user?.displayName ?? String(id) });

/** What details and receipts share: who sent it, where, when, and the counts. */
function summary(state: SimulatorState, message: SimMessage): Record<string, unknown> {
  const stream = state.streams.get(message.streamId);
  return {
    creator: messageUser(state.users.get(message.userId), message.userId),
    stream: { id: message.streamId, name: stream?.roomName ?? '', streamType: stream?.type ?? 'IM' },
    creationDate: message.timestamp,
    deliveryReceiptCount: 0,
    readReceiptCount: 0,
    emailNotificationCount: 0,
    downloadReceiptCounts: message.attachments.map((a) => ({ fileName: a.name, count: 0 })),
  };
}

/** The message of the {messageId} path parameter; the receipts endpoint declares 404, relationships only 400. */
function pathMessage(ctx: UserContext, unknownStatus: 400 | 404): SimMessage {
  const message = findMessage(ctx.sim.state, ctx.params.messageId ?? '');
  if (!message) throw unknownStatus === 404 ? notFound(`Message ${ctx.params.messageId} not found`) : badRequest(`Message ${ctx.params.messageId} not found`);
  return message;
}

async function details(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, MESSAGE_ADMIN_ROLES);
  const { messageIds } = check(messageAdminValidators.messageIds, await readJson(ctx.req), 'messageIds');
  const { state } = ctx.sim;
  const found = messageIds.map((id) => {
    const message = findMessage(state, id);
    if (!message) throw notFound(`Message ${id} not found`);
    return { messageId: message.messageId, ...summary(state, message) };
  });
  return { status: 200, body: found };
}

const cursorOf = (offset: number): string => Buffer.from(`receipt:${offset}`).toString('base64url');

function offsetOf(cursor: string, name: string): number {
  const match = /^receipt:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badRequest(`${name} is not a cursor of this list: ${cursor}`);
  return Number(match[1]);
}

function receipts(ctx: UserContext): Reply {
  requireRole(ctx, MESSAGE_ADMIN_ROLES);
  const { state } = ctx.sim;
  const message = pathMessage(ctx, 404);
  const recipients = (state.streams.get(message.streamId)?.members ?? []).filter((id) => id !== message.userId);
  const after = ctx.query.get('after');
  const before = ctx.query.get('before');
  if (after && before) throw badRequest('after and before cannot both be given');
  const start = after ? offsetOf(after, 'after') : before ? Math.max(0, offsetOf(before, 'before') - RECEIPTS_PAGE) : 0;
  const end = before ? Math.min(offsetOf(before, 'before'), start + RECEIPTS_PAGE) : start + RECEIPTS_PAGE;
  const page = recipients.slice(start, end).map((id) => {
    const user = state.users.get(id);
    return { user: { id, username: user?.username, firstName: user?.firstName, lastName: user?.lastName, emailAddress: user?.emailAddress } };
  });
  const cursors: Record<string, string> = { before: cursorOf(start) };
  if (end < recipients.length) cursors.after = cursorOf(end);
  return { status: 200, body: { ...summary(state, message), MessageReceiptDetail: page, pagination: { cursors } } };
}

function relationships(ctx: UserContext): Reply {
  requireRole(ctx, MESSAGE_ADMIN_ROLES);
  if (!ctx.req.headers['user-agent']) throw badRequest('User-Agent is required');
  const message = pathMessage(ctx, 400);
  return { status: 200, body: { messageId: message.messageId, replies: [], forwards: [], formReplies: [] } };
}

export function registerMessageAdminViewRoutes(router: Router): void {
  router.user('POST', '/pod/v1/admin/messages', details);
  router.user('GET', '/pod/v1/admin/messages/{messageId}/receipts', receipts);
  router.user('GET', '/pod/v1/admin/messages/{messageId}/metadata/relationships', relationships);
}
