/**
 * Agent datahose: POST /agent/v5/events/read (V5EventsReadBody: type "datahose", tag, eventTypes, scopes, ackId,
 * updatePresence). Only service accounts read it; an OBO session is refused by the guard (not in the OBO table).
 */
import { applyPresence } from '../state-presence';
import { readJsonObject } from '../http/body';
import { badRequest, forbidden } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import { DATAHOSE_SCOPES, type DatahoseScope } from '../datahose';
import { EVENT_TYPES } from '../events';

const MAX_TAG_LENGTH = 80;
/** The types V5EventsReadBody lists: every real-time event but generic system events. */
const DATAHOSE_TYPES: readonly string[] = EVENT_TYPES.filter((type) => type !== 'GENERICSYSTEMEVENT');

function stringList(body: Record<string, unknown>, name: string, allowed: readonly string[]): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw badRequest(`${name} must be a list of strings`);
  const unknown = value.find((item) => !allowed.includes(item as string));
  if (unknown !== undefined) throw badRequest(`${name}: ${JSON.stringify(unknown)} is not one of ${allowed.join(', ')}`);
  return [...new Set(value as string[])];
}

async function readEvents(ctx: UserContext): Promise<Reply> {
  const body = await readJsonObject(ctx.req);
  if (body.type !== 'datahose') throw badRequest('type is required and must be "datahose"');
  const { tag } = body;
  if (typeof tag !== 'string' || tag.length < 1 || tag.length > MAX_TAG_LENGTH) throw badRequest(`tag is required: a string of 1 to ${MAX_TAG_LENGTH} characters`);
  const eventTypes = stringList(body, 'eventTypes', DATAHOSE_TYPES);
  if (!eventTypes || eventTypes.length === 0) throw badRequest('eventTypes: at least one event type is required');
  const scopes = (stringList(body, 'scopes', DATAHOSE_SCOPES) ?? []) as DatahoseScope[];
  const ackId = body.ackId ?? '';
  if (typeof ackId !== 'string') throw badRequest('ackId must be a string');
  if (body.updatePresence !== undefined && typeof body.updatePresence !== 'boolean') throw badRequest('updatePresence must be a boolean');
  const { user } = ctx.caller;
  if (user.accountType !== 'SYSTEM') throw forbidden('The datahose is available to service accounts only');

  if (body.updatePresence !== false) applyPresence(ctx.sim.state, user.id, 'AVAILABLE', false);
  const feed = ctx.sim.datahose.feed({ userId: user.id, tag, eventTypes, scopes });
  const socket = ctx.req.socket;
  let onClose: (() => void) | undefined;
  const result = await ctx.sim.datahose.read(feed, ackId, (cancel) => {
    onClose = cancel;
    socket.once('close', cancel);
  });
  if (onClose) socket.off('close', onClose);
  if (!result || !result.found) return { status: 204 };
  return { status: 200, body: { events: result.events, ackId: result.ackId } };
}

export function registerDatahoseRoutes(router: Router): void {
  router.user('POST', '/agent/v5/events/read', readEvents);
}
