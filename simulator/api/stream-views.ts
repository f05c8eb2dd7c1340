/** JSON views of streams, shaped like the pod spec's response schemas (V3RoomDetail, V2StreamAttributes...). */
import type { SimStream, SimUser } from '../model';
import type { SimulatorState } from '../state';
import { BOOLEAN_ATTRIBUTES } from '../schemas-streams';

/** Symphony user ids carry the tenant (company) id in the bits above 27. */
export const tenantOf = (userId: number): number => Math.floor(userId / 2 ** 27);

/** True when some member belongs to another company than the pod. */
export function isCrossPod(state: SimulatorState, stream: SimStream): boolean {
  return stream.members.some((id) => tenantOf(id) !== state.podId);
}

export function lastMessageDate(state: SimulatorState, stream: SimStream): number | undefined {
  const history = state.messages.get(stream.id);
  return history && history.length > 0 ? history[history.length - 1]!.timestamp : undefined;
}

/** Pod V3RoomAttributes as stored. */
export function v3RoomAttributes(state: SimulatorState, stream: SimStream): Record<string, unknown> {
  const room = state.streamDetails.room(stream);
  const attributes: Record<string, unknown> = { name: stream.roomName ?? '', keywords: room.keywords.map((k) => ({ ...k })), description: room.description };
  for (const flag of BOOLEAN_ATTRIBUTES) attributes[flag] = room.flags[flag];
  if (room.pinnedMessageId) attributes.pinnedMessageId = room.pinnedMessageId;
  return attributes;
}

/** Pod RoomSystemInfo. */
export function roomSystemInfo(stream: SimStream): Record<string, unknown> {
  return { id: stream.id, creationDate: stream.createdAt, createdByUserId: stream.createdBy, active: stream.active };
}

/** Pod V3RoomDetail. */
export function v3RoomDetail(state: SimulatorState, stream: SimStream): Record<string, unknown> {
  return { roomAttributes: v3RoomAttributes(state, stream), roomSystemInfo: roomSystemInfo(stream) };
}

/** Pod RoomDetail (the older shape setActive still answers with). */
export function roomDetail(state: SimulatorState, stream: SimStream): Record<string, unknown> {
  const room = state.streamDetails.room(stream);
  return {
    roomAttributes: {
      name: stream.roomName ?? '', description: room.description, membersCanInvite: room.flags.membersCanInvite, discoverable: room.flags.discoverable,
    },
    roomSystemInfo: roomSystemInfo(stream),
    immutableRoomAttributes: { public: room.flags.public, readOnly: room.flags.readOnly, copyProtected: room.flags.copyProtected },
  };
}

/** Pod V1IMDetail. */
export function v1ImDetail(state: SimulatorState, stream: SimStream): Record<string, unknown> {
  const pinned = state.streamDetails.pinnedInIm(stream);
  return {
    V1IMAttributes: pinned ? { pinnedMessageId: pinned } : {},
    IMSystemInfo: { id: stream.id, creationDate: stream.createdAt, active: stream.active },
  };
}

/** Members of IMs, or the name of rooms: what both stream attribute shapes carry per type. */
function typeAttributes(stream: SimStream): Record<string, unknown> {
  return stream.type === 'ROOM' ? { roomAttributes: { name: stream.roomName ?? '' } } : { streamAttributes: { members: [...stream.members] } };
}

/** Pod StreamAttributes (list my streams, and the deprecated v1 stream info). */
export function streamAttributes(state: SimulatorState, stream: SimStream): Record<string, unknown> {
  return { id: stream.id, crossPod: isCrossPod(state, stream), active: stream.active, streamType: { type: stream.type }, ...typeAttributes(stream) };
}

/** Pod V2StreamAttributes. */
export function v2StreamAttributes(state: SimulatorState, stream: SimStream): Record<string, unknown> {
  return {
    id: stream.id,
    crossPod: isCrossPod(state, stream),
    origin: tenantOf(stream.createdBy) === state.podId ? 'INTERNAL' : 'EXTERNAL',
    active: stream.active,
    lastMessageDate: lastMessageDate(state, stream),
    streamType: { type: stream.type },
    ...typeAttributes(stream),
  };
}

/** Pod MemberInfo (room member list). */
export function memberInfo(state: SimulatorState, stream: SimStream, userId: number): Record<string, unknown> {
  return { id: userId, owner: state.streamDetails.room(stream).owners.has(userId), joinDate: state.streamDetails.joinDate(stream, userId) };
}

/** Pod V2MemberInfo (admin member list); owners only exist in rooms. */
export function v2MemberInfo(state: SimulatorState, stream: SimStream, user: SimUser): Record<string, unknown> {
  const owner = stream.type === 'ROOM' && state.streamDetails.room(stream).owners.has(user.id);
  return {
    user: {
      userId: user.id, email: user.emailAddress, firstName: user.firstName, lastName: user.lastName, displayName: user.displayName,
      company: user.company, companyId: tenantOf(user.id), isExternal: tenantOf(user.id) !== state.podId,
    },
    isOwner: owner,
    isCreator: stream.createdBy === user.id,
    joinDate: state.streamDetails.joinDate(stream, user.id),
  };
}

/** Pod V2AdminStreamInfo. */
export function v2AdminStreamInfo(state: SimulatorState, stream: SimStream): Record<string, unknown> {
  const creator = state.users.get(stream.createdBy);
  const room = stream.type === 'ROOM' ? state.streamDetails.room(stream) : undefined;
  const crossPod = isCrossPod(state, stream);
  const internalOrigin = tenantOf(stream.createdBy) === state.podId;
  return {
    id: stream.id,
    isExternal: crossPod,
    isActive: stream.active,
    isPublic: room ? room.flags.public : undefined,
    type: stream.type,
    crossPod,
    origin: internalOrigin ? 'INTERNAL' : 'EXTERNAL',
    attributes: {
      roomName: room ? stream.roomName ?? '' : undefined,
      roomDescription: room ? room.description : undefined,
      members: room ? undefined : [...stream.members],
      createdByUserId: stream.createdBy,
      createdDate: stream.createdAt,
      lastModifiedDate: state.streamDetails.lastModified(stream),
      originCompany: creator?.company,
      originCompanyId: tenantOf(stream.createdBy),
      membersCount: stream.members.length,
      lastMessageDate: lastMessageDate(state, stream),
      groupChat: false,
    },
  };
}
