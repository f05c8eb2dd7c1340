/**
 * Conformance steps for the users area, in the shape of test/conformance/fixtures.ts STEPS (spread them in there):
 * every users node as the bot and, when OBO-enabled, on behalf of a user. They leave the seeded users as they
 * were (follows are undone, the status change is on a user the steps create).
 */
import { DEFAULT_SEED } from '../../simulator';
import type { Step } from './fixtures';

const { users } = DEFAULT_SEED;
const createdId = (payload: unknown): unknown => (payload as { userSystemInfo: { id: number } }).userSystemInfo.id;

export const USERS_STEPS: Step[] = [
  { type: 'symphony-session-info', as: 'bot', msg: () => ({}) },
  { type: 'symphony-session-info', as: 'alice', msg: () => ({}) },
  { type: 'symphony-user-get', as: 'bot', msg: () => ({ email: users.bob.emailAddress }) },
  { type: 'symphony-user-get', as: 'alice', msg: () => ({ username: 'carol' }) },
  { type: 'symphony-api', as: 'bot', msg: () => ({ method: 'GET', path: '/pod/v1/sessioninfo' }) },
  { type: 'symphony-api', as: 'bob', msg: () => ({ method: 'GET', path: '/pod/v1/user', query: { email: users.carol.emailAddress } }) },
  { type: 'symphony-users-search', as: 'bot', msg: () => ({ query: 'simulated-bank', filters: { accountTypes: ['NORMAL'] }, limit: 2 }) },
  { type: 'symphony-users-search', as: 'bob', msg: () => ({ query: 'Adams' }) },
  { type: 'symphony-user-follow', as: 'bot', msg: () => ({ userId: users.bob.id, followerIds: [users.carol.id] }) },
  { type: 'symphony-user-follow', as: 'alice', msg: () => ({ userId: users.bob.id, followerIds: [users.alice.id] }) },
  { type: 'symphony-user-followers-list', as: 'bot', msg: () => ({ userId: users.bob.id, limit: 1 }) },
  { type: 'symphony-user-following-list', as: 'bot', msg: () => ({ userId: users.alice.id }) },
  { type: 'symphony-user-unfollow', as: 'bot', msg: () => ({ userId: users.bob.id, followerIds: [users.carol.id] }) },
  { type: 'symphony-user-unfollow', as: 'alice', msg: () => ({ userId: users.bob.id, followerIds: [users.alice.id] }) },
  { type: 'symphony-users-list', as: 'bot', msg: () => ({ limit: 3 }) },
  {
    type: 'symphony-user-create', as: 'bot',
    msg: () => ({
      username: 'conformance.user', emailAddress: 'conformance.user@simulated-bank.example', displayName: 'Conformance User',
      firstName: 'Conformance', lastName: 'User', roles: ['INDIVIDUAL'], attributes: { title: 'Tester', assetClasses: ['FX'] },
    }),
    save: (s, p) => { s.createdUserId = createdId(p); },
  },
  { type: 'symphony-user-details', as: 'bot', msg: (s) => ({ userId: s.createdUserId }) },
  { type: 'symphony-user-update', as: 'bot', msg: (s) => ({ userId: s.createdUserId, title: 'Lead Tester', attributes: { department: 'QA' } }) },
  { type: 'symphony-user-features-list', as: 'bot', msg: (s) => ({ userId: s.createdUserId }) },
  { type: 'symphony-user-features-update', as: 'bot', msg: (s) => ({ userId: s.createdUserId, features: { canCreatePublicRoom: false } }) },
  { type: 'symphony-roles-list', as: 'bot', msg: () => ({}) },
  { type: 'symphony-user-role-add', as: 'bot', msg: (s) => ({ userId: s.createdUserId, roleId: 'COMPLIANCE_OFFICER' }) },
  { type: 'symphony-user-role-remove', as: 'bot', msg: (s) => ({ userId: s.createdUserId, roleId: 'COMPLIANCE_OFFICER' }) },
  { type: 'symphony-user-status-get', as: 'bot', msg: (s) => ({ userId: s.createdUserId }) },
  { type: 'symphony-user-status-update', as: 'bot', msg: (s) => ({ userId: s.createdUserId, accountStatus: 'DISABLED' }) },
  { type: 'symphony-user-audit-trail', as: 'bot', msg: () => ({ startTimestamp: 0, limit: 2 }) },
];
