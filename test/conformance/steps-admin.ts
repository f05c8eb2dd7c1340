/**
 * Conformance steps (test/conformance/fixtures.ts) for agent health and echo, user management (find, suspension,
 * avatar, delegates, sessions, features, languages) and stream administration. All bot only (none is
 * OBO-enabled); every list is also read over several pages. They run last: they end alice's sessions (her nodes
 * log in again) and leave users and rooms as they found them.
 */
import { DEFAULT_SEED } from '../../simulator';
import type { Saved, Step } from './fixtures';

const { users, rooms } = DEFAULT_SEED;
const desk = rooms[0]!.id;
/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const allPages = (maxItems: number): Record<string, unknown> => ({ pages: 'all', maxItems });
const get = (saved: Saved, key: string): string => String(saved[key]);

export const ADMIN_STEPS: Step[] = [
  { type: 'symphony-agent-health', as: 'bot', msg: () => ({}) },
  { type: 'symphony-agent-health-extended', as: 'bot', msg: () => ({}) },
  { type: 'symphony-echo', as: 'bot', msg: () => ({ message: 'ping' }) },
  { type: 'symphony-features-list', as: 'bot', msg: () => ({}) },
  { type: 'symphony-languages-list', as: 'bot', msg: () => ({}) },
  { type: 'symphony-users-find', as: 'bot', msg: () => ({ role: 'INDIVIDUAL', feature: 'canCreatePublicRoom', accountStatus: 'ENABLED', skip: 1, limit: 2 }) },
  { type: 'symphony-users-find', as: 'bot', props: allPages(4), msg: () => ({ filter: { status: 'ENABLED' }, limit: 2 }) },
  {
    type: 'symphony-user-suspension-update', as: 'bot', props: { suspended: 'true', suspendedType: 'bool' },
    msg: () => ({ userId: users.frank.id, suspendedUntil: 4102444800, suspensionReason: 'conformance' }),
  },
  { type: 'symphony-user-suspension-update', as: 'bot', props: { suspended: 'false', suspendedType: 'bool' }, msg: () => ({ userId: users.frank.id }) },
  { type: 'symphony-user-avatar-update', as: 'bot', msg: () => ({ userId: users.frank.id, image: PNG }) },
  { type: 'symphony-user-avatar-get', as: 'bot', msg: () => ({ userId: users.frank.id }) },
  { type: 'symphony-user-delegates-update', as: 'bot', props: { action: 'ADD', actionType: 'str' }, msg: () => ({ userId: users.alice.id, delegateId: users.bob.id }) },
  { type: 'symphony-user-delegates-get', as: 'bot', msg: () => ({ userId: users.alice.id }) },
  { type: 'symphony-user-delegates-update', as: 'bot', props: { action: 'REMOVE', actionType: 'str' }, msg: () => ({ userId: users.alice.id, delegateId: users.bob.id }) },
  // alice acts through OBO sessions in earlier steps: list them, end one, then all.
  {
    type: 'symphony-user-sessions-list', as: 'bot', msg: () => ({ userId: users.alice.id }),
    save: (s, p) => { s.aliceSession = (p as { sessions: Array<{ sessionId: string }> }).sessions[0]?.sessionId; },
  },
  { type: 'symphony-user-session-logout', as: 'bot', msg: (s) => ({ userId: users.alice.id, sessionId: get(s, 'aliceSession') }) },
  { type: 'symphony-user-sessions-logout', as: 'bot', msg: () => ({ userId: users.alice.id }) },
  { type: 'symphony-admin-im-create', as: 'bot', msg: () => ({ userIds: [users.alice.id, users.frank.id] }) },
  { type: 'symphony-admin-room-member-add', as: 'bot', msg: () => ({ roomId: desk, userId: users.frank.id }) },
  { type: 'symphony-admin-room-member-remove', as: 'bot', msg: () => ({ roomId: desk, userId: users.frank.id }) },
  { type: 'symphony-admin-room-members', as: 'bot', props: { includePastMembers: 'true', includePastMembersType: 'bool' }, msg: () => ({ roomId: desk }) },
  { type: 'symphony-admin-room-set-active', as: 'bot', props: { active: 'false', activeType: 'bool' }, msg: (s) => ({ roomId: get(s, 'streamsAliceRoom') }) },
  { type: 'symphony-admin-room-set-active', as: 'bot', props: { active: 'true', activeType: 'bool' }, msg: (s) => ({ roomId: get(s, 'streamsAliceRoom') }) },
  { type: 'symphony-admin-user-streams', as: 'bot', msg: () => ({ userId: users.alice.id, streamTypes: 'IM,ROOM', limit: 5 }) },
  {
    type: 'symphony-admin-user-streams', as: 'bot', props: { ...allPages(6), includeInactiveStreams: 'true', includeInactiveStreamsType: 'bool' },
    msg: () => ({ userId: users.alice.id, limit: 2 }),
  },
  // Messages: the rates message the bot sent to the desk (steps-agent-messages.ts) and the IM message of the streams steps.
  { type: 'symphony-admin-messages-details', as: 'bot', msg: (s) => ({ messageIds: [get(s, 'ratesMessage'), get(s, 'streamsImMessage')] }) },
  { type: 'symphony-admin-message-receipts', as: 'bot', msg: (s) => ({ messageId: get(s, 'ratesMessage') }) },
  { type: 'symphony-admin-message-receipts', as: 'bot', props: allPages(10), msg: (s) => ({ messageId: get(s, 'ratesMessage') }) },
  { type: 'symphony-admin-message-relationships', as: 'bot', msg: (s) => ({ messageId: get(s, 'ratesMessage') }) },
  { type: 'symphony-message-search-query', as: 'bot', msg: () => ({ query: 'hashtag:rates AND streamType:chatroom', limit: 5 }) },
  { type: 'symphony-message-search-query', as: 'bot', props: { ...allPages(10), sortDir: 'ASC', sortDirType: 'str' }, msg: () => ({ query: `author:${users.bot.id}`, limit: 1 }) },
  { type: 'symphony-message-search-query', as: 'bot', msg: () => ({ query: 'cashtag:NOSUCHTICKER' }) },
  { type: 'symphony-message-search-semantic', as: 'bot', msg: () => ({ text: 'rates EURUSD', streamId: desk, limit: 5 }) },
  { type: 'symphony-message-search-semantic', as: 'bot', props: allPages(10), msg: () => ({ text: 'rates hello pin', limit: 1 }) },
  {
    type: 'symphony-message-import', as: 'bot', props: { format: 'text' },
    msg: () => ({ streamId: desk, message: 'From the archive <1>', fromUserId: users.alice.id, timestamp: 1700000000000, originatingSystemId: 'archive', originalMessageId: 'a-1', data: { x: 1 } }),
  },
  {
    type: 'symphony-message-import', as: 'bot',
    msg: () => ({
      messages: [
        { message: '<messageML>old</messageML>', intendedMessageTimestamp: 1600000000000, intendedMessageFromUserId: users.bob.id, originatingSystemId: 'archive', streamId: desk },
        { message: '<messageML>later</messageML>', intendedMessageTimestamp: Date.now() + 86_400_000, intendedMessageFromUserId: users.bob.id, originatingSystemId: 'archive', streamId: desk },
      ],
    }),
  },
];
