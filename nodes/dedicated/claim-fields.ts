/**
 * The shared claim's fields of the events and datahose nodes (runtime: nodes/runtime/events/claim-settings.ts):
 * several Node-RED instances reading one feed by tag deliver each event id once. The password is a credential;
 * the others, added after flows were saved, stay absent from an older node left untouched.
 */
import type { DedicatedField } from './types';

const WHEN_REDIS = { field: 'claim', values: ['redis'] } as const;

export const CLAIM_FIELDS: readonly DedicatedField[] = [
  { name: 'claim', value: 'none', input: { kind: 'select', choices: ['none', 'redis'] }, icon: 'handshake-o', addedLater: true },
  {
    name: 'redisUrl', value: '', input: { kind: 'text', placeholder: true }, icon: 'database', showWhen: WHEN_REDIS, addedLater: true,
    validate: 'SymphonyEditor.validRedisUrl',
  },
  { name: 'redisPassword', value: '', input: { kind: 'password' }, icon: 'lock', showWhen: WHEN_REDIS },
  { name: 'claimPrefix', value: 'symphony:event:', input: { kind: 'text' }, icon: 'key', showWhen: WHEN_REDIS, addedLater: true },
  {
    name: 'claimExpiry', value: 24, input: { kind: 'text' }, icon: 'clock-o', showWhen: WHEN_REDIS, addedLater: true,
    validate: 'SymphonyEditor.validClaimExpiry',
  },
];
