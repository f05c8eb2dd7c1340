/** Conformance steps for connections, presence and the pod system nodes, and their deprecated paths. */
import { DEFAULT_SEED } from '../../simulator';
import type { Step } from './fixtures';

const { users, rooms } = DEFAULT_SEED;
const field = (payload: unknown, name: string): unknown => (payload as Record<string, unknown>)[name];

export const CONNECTIONS_PRESENCE_POD_STEPS: Step[] = [
  { type: 'symphony-connection-get', as: 'bot', msg: () => ({ userId: users.erin.id }) },
  { type: 'symphony-connection-get', as: 'alice', msg: () => ({ userId: users.bob.id }) },
  { type: 'symphony-connection-list', as: 'bot', msg: () => ({ connectionStatus: 'ALL' }) },
  { type: 'symphony-connection-list', as: 'alice', msg: () => ({ connectionStatus: 'ACCEPTED', userIds: [users.bob.id, users.erin.id] }) },
  // dave asks the bot, the bot accepts and removes; dave asks again and the bot declines.
  { type: 'symphony-connection-create', as: 'dave', msg: () => ({ userId: users.bot.id }) },
  { type: 'symphony-connection-accept', as: 'bot', msg: () => ({ userId: users.dave.id }) },
  { type: 'symphony-connection-remove', as: 'bot', msg: () => ({ userId: users.dave.id }) },
  { type: 'symphony-connection-create', as: 'dave', msg: () => ({ userId: users.bot.id }) },
  { type: 'symphony-connection-reject', as: 'bot', msg: () => ({ userId: users.dave.id }) },
  { type: 'symphony-connection-create', as: 'bot', msg: () => ({ userId: users.dave.id }) },
  { type: 'symphony-presence-get', as: 'bot', msg: () => ({}) },
  { type: 'symphony-presence-get', as: 'alice', msg: () => ({}) },
  { type: 'symphony-presence-get-user', as: 'bot', msg: () => ({ userId: users.alice.id, local: true }) },
  { type: 'symphony-presence-get-user', as: 'alice', msg: () => ({ userId: users.erin.id }) },
  { type: 'symphony-presence-list-all', as: 'bot', msg: () => ({ limit: 3, lastUserId: users.alice.id }) },
  { type: 'symphony-presence-register-interest', as: 'bot', msg: () => ({ userIds: [users.erin.id] }) },
  { type: 'symphony-presence-register-interest', as: 'alice', msg: () => ({ userIds: [users.erin.id] }) },
  { type: 'symphony-presence-feed-create', as: 'bot', msg: () => ({}), save: (s, p) => { s.feed = field(p, 'id'); } },
  { type: 'symphony-presence-set-user', as: 'bot', msg: () => ({ userId: users.alice.id, category: 'OFF_WORK' }) },
  { type: 'symphony-presence-set-user', as: 'alice', msg: () => ({ userId: users.alice.id, category: 'AWAY', soft: true }) },
  { type: 'symphony-presence-feed-read', as: 'bot', msg: (s) => ({ feedId: s.feed }) },
  { type: 'symphony-presence-feed-delete', as: 'bot', msg: (s) => ({ feedId: s.feed }) },
  { type: 'symphony-presence-feed-create', as: 'carol', msg: () => ({}), save: (s, p) => { s.carolFeed = field(p, 'id'); } },
  { type: 'symphony-presence-feed-read', as: 'carol', msg: (s) => ({ feedId: s.carolFeed }) },
  { type: 'symphony-presence-feed-delete', as: 'carol', msg: (s) => ({ feedId: s.carolFeed }) },
  { type: 'symphony-allowed-file-types', as: 'bot', msg: () => ({}) },
  { type: 'symphony-allowed-file-types', as: 'bob', msg: () => ({}) },
  { type: 'symphony-uri-protocols', as: 'bot', msg: () => ({}) },
  { type: 'symphony-uri-protocols', as: 'bob', msg: () => ({}) },
  { type: 'symphony-uri-protocols-supported', as: 'bot', msg: () => ({ limit: 2 }) },
  { type: 'symphony-uri-protocols-supported', as: 'bot', props: { pages: 'all', maxItems: 100 }, msg: () => ({ limit: 1 }) },
  { type: 'symphony-message-send', as: 'alice', msg: () => ({ streamId: rooms[0]!.id, message: 'to suppress' }), save: (s, p) => { s.toSuppress = field(p, 'messageId'); } },
  { type: 'symphony-message-status', as: 'bot', msg: (s) => ({ messageId: s.toSuppress }) },
  { type: 'symphony-message-suppress', as: 'alice', msg: (s) => ({ messageId: s.toSuppress }) },
  { type: 'symphony-message-suppress', as: 'bot', msg: (s) => ({ messageId: s.toSuppress }) },
  // Deprecated presence endpoints of the OBO table, still callable through the generic node.
  { type: 'symphony-api', as: 'bob', msg: () => ({ method: 'GET', path: '/pod/v1/user/presence' }) },
  { type: 'symphony-api', as: 'bob', msg: () => ({ method: 'POST', path: '/pod/v1/user/presence', body: { category: 'AWAY' } }) },
  { type: 'symphony-api', as: 'bob', msg: () => ({ method: 'GET', path: `/pod/v1/user/${users.alice.id}/presence` }) },
  { type: 'symphony-api', as: 'bob', msg: () => ({ method: 'GET', path: `/pod/v2/user/${users.alice.id}/presence`, query: { local: true } }) },
];
