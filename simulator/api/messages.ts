/** Agent messages: POST /agent/v4/stream/{sid}/message/create (multipart/form-data), answered with a V4Message. */
import { badRequest, forbidden } from '../http/errors';
import { parseMultipart } from '../http/multipart';
import type { Reply, Router, UserContext } from '../http/router';
import { newAttachmentId, newMessageId, toUrlSafeId } from '../ids';
import { toPresentationML } from '../messageml';
import type { SimAttachment, SimMessage } from '../model';
import { v4Message } from './views';
import { blastMessage, shareContent, updateMessage } from './message-delivery';

function parseData(data: string | undefined): string {
  if (data === undefined || data.trim() === '') return '{}';
  try {
    JSON.parse(data);
  } catch (err) {
    throw badRequest(`data is not valid JSON: ${(err as Error).message}`);
  }
  return data;
}

async function createMessage(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const sender = ctx.caller.user;
  // Read the whole body before answering, so a client still uploading never sees its connection reset.
  const body = await parseMultipart(ctx.req);

  const streamId = toUrlSafeId(ctx.params.sid);
  const stream = state.streams.get(streamId);
  if (!stream) throw badRequest(`Stream ${ctx.params.sid} not found`);
  if (!stream.members.includes(sender.id)) throw forbidden(`User ${sender.username} is not a member of stream ${streamId}`);
  if (!stream.active) throw forbidden(`Stream ${streamId} is not active`);

  const messageML = body.fields.message;
  if (messageML === undefined || messageML.trim() === '') throw badRequest('message is required');
  const rendered = toPresentationML(messageML);
  if (!rendered.ok) throw badRequest(rendered.reason);
  const data = parseData(body.fields.data);

  const files = body.files.filter((f) => f.field === 'attachment');
  const previews = body.files.filter((f) => f.field === 'preview');
  if (files.length > 0 && !sender.entitlements.canSendFiles) {
    throw forbidden(`The user lacks the required entitlement to perform this operation: ${sender.username} may not send files (canSendFiles)`);
  }
  const attachments: SimAttachment[] = files.map((f, i) => ({
    id: newAttachmentId(), name: f.filename, size: f.content.length, contentType: f.mimeType, content: f.content,
    previewId: previews[i] ? newAttachmentId() : undefined,
  }));

  const message: SimMessage = {
    messageId: newMessageId(), streamId, timestamp: Date.now(), userId: sender.id, messageML,
    message: rendered.presentationML, data, version: body.fields.version, attachments,
  };
  const history = state.messages.get(streamId) ?? [];
  history.push(message);
  state.messages.set(streamId, history);
  return { status: 200, body: v4Message(state, message) };
}

export function registerMessageRoutes(router: Router): void {
  router.user('POST', '/agent/v4/stream/{sid}/message/create', createMessage);
  router.user('POST', '/agent/v3/stream/{sid}/share', shareContent);
  router.user('POST', '/agent/v4/message/blast', blastMessage);
  router.user('POST', '/agent/v4/stream/{sid}/message/{mid}/update', updateMessage);
}
