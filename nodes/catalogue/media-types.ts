import type { AnswerMediaType, OperationSpec } from './types';

/**
 * The media type of an operation's answer, as the catalogue declares it (JSON unless the entry says otherwise): the
 * request's Accept, which a conforming server answers with 406 when it cannot satisfy it. (The request body's type
 * follows from the body: multipart for a `multipart` entry, JSON otherwise.)
 */

export const JSON_MEDIA_TYPE = 'application/json';

/**
 * What the generic API node accepts: it cannot know the endpoint's media type, so JSON is preferred and anything
 * else accepted; the answer is then read by its Content-Type.
 */
export const ANY_MEDIA_TYPE = 'application/json, */*;q=0.8';

export function answerMediaType(op: OperationSpec): AnswerMediaType {
  return op.produces ?? JSON_MEDIA_TYPE;
}
