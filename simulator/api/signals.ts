/**
 * Agent signals: list, get, create, update, delete, subscribe, unsubscribe, subscribers (/agent/v1/signals/...).
 * A signal belongs to the user who created it; only they may change, delete it or (un)subscribe others. Unknown
 * signals are a 400, as the spec documents no 404 for these endpoints.
 */
import { enforceSignal } from '../dlp-enforcement';
import { readBody, readJson } from '../http/body';
import { badRequest, forbidden } from '../http/errors';
import { NO_BODY, type Reply, type Router, type UserContext } from '../http/router';
import type { SimUser } from '../model';
import { check } from '../schemas';
import { signalValidators } from '../schemas-signals';
import { checkSignalQuery } from '../signal-query';
import type { SimSignal, SimSubscription } from '../state-signals';
import { booleanQuery } from './query';
import { integerQuery } from './query';

/** Signal (BaseSignal + id, timestamp). */
function signalJson(signal: SimSignal): Record<string, unknown> {
  const { id, name, query, visibleOnProfile, companyWide, timestamp } = signal;
  return { id, name, query, visibleOnProfile, companyWide, timestamp };
}

function validQuery(query: string): string {
  const verdict = checkSignalQuery(query);
  if (!verdict.ok) throw badRequest(verdict.reason);
  return query;
}

function findSignal(ctx: UserContext): SimSignal {
  const signal = ctx.sim.state.signals.get(ctx.params.id);
  if (!signal) throw badRequest(`Signal ${ctx.params.id} not found`);
  return signal;
}

function visibleSignal(ctx: UserContext): SimSignal {
  const signal = findSignal(ctx);
  if (!ctx.sim.state.signals.canSee(signal, ctx.caller.user.id)) {
    throw forbidden(`User ${ctx.caller.user.username} may not access signal ${signal.id}`);
  }
  return signal;
}

function ownedSignal(ctx: UserContext, action: string): SimSignal {
  const signal = findSignal(ctx);
  if (signal.ownerId !== ctx.caller.user.id) {
    throw forbidden(`Only the creator of signal ${signal.id} may ${action}`);
  }
  return signal;
}

function listSignals(ctx: UserContext): Reply {
  const skip = integerQuery(ctx.query, 'skip', 0) ?? 0;
  const limit = integerQuery(ctx.query, 'limit', 1, 500) ?? 50;
  const signals = ctx.sim.state.signals.listFor(ctx.caller.user.id);
  return { status: 200, body: signals.slice(skip, skip + limit).map(signalJson) };
}

async function createSignal(ctx: UserContext): Promise<Reply> {
  const body = check(signalValidators.baseSignal, await readJson(ctx.req), 'signal');
  const { signals } = ctx.sim.state;
  const signal = signals.create(ctx.caller.user.id, {
    name: body.name, query: validQuery(body.query), visibleOnProfile: body.visibleOnProfile ?? false, companyWide: body.companyWide ?? false,
  });
  // Checked once the signal has its id, which a violation names; a blocked signal is not kept.
  try {
    enforceSignal(ctx.sim.state, ctx.caller.user, signal);
  } catch (err) {
    signals.delete(signal.id);
    throw err;
  }
  return { status: 200, body: signalJson(signal) };
}

async function updateSignal(ctx: UserContext): Promise<Reply> {
  const changes = check(signalValidators.signalChanges, await readJson(ctx.req), 'signal');
  const signal = ownedSignal(ctx, 'update it');
  if (changes.query !== undefined) validQuery(changes.query);
  if (changes.name !== undefined) enforceSignal(ctx.sim.state, ctx.caller.user, { id: signal.id, name: changes.name, query: changes.query ?? signal.query });
  if (changes.query !== undefined) signal.query = changes.query;
  if (changes.name !== undefined) signal.name = changes.name;
  if (changes.visibleOnProfile !== undefined) signal.visibleOnProfile = changes.visibleOnProfile;
  if (changes.companyWide !== undefined) signal.companyWide = changes.companyWide;
  return { status: 200, body: signalJson(signal) };
}

function deleteSignal(ctx: UserContext): Reply {
  const signal = ownedSignal(ctx, 'delete it');
  ctx.sim.state.signals.delete(signal.id);
  return { status: 200, body: { format: 'TEXT', message: 'Signal deleted' } };
}

/** The bulk user ids, or undefined when the body is absent or empty (the caller acts for themselves). */
async function bulkUsers(ctx: UserContext): Promise<number[] | undefined> {
  const text = (await readBody(ctx.req)).toString('utf8');
  if (text.trim() === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw badRequest(`Request body is not valid JSON: ${(err as Error).message}`);
  }
  const users = check(signalValidators.signalUsers, body, 'users');
  return users.length === 0 ? undefined : [...new Set(users)];
}

interface SubscriptionError { userId: number; code: string; message: string }

/** ChannelSubscriptionResponse. */
function subscriptionResult(requested: number, errors: SubscriptionError[]): Reply {
  return {
    status: 200,
    body: { requestedSubscription: requested, successfulSubscription: requested - errors.length, failedSubscription: errors.length, subscriptionErrors: errors },
  };
}

/** A user that bulk (un)subscription cannot act on, as a subscription error; undefined when they are fine. */
function unfitUser(ctx: UserContext, userId: number): SubscriptionError | undefined {
  const user: SimUser | undefined = ctx.sim.state.users.get(userId);
  if (!user) return { userId, code: 'USER_NOT_FOUND', message: `User ${userId} not found` };
  if (!user.active) return { userId, code: 'USER_INACTIVE', message: `User ${userId} is not active` };
  return undefined;
}

async function subscribe(ctx: UserContext): Promise<Reply> {
  const users = await bulkUsers(ctx);
  const pushed = booleanQuery(ctx.query, 'pushed') ?? false;
  const { signals } = ctx.sim.state;
  const caller = ctx.caller.user;
  if (!users) {
    signals.subscribe(visibleSignal(ctx), caller.id, false);
    return subscriptionResult(1, []);
  }
  const signal = ownedSignal(ctx, 'subscribe other users');
  const errors: SubscriptionError[] = [];
  for (const userId of users) {
    const unfit = unfitUser(ctx, userId);
    if (unfit) errors.push(unfit);
    else signals.subscribe(signal, userId, pushed);
  }
  return subscriptionResult(users.length, errors);
}

/** Why a subscription cannot be ended, if it cannot. */
function cannotUnsubscribe(signal: SimSignal, userId: number, byOwner: boolean): SubscriptionError | undefined {
  if (userId === signal.ownerId) return { userId, code: 'OWNER_SUBSCRIPTION', message: 'The creator of a signal stays subscribed to it' };
  if (!byOwner && signal.subscribers.get(userId)?.pushed) {
    return { userId, code: 'PUSHED_SUBSCRIPTION', message: 'A pushed subscription can only be ended by the signal\'s creator' };
  }
  return undefined;
}

async function unsubscribe(ctx: UserContext): Promise<Reply> {
  const users = await bulkUsers(ctx);
  const caller = ctx.caller.user;
  const signal = users ? ownedSignal(ctx, 'unsubscribe other users') : visibleSignal(ctx);
  const errors: SubscriptionError[] = [];
  for (const userId of users ?? [caller.id]) {
    // Not being subscribed is the state asked for: a success, so a repeated call does no harm.
    const problem = (users ? unfitUser(ctx, userId) : undefined) ?? cannotUnsubscribe(signal, userId, users !== undefined);
    if (problem) errors.push(problem);
    else signal.subscribers.delete(userId);
  }
  return subscriptionResult(users?.length ?? 1, errors);
}

/** ChannelSubscriber. */
function subscriberJson(ctx: UserContext, signal: SimSignal, subscription: SimSubscription): Record<string, unknown> {
  const user = ctx.sim.state.users.get(subscription.userId);
  return {
    subscriptionId: subscription.subscriptionId,
    pushed: subscription.pushed,
    owner: subscription.userId === signal.ownerId,
    subscriberName: user?.displayName ?? String(subscription.userId),
    userId: subscription.userId,
    timestamp: subscription.timestamp,
  };
}

function listSubscribers(ctx: UserContext): Reply {
  const skip = integerQuery(ctx.query, 'skip', 0) ?? 0;
  const limit = integerQuery(ctx.query, 'limit', 1) ?? 100;
  const signal = visibleSignal(ctx);
  const all = [...signal.subscribers.values()];
  const page = all.slice(skip, skip + limit);
  return {
    status: 200,
    body: { offset: skip, hasMore: skip + page.length < all.length, total: all.length, data: page.map((s) => subscriberJson(ctx, signal, s)) },
  };
}

export function registerSignalsRoutes(router: Router): void {
  router.user('GET', '/agent/v1/signals/list', listSignals);
  router.user('GET', '/agent/v1/signals/{id}/get', (ctx) => ({ status: 200, body: signalJson(visibleSignal(ctx)) }));
  router.user('POST', '/agent/v1/signals/create', createSignal);
  router.user('POST', '/agent/v1/signals/{id}/update', updateSignal);
  router.user('POST', '/agent/v1/signals/{id}/delete', deleteSignal, NO_BODY);
  router.user('POST', '/agent/v1/signals/{id}/subscribe', subscribe);
  router.user('POST', '/agent/v1/signals/{id}/unsubscribe', unsubscribe);
  router.user('GET', '/agent/v1/signals/{id}/subscribers', listSubscribers);
}
