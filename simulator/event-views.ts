/** The V4 shapes that real-time events carry (agent spec: V4Stream, V4RoomProperties), built from state records. */
import type { SimStream } from './model';
import type { SimulatorState } from './state';
import { v4User, type V4UserJson } from './api/views';

/** Agent V4Stream as events carry it; `members` only for INSTANTMESSAGECREATED. */
export interface V4EventStreamJson {
  streamId: string;
  streamType: SimStream['type'];
  roomName?: string;
  members?: V4UserJson[];
  external: boolean;
  crossPod: boolean;
}

export function eventStream(state: SimulatorState, stream: SimStream, withMembers = false): V4EventStreamJson {
  const users = stream.members.map((id) => state.users.get(id)).filter((u) => u !== undefined);
  const external = users.some((user) => !state.isInternal(user));
  return {
    streamId: stream.id,
    streamType: stream.type,
    roomName: stream.type === 'ROOM' ? stream.roomName : undefined,
    members: withMembers ? users.map((user) => v4User(state, user)) : undefined,
    external,
    crossPod: stream.type === 'ROOM' ? state.streamDetails.room(stream).flags.crossPod : external,
  };
}

/** Agent V4RoomProperties. */
export function roomProperties(state: SimulatorState, room: SimStream): Record<string, unknown> {
  const record = state.streamDetails.room(room);
  const creator = state.users.get(room.createdBy);
  const stream = eventStream(state, room);
  return {
    name: room.roomName,
    description: record.description,
    creatorUser: creator ? v4User(state, creator) : undefined,
    createdDate: room.createdAt,
    external: stream.external,
    crossPod: record.flags.crossPod,
    public: record.flags.public,
    copyProtected: record.flags.copyProtected,
    readOnly: record.flags.readOnly,
    discoverable: record.flags.discoverable,
    membersCanInvite: record.flags.membersCanInvite,
    keywords: record.keywords.map((k) => ({ key: k.key, value: k.value })),
    canViewHistory: record.flags.viewHistory,
  };
}
