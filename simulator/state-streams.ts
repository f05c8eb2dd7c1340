/**
 * What the streams area keeps beside SimStream: room attributes, owners, join dates, pinned messages and when
 * membership last changed. SimStream stays the truth for members, room name and `active`, which the message
 * endpoints read too (a deactivated room refuses messages there).
 */
import type { SimStream } from './model';
import type { BooleanRoomAttribute, RoomTag } from './schemas-streams';

export type RoomFlags = Record<BooleanRoomAttribute, boolean>;

export interface RoomRecord {
  description: string;
  keywords: RoomTag[];
  flags: RoomFlags;
  pinnedMessageId?: string;
  owners: Set<number>;
}

const NO_FLAGS: RoomFlags = {
  membersCanInvite: false, discoverable: false, public: false, readOnly: false, copyProtected: false, crossPod: false,
  viewHistory: false, multiLateralRoom: false, scheduledMeeting: false, groupChat: false,
};

export function defaultRoomFlags(): RoomFlags {
  return { ...NO_FLAGS };
}

/** Room names are the same when they differ only in case and whitespace (as the pod compares them). */
export const roomNameKey = (name: string): string => name.replace(/\s+/g, '').toLowerCase();

export class StreamDetails {
  private readonly rooms = new Map<string, RoomRecord>();
  private readonly joinDates = new Map<string, Map<number, number>>();
  private readonly imPins = new Map<string, string>();
  private readonly modifiedAt = new Map<string, number>();
  /** Users who left or were removed, with when they had joined, per stream (admin member list, past members). */
  private readonly past = new Map<string, Map<number, number>>();

  /** The room's record; rooms made outside this area (the seed) get defaults, their creator as owner. */
  room(stream: SimStream): RoomRecord {
    let record = this.rooms.get(stream.id);
    if (!record) {
      record = { description: '', keywords: [], flags: defaultRoomFlags(), owners: new Set([stream.createdBy]) };
      this.rooms.set(stream.id, record);
    }
    return record;
  }

  setRoom(stream: SimStream, record: RoomRecord): void {
    this.rooms.set(stream.id, record);
  }

  joinDate(stream: SimStream, userId: number): number {
    return this.joinDates.get(stream.id)?.get(userId) ?? stream.createdAt;
  }

  lastModified(stream: SimStream): number {
    return this.modifiedAt.get(stream.id) ?? stream.createdAt;
  }

  addMember(stream: SimStream, userId: number, now: number): void {
    if (stream.members.includes(userId)) return;
    stream.members.push(userId);
    this.past.get(stream.id)?.delete(userId);
    const dates = this.joinDates.get(stream.id) ?? new Map<number, number>();
    dates.set(userId, now);
    this.joinDates.set(stream.id, dates);
    this.modifiedAt.set(stream.id, now);
  }

  removeMember(stream: SimStream, userId: number, now: number): void {
    const at = stream.members.indexOf(userId);
    if (at < 0) return;
    stream.members.splice(at, 1);
    const pastDates = this.past.get(stream.id) ?? new Map<number, number>();
    pastDates.set(userId, this.joinDate(stream, userId));
    this.past.set(stream.id, pastDates);
    this.joinDates.get(stream.id)?.delete(userId);
    this.room(stream).owners.delete(userId);
    this.modifiedAt.set(stream.id, now);
  }

  /** Former members (not members now) and when they had joined. */
  pastMembers(stream: SimStream): ReadonlyMap<number, number> {
    return this.past.get(stream.id) ?? new Map();
  }

  pinnedInIm(stream: SimStream): string | undefined {
    return this.imPins.get(stream.id);
  }

  pinInIm(stream: SimStream, messageId: string): void {
    if (messageId === '') this.imPins.delete(stream.id);
    else this.imPins.set(stream.id, messageId);
  }
}
