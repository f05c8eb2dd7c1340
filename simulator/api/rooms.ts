/** Pod rooms: create, info, update, (de)activate (POST /pod/v3/room/create, /pod/v3/room/{id}/...). */
import { readJson } from '../http/body';
import { enforceRoom } from '../dlp-enforcement';
import { badRequest } from '../http/errors';
import { NO_BODY, type Reply, type Router, type UserContext } from '../http/router';
import { newStreamId } from '../ids';
import type { SimStream } from '../model';
import { check } from '../schemas';
import { BOOLEAN_ATTRIBUTES, streamValidators, type V3RoomAttributes } from '../schemas-streams';
import { defaultRoomFlags, roomNameKey, type RoomRecord } from '../state-streams';
import { booleanQuery } from './query';
import { findRoom, requireOwner, requireVisible } from './streams-access';
import { roomDetail, v3RoomDetail } from './stream-views';

const MAX_NAME_LENGTH = 50;
/** Fixed when the room is created (ImmutableRoomAttributes). */
const IMMUTABLE = ['public', 'readOnly', 'copyProtected', 'crossPod'] as const;

function checkName(ctx: UserContext, name: string, except?: SimStream): void {
  if (name.trim() === '') throw badRequest('name is required');
  if (name.length > MAX_NAME_LENGTH) throw badRequest(`name must be at most ${MAX_NAME_LENGTH} characters`);
  const key = roomNameKey(name);
  for (const stream of ctx.sim.state.streams.values()) {
    if (stream.type === 'ROOM' && stream !== except && roomNameKey(stream.roomName ?? '') === key) {
      throw badRequest(`A room named ${JSON.stringify(stream.roomName)} already exists`);
    }
  }
}

/** The pod's rules between settings: public rooms are open, cross-pod rooms are not. */
function checkFlags(flags: RoomRecord['flags']): void {
  if (flags.public) {
    for (const name of ['viewHistory', 'discoverable', 'membersCanInvite'] as const) {
      if (!flags[name]) throw badRequest(`${name} cannot be false when public is true`);
    }
  }
  if (flags.crossPod) {
    for (const name of ['readOnly', 'public', 'discoverable'] as const) {
      if (flags[name]) throw badRequest(`${name} cannot be true when crossPod is true`);
    }
  }
}

function checkPinned(ctx: UserContext, room: SimStream, messageId: string): void {
  if (messageId === '') return;
  const found = (ctx.sim.state.messages.get(room.id) ?? []).some((m) => m.messageId === messageId);
  if (!found) throw badRequest(`pinnedMessageId ${messageId} is not a message of room ${room.id}`);
}

async function createRoom(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const caller = ctx.caller.user;
  const body = check(streamValidators.v3RoomAttributes, await readJson(ctx.req), 'payload');
  checkName(ctx, body.name ?? '');
  const flags = defaultRoomFlags();
  // A public room is open to all: unset openness settings follow it (set ones are checked below).
  if (body.public) Object.assign(flags, { viewHistory: true, discoverable: true, membersCanInvite: true });
  for (const name of BOOLEAN_ATTRIBUTES) if (body[name] !== undefined && name !== 'groupChat') flags[name] = body[name]!;
  checkFlags(flags);
  if (body.pinnedMessageId) throw badRequest('pinnedMessageId cannot be set on a room without messages');

  const id = newStreamId();
  enforceRoom(state, caller, { streamId: id, name: body.name!, description: body.description ?? '', crossPod: flags.crossPod, publicRoom: flags.public });
  const now = Date.now();
  const stream: SimStream = {
    id, type: 'ROOM', members: [caller.id], roomName: body.name!, createdBy: caller.id, createdAt: now, active: true,
  };
  state.streams.set(stream.id, stream);
  state.messages.set(stream.id, []);
  state.streamDetails.setRoom(stream, {
    description: body.description ?? '', keywords: body.keywords ?? [], flags, owners: new Set([caller.id]),
  });
  ctx.sim.events.roomCreated(stream, caller);
  return { status: 200, body: v3RoomDetail(state, stream) };
}

function roomInfo(ctx: UserContext): Reply {
  const room = findRoom(ctx);
  requireVisible(ctx, room);
  return { status: 200, body: v3RoomDetail(ctx.sim.state, room) };
}

async function updateRoom(ctx: UserContext): Promise<Reply> {
  const { state } = ctx.sim;
  const room = findRoom(ctx);
  const body: V3RoomAttributes = check(streamValidators.v3RoomAttributes, await readJson(ctx.req), 'payload');
  requireOwner(ctx, room);
  const record = state.streamDetails.room(room);
  for (const name of IMMUTABLE) {
    if (body[name] !== undefined && body[name] !== record.flags[name]) throw badRequest(`${name} cannot be changed once the room is created`);
  }
  if (body.name !== undefined) checkName(ctx, body.name, room);
  if (body.pinnedMessageId !== undefined) checkPinned(ctx, room, body.pinnedMessageId);
  const flags = { ...record.flags };
  for (const name of BOOLEAN_ATTRIBUTES) if (body[name] !== undefined && name !== 'groupChat') flags[name] = body[name]!;
  checkFlags(flags);
  if (body.name !== undefined || body.description !== undefined) {
    enforceRoom(state, ctx.caller.user, {
      streamId: room.id, name: body.name ?? room.roomName ?? '', description: body.description ?? record.description, crossPod: flags.crossPod, publicRoom: flags.public,
    });
  }

  record.flags = flags;
  if (body.name !== undefined) room.roomName = body.name;
  if (body.description !== undefined) record.description = body.description;
  if (body.keywords !== undefined) record.keywords = body.keywords;
  if (body.pinnedMessageId !== undefined) record.pinnedMessageId = body.pinnedMessageId || undefined;
  ctx.sim.events.roomUpdated(room, ctx.caller.user);
  return { status: 200, body: v3RoomDetail(state, room) };
}

function setActive(ctx: UserContext): Reply {
  const room = findRoom(ctx);
  const active = booleanQuery(ctx.query, 'active');
  if (active === undefined) throw badRequest('active is required');
  requireOwner(ctx, room);
  // The flag lives on SimStream, where sending a message checks it.
  const changed = room.active !== active;
  room.active = active;
  if (changed) ctx.sim.events.roomActivation(room, ctx.caller.user);
  return { status: 200, body: roomDetail(ctx.sim.state, room) };
}

export function registerRoomRoutes(router: Router): void {
  router.user('POST', '/pod/v3/room/create', createRoom);
  router.user('GET', '/pod/v3/room/{id}/info', roomInfo);
  router.user('POST', '/pod/v3/room/{id}/update', updateRoom);
  router.user('POST', '/pod/v1/room/{id}/setActive', setActive, NO_BODY);
}
