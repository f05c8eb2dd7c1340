/**
 * Agent messages: POST /agent/v4/stream/{sid}/message/create (multipart/form-data), answered with a V4Message;
 * the routes of share, blast and update (./message-delivery.ts), and of reading messages: get, list, search and
 * attachment download (./message-reading.ts, ./message-search.ts).
 */
import { parseMultipart } from '../http/multipart';
import { MULTIPART_BODY, type Reply, type Router, type UserContext } from '../http/router';
import { enforceMessage } from '../dlp-enforcement';
import { newMessageId } from '../ids';
import type { SimMessage } from '../model';
import { v4Message } from './views';
import { blastMessage, shareContent, updateMessage } from './message-delivery';
import { attachmentsOf, messageContent, requirePostableStream, uploadedFiles } from './message-parts';
import { registerMessageReadingRoutes } from './message-reading';
import { registerMessageSearchRoutes } from './message-search';

async function createMessage(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const sender = ctx.caller.user;
  // Read the whole body before answering, so a client still uploading never sees its connection reset.
  const body = await parseMultipart(ctx.req);
  const stream = requirePostableStream(state, sender, ctx.params.sid);
  const content = messageContent(body, state);
  const files = uploadedFiles(body, sender);

  const message: SimMessage = {
    messageId: newMessageId(), streamId: stream.id, timestamp: Date.now(), userId: sender.id, messageML: content.messageML,
    message: content.presentationML, data: content.data, version: content.version, attachments: attachmentsOf(body, files),
  };
  enforceMessage(state, stream, message);
  const history = state.messages.get(stream.id) ?? [];
  history.push(message);
  state.messages.set(stream.id, history);
  ctx.sim.events.messageSent(message);
  return { status: 200, body: v4Message(state, message) };
}

export function registerMessageRoutes(router: Router): void {
  router.user('POST', '/agent/v4/stream/{sid}/message/create', createMessage, MULTIPART_BODY);
  router.user('POST', '/agent/v3/stream/{sid}/share', shareContent);
  router.user('POST', '/agent/v4/message/blast', blastMessage, MULTIPART_BODY);
  router.user('POST', '/agent/v4/stream/{sid}/message/{mid}/update', updateMessage, MULTIPART_BODY);
  // Search first: GET /agent/v1/message/search would otherwise be taken for a message id.
  registerMessageSearchRoutes(router);
  registerMessageReadingRoutes(router);
}
