/**
 * Conformance steps for the streams nodes (the shape of test/conformance/fixtures.ts STEPS): every type as the
 * bot and, when OBO-enabled, on behalf of a user. Each step's msg reads what earlier steps saved. Ready to be
 * spread into STEPS; test/nodes/streams-operations-conformance.test.ts runs them on their own meanwhile.
 */
import { DEFAULT_SEED } from '../../simulator';
import type { Saved, Step } from './fixtures';

const { users, rooms } = DEFAULT_SEED;
const desk = rooms[0]!.id;
const roomIdOf = (payload: unknown): string => (payload as { roomSystemInfo: { id: string } }).roomSystemInfo.id;
const messageIdOf = (payload: unknown): string => (payload as { messageId: string }).messageId;
/** Room names are unique in a pod; the conformance simulator may outlive one run of the steps. */
const stamp = `${process.pid}-${Date.now()}`;
const get = (saved: Saved, key: string): string => String(saved[key]);

export const STREAMS_STEPS: Step[] = [
  { type: 'symphony-im-create', as: 'bot', msg: () => ({ userIds: [users.bob.id] }), save: (s, p) => { s.streamsIm = (p as { id: string }).id; } },
  { type: 'symphony-im-create', as: 'alice', msg: () => ({ userIds: [users.carol.id] }) },
  {
    type: 'symphony-message-send', as: 'bot',
    msg: (s) => ({ streamId: get(s, 'streamsIm'), message: 'pin me', attachments: [{ name: 'a.txt', content: Buffer.from('a') }] }),
    save: (s, p) => { s.streamsImMessage = messageIdOf(p); },
  },
  { type: 'symphony-im-info', as: 'bot', msg: (s) => ({ streamId: get(s, 'streamsIm') }) },
  { type: 'symphony-im-update', as: 'bot', msg: (s) => ({ streamId: get(s, 'streamsIm'), pinnedMessageId: get(s, 'streamsImMessage') }) },
  {
    type: 'symphony-room-create', as: 'bot',
    msg: () => ({ roomName: `Conformance bot ${stamp}`, description: 'steps', keywords: [{ key: 'region', value: 'EMEA' }], attributes: { copyProtected: true } }),
    save: (s, p) => { s.streamsBotRoom = roomIdOf(p); },
  },
  {
    type: 'symphony-room-create', as: 'alice', msg: () => ({ roomName: `Conformance alice ${stamp}` }),
    save: (s, p) => { s.streamsAliceRoom = roomIdOf(p); },
  },
  { type: 'symphony-room-search', as: 'bot', msg: () => ({ query: 'Conformance', filters: { active: true, labels: ['region'] }, skip: 0, limit: 10 }) },
  { type: 'symphony-room-search', as: 'alice', msg: () => ({ query: 'Conformance' }) },
  { type: 'symphony-room-info', as: 'bot', msg: (s) => ({ roomId: get(s, 'streamsBotRoom') }) },
  { type: 'symphony-room-info', as: 'alice', msg: (s) => ({ roomId: get(s, 'streamsAliceRoom') }) },
  { type: 'symphony-room-update', as: 'bot', msg: (s) => ({ roomId: get(s, 'streamsBotRoom'), description: 'updated', keywords: [] }) },
  { type: 'symphony-room-update', as: 'alice', msg: (s) => ({ roomId: get(s, 'streamsAliceRoom'), attributes: { discoverable: true } }) },
  { type: 'symphony-room-member-add', as: 'bot', msg: (s) => ({ roomId: get(s, 'streamsBotRoom'), userId: users.carol.id }) },
  { type: 'symphony-room-member-add', as: 'alice', msg: (s) => ({ roomId: get(s, 'streamsAliceRoom'), userId: users.bob.id }) },
  { type: 'symphony-room-owner-promote', as: 'bot', msg: (s) => ({ roomId: get(s, 'streamsBotRoom'), userId: users.carol.id }) },
  { type: 'symphony-room-owner-promote', as: 'alice', msg: (s) => ({ roomId: get(s, 'streamsAliceRoom'), userId: users.bob.id }) },
  { type: 'symphony-room-owner-demote', as: 'bot', msg: (s) => ({ roomId: get(s, 'streamsBotRoom'), userId: users.carol.id }) },
  { type: 'symphony-room-owner-demote', as: 'alice', msg: (s) => ({ roomId: get(s, 'streamsAliceRoom'), userId: users.bob.id }) },
  { type: 'symphony-room-members', as: 'bot', msg: (s) => ({ roomId: get(s, 'streamsBotRoom') }) },
  { type: 'symphony-room-member-remove', as: 'bot', msg: (s) => ({ roomId: get(s, 'streamsBotRoom'), userId: users.carol.id }) },
  { type: 'symphony-room-member-remove', as: 'alice', msg: (s) => ({ roomId: get(s, 'streamsAliceRoom'), userId: users.bob.id }) },
  { type: 'symphony-room-set-active', as: 'bot', props: { active: 'false', activeType: 'bool' }, msg: (s) => ({ roomId: get(s, 'streamsBotRoom') }) },
  { type: 'symphony-room-set-active', as: 'alice', props: { active: 'true', activeType: 'bool' }, msg: (s) => ({ roomId: get(s, 'streamsAliceRoom') }) },
  { type: 'symphony-streams-list', as: 'bot', props: { includeInactiveStreamsType: 'str' }, msg: () => ({ streamTypes: 'IM,ROOM', includeInactiveStreams: true, limit: 5 }) },
  { type: 'symphony-streams-list', as: 'alice', msg: () => ({}) },
  { type: 'symphony-stream-info', as: 'bot', msg: (s) => ({ streamId: get(s, 'streamsIm') }) },
  { type: 'symphony-stream-info', as: 'alice', msg: () => ({ streamId: desk }) },
  { type: 'symphony-stream-attachments', as: 'bot', msg: (s) => ({ streamId: get(s, 'streamsIm'), since: 0, limit: 10, sortDir: 'DESC' }) },
  { type: 'symphony-admin-streams-list', as: 'bot', msg: () => ({ streamTypes: 'ROOM', streamStatus: 'ACTIVE', filters: { scope: 'INTERNAL' }, limit: 10 }) },
  { type: 'symphony-admin-stream-members', as: 'bot', msg: () => ({ streamId: desk, skip: 0, limit: 2 }) },
];
