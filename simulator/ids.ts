/** Symphony-style identifiers: stream, message and attachment ids are URL-safe base64 strings. */
import { randomBytes } from 'node:crypto';

/** 25 random bytes give the 34-character ids real pods hand out (e.g. xhGxbTcvTDK6EIMMrwdOrX___quztr2HdA). */
const newId = (): string => randomBytes(25).toString('base64url');

export const newStreamId = newId;
export const newMessageId = newId;
export const newAttachmentId = newId;

/** Clients may send ids in standard base64 (+ / and = padding); the simulator stores the URL-safe form. */
export function toUrlSafeId(id: string): string {
  return id.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
