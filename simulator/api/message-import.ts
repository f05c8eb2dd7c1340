/**
 * POST /agent/v4/message/import (Content Management role): historic messages, each stored with its intended author
 * and time, in time order in the stream's history, and not sent to datafeeds (spec). A message that cannot be
 * imported gets a diagnostic and no messageId; the others are imported. The same originating system and original
 * message id import once: a repeat gives back the message imported before.
 */
import { readJson } from '../http/body';
import { HttpError } from '../http/errors';
import type { MultipartBody } from '../http/multipart';
import type { Reply, Router, UserContext } from '../http/router';
import { newAttachmentId, newMessageId } from '../ids';
import type { SimAttachment, SimMessage } from '../model';
import { check } from '../schemas';
import { importValidators, type ImportedMessage } from '../schemas-user-manage';
import { messageContent, requirePostableStream } from './message-parts';
import { requireRole } from './users-common';

const IMPORT_ROLES = ['CONTENT_MANAGEMENT'] as const;
function importOne(ctx: UserContext, item: ImportedMessage): Record<string, unknown> {
  const { state } = ctx.sim;
  const answer = { originatingSystemId: item.originatingSystemId, originalMessageId: item.originalMessageId };
  const before = item.originalMessageId ? state.messageImports.find(item.originatingSystemId, item.originalMessageId) : undefined;
  if (before) return { ...answer, messageId: before, diagnostic: 'Already imported' };
  try {
    const stream = requirePostableStream(state, ctx.caller.user, item.streamId);
    const author = state.users.get(item.intendedMessageFromUserId);
    if (!author || !stream.members.includes(author.id)) throw new HttpError(400, `User ${item.intendedMessageFromUserId} is not a member of stream ${stream.id}`);
    if (item.intendedMessageTimestamp > Date.now()) throw new HttpError(400, 'intendedMessageTimestamp is in the future');
    const content = messageContent({ fields: { message: item.message, ...(item.data !== undefined ? { data: item.data } : {}) }, files: [] } as MultipartBody, state);
    const attachments: SimAttachment[] = (item.attachments ?? []).map((file, i) => {
      const bytes = Buffer.from(file.content ?? '', 'base64');
      const preview = item.previews?.[i];
      return {
        id: newAttachmentId(), name: file.filename ?? `attachment-${i + 1}`, size: bytes.length, contentType: 'application/octet-stream', content: bytes,
        ...(preview ? { previewId: newAttachmentId(), previewContent: Buffer.from(preview.content ?? '', 'base64') } : {}),
      };
    });
    const message: SimMessage = {
      messageId: newMessageId(), streamId: stream.id, timestamp: item.intendedMessageTimestamp, userId: author.id,
      messageML: content.messageML, message: content.presentationML, data: content.data, attachments,
    };
    const history = state.messages.get(stream.id) ?? [];
    history.push(message);
    history.sort((a, b) => a.timestamp - b.timestamp);
    state.messages.set(stream.id, history);
    if (item.originalMessageId) state.messageImports.record(item.originatingSystemId, item.originalMessageId, message.messageId);
    return { ...answer, messageId: message.messageId };
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    return { ...answer, diagnostic: err.message };
  }
}

async function importMessages(ctx: UserContext): Promise<Reply> {
  requireRole(ctx, IMPORT_ROLES);
  const list = check(importValidators.importList, await readJson(ctx.req), 'messageList');
  return { status: 200, body: list.map((item) => importOne(ctx, item)) };
}

export function registerMessageImportRoutes(router: Router): void {
  router.user('POST', '/agent/v4/message/import', importMessages);
}
