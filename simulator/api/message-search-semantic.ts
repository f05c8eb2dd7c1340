/**
 * POST /agent/v4/message/search/semantic: the messages of the caller's streams (or of one, `threadId`) that share
 * words with the question, most shared words first, newest first among equals. A stand-in for a search by meaning,
 * close enough to build flows on. skip/limit page the result; no match is the spec's 204.
 */
import { readJson } from '../http/body';
import type { Reply, Router, UserContext } from '../http/router';
import { messageFacts } from '../message-facts';
import type { SimMessage } from '../model';
import { check } from '../schemas';
import { messageAdminValidators } from '../schemas-user-manage';
import { integerQuery } from './query';
import { readableStream } from './message-reading';
import { v4Message } from './views';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 500;
const wordsOf = (text: string): Set<string> => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1));

async function semanticSearch(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const skip = integerQuery(ctx.query, 'skip', 0) ?? 0;
  const limit = integerQuery(ctx.query, 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
  const { text, threadId } = check(messageAdminValidators.semanticSearchQuery, await readJson(ctx.req), 'query');
  const only = threadId === undefined ? undefined : readableStream(state, ctx.caller.user, threadId).id;
  const wanted = wordsOf(text);
  const caller = ctx.caller.user.id;
  const scored: Array<{ message: SimMessage; score: number }> = [];
  for (const [streamId, history] of state.messages) {
    if ((only !== undefined && streamId !== only) || !state.streams.get(streamId)?.members.includes(caller)) continue;
    for (const message of history) {
      if (message.suppressedAt !== undefined || message.replacedBy !== undefined) continue;
      const words = wordsOf(messageFacts(message).text);
      const score = [...wanted].filter((word) => words.has(word)).length;
      if (score > 0) scored.push({ message, score });
    }
  }
  scored.sort((a, b) => b.score - a.score || b.message.timestamp - a.message.timestamp);
  const page = scored.slice(skip, skip + limit);
  if (page.length === 0) return { status: 204 };
  return { status: 200, body: page.map(({ message }) => v4Message(state, message)) };
}

export function registerSemanticSearchRoutes(router: Router): void {
  router.user('POST', '/agent/v4/message/search/semantic', semanticSearch);
}
