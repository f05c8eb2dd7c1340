/**
 * What blast, update and share check before a message goes into a stream, and how its multipart fields become
 * a stored message. Errors read like those of message create (simulator/api/messages.ts).
 */
import { HttpError, badRequest, forbidden } from '../http/errors';
import type { MultipartBody } from '../http/multipart';
import { newAttachmentId, toUrlSafeId } from '../ids';
import { renderEntities } from '../message-entities';
import { toPresentationML } from '../messageml';
import type { SimAttachment, SimStream, SimUser } from '../model';
import type { SimulatorState } from '../state';

/** The stream the sender may post to, or the error the agent gives for it. */
export function postableStream(state: SimulatorState, sender: SimUser, sid: string): SimStream | HttpError {
  const streamId = toUrlSafeId(sid);
  const stream = state.streams.get(streamId);
  if (!stream) return badRequest(`Stream ${sid} not found`);
  if (!stream.members.includes(sender.id)) return forbidden(`User ${sender.username} is not a member of stream ${streamId}`);
  if (!stream.active) return forbidden(`Stream ${streamId} is not active`);
  return stream;
}

export function requirePostableStream(state: SimulatorState, sender: SimUser, sid: string): SimStream {
  const stream = postableStream(state, sender, sid);
  if (stream instanceof HttpError) throw stream;
  return stream;
}

/** The message content of a multipart body: MessageML checked and rendered, EntityJSON checked. */
export interface MessageContent {
  messageML: string;
  presentationML: string;
  data: string;
  version?: string;
}

/**
 * Mentions, hashtags and cashtags become entity spans with their EntityJSON added to data, as the agent renders
 * them; data is kept as sent when the message has none.
 */
export function messageContent(body: MultipartBody, state: SimulatorState): MessageContent {
  const messageML = body.fields.message;
  if (messageML === undefined || messageML.trim() === '') throw badRequest('message is required');
  const rendered = toPresentationML(messageML);
  if (!rendered.ok) throw badRequest(rendered.reason);
  const data = body.fields.data;
  let entities: unknown = {};
  if (data !== undefined && data.trim() !== '') {
    try {
      entities = JSON.parse(data);
    } catch (err) {
      throw badRequest(`data is not valid JSON: ${(err as Error).message}`);
    }
  }
  const content = { messageML, presentationML: rendered.presentationML, data: data?.trim() ? data : '{}', version: body.fields.version };
  if (!ENTITY_TAG.test(content.presentationML) || !entities || typeof entities !== 'object' || Array.isArray(entities)) return content;
  const withEntities = renderEntities(state, content.presentationML, entities as Record<string, unknown>);
  return { ...content, presentationML: withEntities.presentationML, data: JSON.stringify(withEntities.data) };
}

const ENTITY_TAG = /<(mention|hash|cash)\b/;

/** The uploaded files, refused as a whole when the sender may not send files. */
export function uploadedFiles(body: MultipartBody, sender: SimUser): MultipartBody['files'] {
  const files = body.files.filter((f) => f.field === 'attachment');
  if (files.length > 0 && !sender.entitlements.canSendFiles) {
    throw forbidden(`The user lacks the required entitlement to perform this operation: ${sender.username} may not send files (canSendFiles)`);
  }
  return files;
}

/**
 * Stored attachments for one message: each message gets attachment ids of its own. Previews go with the
 * attachments by position; one without its attachment is refused.
 */
export function attachmentsOf(body: MultipartBody, files: MultipartBody['files']): SimAttachment[] {
  const previews = body.files.filter((f) => f.field === 'preview');
  if (previews.length > files.length) throw badRequest(`preview ${files.length + 1} has no attachment: send one attachment per preview`);
  return files.map((f, i) => {
    const preview = previews[i];
    return {
      id: newAttachmentId(), name: f.filename, size: f.content.length, contentType: f.mimeType, content: f.content,
      ...(preview ? { previewId: newAttachmentId(), previewContent: preview.content } : {}),
    };
  });
}
