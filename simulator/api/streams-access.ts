/** Shared checks of the streams endpoints: which stream, may the caller see or manage it, which page. */
import { readBody } from '../http/body';
import { badRequest, forbidden } from '../http/errors';
import type { UserContext } from '../http/router';
import { toUrlSafeId } from '../ids';
import type { SimStream } from '../model';
import { integerQuery } from './query';

/** The pod's 403 text, with the reason after it. */
export const ENTITLEMENT = 'The user lacks the required entitlement to perform this operation';

/** Admin stream endpoints are for service accounts with the User Provisioning role. */
export const STREAM_ADMIN_ROLE = 'USER_PROVISIONING';

export function requireStreamAdmin(ctx: UserContext): void {
  const user = ctx.caller.user;
  if (!user.roles.includes(STREAM_ADMIN_ROLE)) throw forbidden(`${ENTITLEMENT}: ${user.username} lacks the User Provisioning role`);
}

/** The stream named by a path parameter; the pod answers an unknown id with 400. */
export function findStream(ctx: UserContext, param: string): SimStream {
  const raw = ctx.params[param] ?? '';
  const stream = ctx.sim.state.streams.get(toUrlSafeId(raw));
  if (!stream) throw badRequest(`Stream ${raw} not found`);
  return stream;
}

export function findRoom(ctx: UserContext): SimStream {
  const stream = findStream(ctx, 'id');
  if (stream.type !== 'ROOM') throw badRequest(`Stream ${stream.id} is not a room`);
  return stream;
}

export function findIm(ctx: UserContext): SimStream {
  const stream = findStream(ctx, 'id');
  if (stream.type === 'ROOM') throw badRequest(`Stream ${stream.id} is not an IM`);
  return stream;
}

/** Members see a stream; so does anyone for a public or discoverable room. */
export function requireVisible(ctx: UserContext, stream: SimStream): void {
  const caller = ctx.caller.user;
  if (stream.members.includes(caller.id)) return;
  if (stream.type === 'ROOM') {
    const { flags } = ctx.sim.state.streamDetails.room(stream);
    if (flags.public || flags.discoverable) return;
  }
  throw forbidden(`${ENTITLEMENT}: ${caller.username} is not a member of stream ${stream.id}`);
}

export function requireMember(ctx: UserContext, stream: SimStream): void {
  const caller = ctx.caller.user;
  if (!stream.members.includes(caller.id)) throw forbidden(`${ENTITLEMENT}: ${caller.username} is not a member of stream ${stream.id}`);
}

export function requireOwner(ctx: UserContext, room: SimStream): void {
  const caller = ctx.caller.user;
  if (!ctx.sim.state.streamDetails.room(room).owners.has(caller.id)) {
    throw forbidden(`${ENTITLEMENT}: ${caller.username} is not an owner of room ${room.id}`);
  }
}

/** An optional JSON body (list filters): absent or blank reads as {}. */
export async function readOptionalJson(ctx: UserContext): Promise<unknown> {
  const text = (await readBody(ctx.req)).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest(`Request body is not valid JSON: ${(err as Error).message}`);
  }
}

export interface Page { skip: number; limit: number }

/** skip and limit from the query, with the endpoint's default and largest page. */
export function pageQuery(ctx: UserContext, defaultLimit: number, maxLimit: number): Page {
  return { skip: integerQuery(ctx.query, 'skip', 0) ?? 0, limit: integerQuery(ctx.query, 'limit', 1, maxLimit) ?? defaultLimit };
}

export function pageOf<T>(items: readonly T[], page: Page): T[] {
  return items.slice(page.skip, page.skip + page.limit);
}
