/**
 * Agent message delivery beside message create: share an article (POST /agent/v3/stream/{sid}/share), blast one
 * message to many streams (POST /agent/v4/message/blast) and update a message
 * (POST /agent/v4/stream/{sid}/message/{mid}/update). Each puts a message into the stream's history, so a
 * following read sees it.
 */
import { readJson } from '../http/body';
import { HttpError, badRequest, forbidden } from '../http/errors';
import { parseMultipart } from '../http/multipart';
import type { Reply, UserContext } from '../http/router';
import { newMessageId, toUrlSafeId } from '../ids';
import type { SimMessage } from '../model';
import { check } from '../schemas';
import { validateShareContent, type ShareArticle } from '../schemas-share';
import type { SimulatorState } from '../state';
import { attachmentsOf, messageContent, postableStream, requirePostableStream, uploadedFiles } from './message-parts';
import { v4Message } from './views';

const ARTICLE_TYPE = 'com.symphony.sharing.article';
/** The agent's limit on streams per blast. */
const MAX_BLAST_STREAMS = 100;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const xml = (text: string): string => text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] as string);

function store(state: SimulatorState, message: SimMessage): SimMessage {
  const history = state.messages.get(message.streamId) ?? [];
  history.push(message);
  state.messages.set(message.streamId, history);
  return message;
}

/** The article as the message readers see: the sharer's comment, then the title (linked) and summary. */
function articleMessageML(article: ShareArticle): string {
  const title = article.articleUrl ? `<a href="${xml(article.articleUrl)}">${xml(article.title)}</a>` : `<b>${xml(article.title)}</b>`;
  const parts = [article.message ? xml(article.message) : '', title, article.summary ? xml(article.summary) : ''].filter(Boolean);
  return `<messageML>${parts.join('<br/>')}</messageML>`;
}

export async function shareContent(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const sender = ctx.caller.user;
  const share = check(validateShareContent, await readJson(ctx.req), 'shareContent');
  if (share.type !== undefined && share.type !== ARTICLE_TYPE) throw badRequest(`type must be ${ARTICLE_TYPE}, got ${share.type}`);
  const article = share.content;
  if (!article.articleId && !article.articleUrl) throw badRequest('content.articleId or content.articleUrl is required');
  const stream = requirePostableStream(state, sender, ctx.params.sid);

  const messageML = articleMessageML(article);
  const message = store(state, {
    messageId: newMessageId(), streamId: stream.id, timestamp: Date.now(), userId: sender.id, messageML,
    message: `<div data-format="PresentationML" data-version="2.0">${messageML.slice('<messageML>'.length, -'</messageML>'.length)}</div>`,
    // The article travels as entity data, as Symphony's clients render it from there.
    data: JSON.stringify({ article: { type: ARTICLE_TYPE, version: '1.0', ...article } }),
    attachments: [],
  });
  ctx.sim.events.messageSent(message);
  // V2Message: the timestamp is a string in this older shape.
  return {
    status: 200,
    body: {
      id: message.messageId, timestamp: String(message.timestamp), v2messageType: 'V2Message', streamId: stream.id,
      message: messageML, fromUserId: sender.id, attachments: [],
    },
  };
}

export async function blastMessage(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const sender = ctx.caller.user;
  const body = await parseMultipart(ctx.req);
  const sids = [...new Set((body.fields.sids ?? '').split(',').map((s) => toUrlSafeId(s.trim())).filter((s) => s !== ''))];
  if (sids.length === 0) throw badRequest('sids is required');
  if (sids.length > MAX_BLAST_STREAMS) throw badRequest(`sids accepts at most ${MAX_BLAST_STREAMS} streams, got ${sids.length}`);
  const content = messageContent(body, state);
  const files = uploadedFiles(body, sender);

  // The blast succeeds as a whole; a stream it cannot reach is reported in errors, keyed by its id.
  const messages = [];
  const errors: Record<string, { code: number; message: string }> = {};
  for (const sid of sids) {
    const stream = postableStream(state, sender, sid);
    if (stream instanceof HttpError) {
      errors[sid] = { code: stream.status, message: stream.message };
      continue;
    }
    const message = store(state, {
      messageId: newMessageId(), streamId: stream.id, timestamp: Date.now(), userId: sender.id, messageML: content.messageML,
      message: content.presentationML, data: content.data, version: content.version, attachments: attachmentsOf(body, files),
    });
    ctx.sim.events.messageSent(message);
    messages.push(v4Message(state, message));
  }
  return { status: 200, body: { messages, errors } };
}

function silentField(value: string | undefined): boolean {
  if (value === undefined || value === '') return true;
  if (value === 'true' || value === 'false') return value === 'true';
  throw badRequest('silent must be true or false');
}

/** The update is a new message that replaces the old one; both stay in the history, linked both ways. */
export async function updateMessage(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const sender = ctx.caller.user;
  const body = await parseMultipart(ctx.req);
  const stream = requirePostableStream(state, sender, ctx.params.sid);
  const messageId = toUrlSafeId(ctx.params.mid);
  const original = state.messages.get(stream.id)?.find((m) => m.messageId === messageId);
  if (!original) throw badRequest(`Message ${ctx.params.mid} not found in stream ${stream.id}`);
  if (original.userId !== sender.id) throw forbidden(`Only the sender of message ${messageId} may update it`);
  if (original.replacedBy) throw badRequest(`Message ${messageId} was replaced by ${original.replacedBy}: update the latest version`);
  const silent = silentField(body.fields.silent);
  const content = messageContent(body, state);
  const files = uploadedFiles(body, sender);

  const updated = store(state, {
    messageId: newMessageId(), streamId: stream.id, timestamp: Date.now(), userId: sender.id, messageML: content.messageML,
    message: content.presentationML, data: content.data, version: content.version,
    attachments: files.length > 0 ? attachmentsOf(body, files) : original.attachments,
    replacing: original.messageId,
    initialMessageId: original.initialMessageId ?? original.messageId,
    initialTimestamp: original.initialTimestamp ?? original.timestamp,
    silent,
  });
  original.replacedBy = updated.messageId;
  ctx.sim.events.messageSent(updated);
  return { status: 200, body: v4Message(state, updated) };
}
