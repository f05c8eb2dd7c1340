/**
 * What blast, update and share check before a message goes into a stream, and how its multipart fields become
 * a stored message. Errors read like those of message create (simulator/api/messages.ts).
 */
import { HttpError, badRequest, forbidden } from '../http/errors';
import type { MultipartBody } from '../http/multipart';
import { newAttachmentId, toUrlSafeId } from '../ids';
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

export function messageContent(body: MultipartBody): MessageContent {
  const messageML = body.fields.message;
  if (messageML === undefined || messageML.trim() === '') throw badRequest('message is required');
  const rendered = toPresentationML(messageML);
  if (!rendered.ok) throw badRequest(rendered.reason);
  const data = body.fields.data;
  if (data !== undefined && data.trim() !== '') {
    try {
      JSON.parse(data);
    } catch (err) {
      throw badRequest(`data is not valid JSON: ${(err as Error).message}`);
    }
  }
  return { messageML, presentationML: rendered.presentationML, data: data?.trim() ? data : '{}', version: body.fields.version };
}

/** The uploaded files, refused as a whole when the sender may not send files. */
export function uploadedFiles(body: MultipartBody, sender: SimUser): MultipartBody['files'] {
  const files = body.files.filter((f) => f.field === 'attachment');
  if (files.length > 0 && !sender.entitlements.canSendFiles) {
    throw forbidden(`The user lacks the required entitlement to perform this operation: ${sender.username} may not send files (canSendFiles)`);
  }
  return files;
}

/** Stored attachments for one message: each message gets attachment ids of its own. */
export function attachmentsOf(body: MultipartBody, files: MultipartBody['files']): SimAttachment[] {
  const previews = body.files.filter((f) => f.field === 'preview');
  return files.map((f, i) => ({
    id: newAttachmentId(), name: f.filename, size: f.content.length, contentType: f.mimeType, content: f.content,
    previewId: previews[i] ? newAttachmentId() : undefined,
  }));
}
