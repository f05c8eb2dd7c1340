/**
 * Message search (Agent API): POST /agent/v1/message/search with a MessageSearchQuery body, and GET with the same
 * fields as "field:value AND field:value" in `query`. Every criterion must match; only messages of streams the
 * caller is a member of are found. Newest first unless sortDir=ASC; skip/limit page the result.
 */
import { readJson } from '../http/body';
import { badRequest, forbidden } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import { messageFacts, type MessageFacts } from '../message-facts';
import type { SimMessage, StreamType } from '../model';
import { check } from '../schemas';
import { validateMessageSearchQuery, type MessageSearchQuery } from '../schemas-messages';
import type { SimulatorState } from '../state';
import type { SimSignal } from '../state-signals';
import { pageParams, readableStream } from './message-reading';
import { v4Message } from './views';

const FIELDS = ['text', 'streamId', 'streamType', 'author', 'hashtag', 'cashtag', 'mention', 'signal', 'fromDate', 'toDate'] as const;
const NUMERIC = new Set<string>(['author', 'mention', 'fromDate', 'toDate']);

/** Stream types by search name; POST (wall posts) exist in no simulated stream. */
const STREAM_TYPES: Record<string, readonly StreamType[]> = {
  CHAT: ['IM', 'MIM'], IM: ['IM'], MIM: ['MIM'], ROOM: ['ROOM'], CHATROOM: ['ROOM'], POST: [],
};

/** The GET form: "text:foo AND author:123" into the body's fields (names case-insensitive). */
function parseQueryString(query: string | null): MessageSearchQuery {
  if (query === null || query.trim() === '') throw badRequest('query is required');
  const criteria: Record<string, string | number> = {};
  for (const term of query.trim().split(/\s+AND\s+/i)) {
    const colon = term.indexOf(':');
    const field = FIELDS.find((f) => f.toLowerCase() === term.slice(0, Math.max(colon, 0)).trim().toLowerCase());
    const value = term.slice(colon + 1).trim();
    if (colon < 0 || !field) throw badRequest(`query has "${term}" where a field:value pair is expected (fields: ${FIELDS.join(', ')})`);
    if (value === '') throw badRequest(`query has no value for ${field}`);
    if (NUMERIC.has(field) && !/^\d+$/.test(value)) throw badRequest(`query ${field} must be a whole number, got ${JSON.stringify(value)}`);
    criteria[field] = NUMERIC.has(field) ? Number(value) : value;
  }
  return criteria as MessageSearchQuery;
}

/** Evaluates a signal's query ("hashtag:fx OR (cashtag:EURUSD AND author:1)") against one message. */
function signalMatches(query: string, facts: MessageFacts): boolean {
  const tokens = query.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const is = (word: string): boolean => tokens[at]?.toUpperCase() === word;
  const primary = (): boolean => {
    const token = tokens[at++] ?? '';
    if (token === '(') {
      const inner = expression();
      at += 1; // ')'
      return inner;
    }
    const colon = token.indexOf(':');
    const field = token.slice(0, colon).toLowerCase();
    const value = token.slice(colon + 1).replace(/^[#$]/, '').toLowerCase();
    if (field === 'author') return facts.author === Number(value);
    if (field === 'hashtag') return facts.hashtags.has(value);
    if (field === 'cashtag') return facts.cashtags.has(value);
    return false;
  };
  const conjunction = (): boolean => {
    let result = primary();
    while (is('AND')) {
      at += 1;
      result = primary() && result;
    }
    return result;
  };
  const expression = (): boolean => {
    let result = conjunction();
    while (is('OR')) {
      at += 1;
      result = conjunction() || result;
    }
    return result;
  };
  return expression();
}

function signalFor(state: SimulatorState, ctx: UserContext, id: string): SimSignal {
  const signal = state.signals.get(id);
  if (!signal) throw badRequest(`Signal ${id} not found`);
  if (!state.signals.canSee(signal, ctx.caller.user.id)) throw forbidden(`User ${ctx.caller.user.username} may not read signal ${id}`);
  return signal;
}

type Test = (message: SimMessage, facts: MessageFacts) => boolean;

/** One test per criterion set; refuses combinations the spec rules out. */
function criteriaTests(state: SimulatorState, ctx: UserContext, criteria: MessageSearchQuery): { tests: Test[]; streams?: Set<string> } {
  const set = FIELDS.filter((f) => criteria[f] !== undefined && criteria[f] !== '');
  if (set.length === 0) throw badRequest(`query must set at least one of ${FIELDS.join(', ')}`);
  if (criteria.signal !== undefined && set.some((f) => !['signal', 'fromDate', 'toDate'].includes(f))) {
    throw badRequest('signal can only be combined with fromDate, toDate, skip and limit');
  }
  if (criteria.text !== undefined && criteria.streamId === undefined) throw badRequest('text search requires a streamId');
  const tests: Test[] = [];
  let streams: Set<string> | undefined;
  if (criteria.streamId !== undefined) streams = new Set([readableStream(state, ctx.caller.user, criteria.streamId).id]);
  if (criteria.streamType !== undefined) {
    const types = STREAM_TYPES[criteria.streamType.toUpperCase()];
    if (!types) throw badRequest(`streamType must be one of CHAT, IM, MIM, ROOM, POST, got ${criteria.streamType}`);
    tests.push((m) => types.includes(state.streams.get(m.streamId)?.type as StreamType));
  }
  const { author, mention, fromDate, toDate } = criteria;
  if (author !== undefined) tests.push((_m, f) => f.author === author);
  if (mention !== undefined) tests.push((_m, f) => f.mentions.has(mention));
  if (criteria.hashtag !== undefined) {
    const tag = criteria.hashtag.replace(/^#/, '').toLowerCase();
    tests.push((_m, f) => f.hashtags.has(tag));
  }
  if (criteria.cashtag !== undefined) {
    const tag = criteria.cashtag.replace(/^\$/, '').toLowerCase();
    tests.push((_m, f) => f.cashtags.has(tag));
  }
  if (criteria.text !== undefined) {
    const words = criteria.text.toLowerCase().split(/\s+/).filter(Boolean);
    tests.push((_m, f) => words.every((w) => f.text.includes(w)));
  }
  if (fromDate !== undefined) tests.push((m) => m.timestamp >= fromDate);
  if (toDate !== undefined) tests.push((m) => m.timestamp < toDate);
  if (criteria.signal !== undefined) {
    const { query } = signalFor(state, ctx, criteria.signal);
    tests.push((_m, f) => signalMatches(query, f));
  }
  return { tests, streams };
}

function sortDirection(query: URLSearchParams): 'ASC' | 'DESC' {
  const value = (query.get('sortDir') ?? '').trim().toUpperCase();
  if (value === '' || value === 'DESC') return 'DESC';
  if (value === 'ASC') return 'ASC';
  throw badRequest(`sortDir must be ASC or DESC, got ${query.get('sortDir')}`);
}

function search(ctx: UserContext, criteria: MessageSearchQuery): Reply {
  const { state } = ctx.sim;
  const direction = sortDirection(ctx.query);
  const tier = ctx.query.get('tier');
  if (tier && !['hot', 'warm', 'all'].includes(tier.toLowerCase())) throw badRequest(`tier must be hot, warm or all, got ${tier}`);
  const { skip, limit } = pageParams(ctx.query);
  const { tests, streams } = criteriaTests(state, ctx, criteria);
  const caller = ctx.caller.user.id;
  const found: SimMessage[] = [];
  for (const [streamId, history] of state.messages) {
    if (streams && !streams.has(streamId)) continue;
    if (!state.streams.get(streamId)?.members.includes(caller)) continue;
    for (const message of history) {
      if (message.suppressedAt !== undefined) continue;
      const facts = messageFacts(message);
      if (tests.every((test) => test(message, facts))) found.push(message);
    }
  }
  // Stable sort, oldest first (equal timestamps in the order they were stored), reversed for newest first.
  found.sort((a, b) => a.timestamp - b.timestamp);
  if (direction === 'DESC') found.reverse();
  const page = found.slice(skip, skip + limit);
  if (page.length === 0) return { status: 204 };
  return { status: 200, body: page.map((m) => v4Message(state, m)) };
}

async function searchByBody(ctx: UserContext): Promise<Reply> {
  return search(ctx, check(validateMessageSearchQuery, await readJson(ctx.req), 'query'));
}

function searchByQuery(ctx: UserContext): Reply {
  return search(ctx, parseQueryString(ctx.query.get('query')));
}

export function registerMessageSearchRoutes(router: Router): void {
  router.user('POST', '/agent/v1/message/search', searchByBody);
  router.user('GET', '/agent/v1/message/search', searchByQuery);
}
