/**
 * Pod stream reads: the caller's streams (POST /pod/v1/streams/list), stream info (v2, and the deprecated v1 the
 * OBO table still names), a stream's attachments, and the admin lists of every stream and of a stream's members.
 */
import { badRequest } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import type { SimStream } from '../model';
import { check } from '../schemas';
import { streamValidators, type AdminStreamFilter } from '../schemas-streams';
import type { SimulatorState } from '../state';
import {
  findStream, pageOf, pageQuery, readOptionalJson, requireMember, requireStreamAdmin, requireVisible,
} from './streams-access';
import { isCrossPod, streamAttributes, tenantOf, v2AdminStreamInfo, v2MemberInfo, v2StreamAttributes } from './stream-views';
import { integerQuery } from './query';

/** Oldest first, as the pod sorts stream lists. */
const byCreation = (state: SimulatorState): SimStream[] => [...state.streams.values()].sort((a, b) => a.createdAt - b.createdAt);

async function listMyStreams(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const page = pageQuery(ctx, 50, 1000);
  const filter = check(streamValidators.streamFilter, await readOptionalJson(ctx), 'filter');
  const types = filter.streamTypes?.map((t) => t.type as string);
  const callerId = ctx.caller.user.id;
  const streams = byCreation(state).filter((s) => s.members.includes(callerId)
    && (types === undefined || types.length === 0 || types.includes(s.type))
    && (s.active || filter.includeInactiveStreams === true));
  return { status: 200, body: pageOf(streams, page).map((s) => streamAttributes(state, s)) };
}

function streamInfo(ctx: UserContext): Reply {
  const stream = findStream(ctx, 'sid');
  requireVisible(ctx, stream);
  return { status: 200, body: v2StreamAttributes(ctx.sim.state, stream) };
}

function streamInfoV1(ctx: UserContext): Reply {
  const stream = findStream(ctx, 'sid');
  requireVisible(ctx, stream);
  return { status: 200, body: streamAttributes(ctx.sim.state, stream) };
}

function listAttachments(ctx: UserContext): Reply {
  const stream = findStream(ctx, 'sid');
  const since = integerQuery(ctx.query, 'since', 0) ?? 0;
  const to = integerQuery(ctx.query, 'to', 0) ?? Number.MAX_SAFE_INTEGER;
  const limit = integerQuery(ctx.query, 'limit', 1, 100) ?? 50;
  const sortDir = ctx.query.get('sortDir') || 'ASC';
  if (sortDir !== 'ASC' && sortDir !== 'DESC') throw badRequest('sortDir must be ASC or DESC');
  requireMember(ctx, stream);
  const items = (ctx.sim.state.messages.get(stream.id) ?? [])
    .filter((m) => m.suppressedAt === undefined && m.timestamp >= since && m.timestamp <= to)
    .flatMap((m) => m.attachments.map((a) => ({
      messageId: m.messageId, ingestionDate: m.timestamp, userId: m.userId, fileId: a.id, name: a.name, size: a.size,
      'content-type': a.contentType, previews: a.previewId ? [{ fileId: a.previewId, width: 600 }] : [],
    })));
  if (sortDir === 'DESC') items.reverse();
  return { status: 200, body: items.slice(0, limit) };
}

function matchesAdminFilter(state: SimulatorState, stream: SimStream, filter: AdminStreamFilter): boolean {
  const types = filter.streamTypes?.map((t) => t.type);
  if (types && types.length > 0 && !types.includes(stream.type)) return false;
  const external = isCrossPod(state, stream);
  if (filter.scope && (filter.scope === 'EXTERNAL') !== external) return false;
  if (filter.origin && (filter.origin === 'INTERNAL') !== (tenantOf(stream.createdBy) === state.podId)) return false;
  if (filter.status && (filter.status === 'ACTIVE') !== stream.active) return false;
  if (filter.privacy) {
    const isPublic = stream.type === 'ROOM' && state.streamDetails.room(stream).flags.public;
    if ((filter.privacy === 'PUBLIC') !== isPublic) return false;
  }
  // The range applies to when the membership last changed.
  const modified = state.streamDetails.lastModified(stream);
  return modified >= (filter.startDate ?? 0) && modified <= (filter.endDate ?? Number.MAX_SAFE_INTEGER);
}

async function listAllStreams(ctx: UserContext): Promise<Reply> {
  requireStreamAdmin(ctx);
  const { state } = ctx.sim;
  const page = pageQuery(ctx, 50, 100);
  const filter = check(streamValidators.adminStreamFilter, await readOptionalJson(ctx), 'filter');
  // The company's streams: those with at least one member of the pod.
  const found = byCreation(state).filter((s) => s.members.some((id) => tenantOf(id) === state.podId) && matchesAdminFilter(state, s, filter));
  return {
    status: 200,
    body: { count: found.length, skip: page.skip, limit: page.limit, filter, streams: pageOf(found, page).map((s) => v2AdminStreamInfo(state, s)) },
  };
}

function listStreamMembers(ctx: UserContext): Reply {
  requireStreamAdmin(ctx);
  const { state } = ctx.sim;
  const stream = findStream(ctx, 'id');
  const page = pageQuery(ctx, 100, 1000);
  const members = stream.members.flatMap((id) => {
    const user = state.users.get(id);
    return user ? [v2MemberInfo(state, stream, user)] : [];
  });
  return { status: 200, body: { count: members.length, skip: page.skip, limit: page.limit, members: pageOf(members, page) } };
}

export function registerStreamListRoutes(router: Router): void {
  router.user('POST', '/pod/v1/streams/list', listMyStreams);
  router.user('GET', '/pod/v2/streams/{sid}/info', streamInfo);
  router.user('GET', '/pod/v1/streams/{sid}/info', streamInfoV1);
  router.user('GET', '/pod/v1/streams/{sid}/attachments', listAttachments);
  router.user('POST', '/pod/v2/admin/streams/list', listAllStreams);
  router.user('GET', '/pod/v1/admin/stream/{id}/membership/list', listStreamMembers);
}
