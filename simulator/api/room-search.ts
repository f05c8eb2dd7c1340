/** Pod room search: POST /pod/v3/room/search (V2RoomSearchCriteria in, V3RoomSearchResults out). */
import { readJson } from '../http/body';
import type { Reply, Router, UserContext } from '../http/router';
import type { SimStream } from '../model';
import { check } from '../schemas';
import { streamValidators, type RoomSearchCriteria } from '../schemas-streams';
import type { SimulatorState } from '../state';
import { booleanQuery } from './query';
import { pageOf, pageQuery } from './streams-access';
import { v3RoomDetail } from './stream-views';

const ALL_FIELDS = ['name', 'description', 'keywords_key', 'keywords_value'];

/** The texts of a room the query is matched against, per search field. */
function fieldTexts(state: SimulatorState, room: SimStream, criteria: RoomSearchCriteria): string[] {
  const record = state.streamDetails.room(room);
  const fields = criteria.searchFields?.length ? criteria.searchFields : ALL_FIELDS;
  // Labels narrow keyword matching to the values of those keys.
  const keywords = criteria.labels?.length ? record.keywords.filter((k) => criteria.labels!.includes(k.key)) : record.keywords;
  const texts: string[] = [];
  if (fields.includes('name')) texts.push(room.roomName ?? '');
  if (fields.includes('description')) texts.push(record.description);
  if (fields.includes('keywords_key')) texts.push(...keywords.map((k) => k.key));
  if (fields.includes('keywords_value')) texts.push(...keywords.map((k) => k.value));
  return texts;
}

function matches(state: SimulatorState, room: SimStream, criteria: RoomSearchCriteria, callerId: number): boolean {
  const record = state.streamDetails.room(room);
  // Non-discoverable rooms are found by their members only (V3RoomAttributes.discoverable).
  if (!room.members.includes(callerId) && !record.flags.discoverable && !record.flags.public) return false;
  if (criteria.active !== undefined && room.active !== criteria.active) return false;
  if (criteria.private !== undefined && record.flags.public === criteria.private) return false;
  if (criteria.owner?.id !== undefined && !record.owners.has(criteria.owner.id)) return false;
  if (criteria.creator?.id !== undefined && room.createdBy !== criteria.creator.id) return false;
  if (criteria.member?.id !== undefined && !room.members.includes(criteria.member.id)) return false;
  const query = criteria.query.trim().toLowerCase();
  return query === '' || fieldTexts(state, room, criteria).some((text) => text.toLowerCase().includes(query));
}

async function searchRooms(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const page = pageQuery(ctx, 50, 100);
  // Accepted and checked; members always find their own rooms, so it widens nothing here.
  booleanQuery(ctx.query, 'includeNonDiscoverable');
  const criteria = check(streamValidators.roomSearchCriteria, await readJson(ctx.req), 'query');
  const found = [...state.streams.values()].filter((s) => s.type === 'ROOM' && matches(state, s, criteria, ctx.caller.user.id));
  const rooms = pageOf(found, page);
  const facetedMatchCount = (criteria.labels ?? []).map((label) => ({
    facet: label,
    count: found.filter((room) => state.streamDetails.room(room).keywords.some((k) => k.key === label)).length,
  }));
  return {
    status: 200,
    body: {
      count: found.length, skip: page.skip, limit: page.limit, query: criteria, rooms: rooms.map((room) => v3RoomDetail(state, room)), facetedMatchCount,
    },
  };
}

export function registerRoomSearchRoutes(router: Router): void {
  router.user('POST', '/pod/v3/room/search', searchRooms);
}
