/**
 * What the conformance test sends to each node type, in order: every type as the bot and, when OBO-enabled, on
 * behalf of a user. Steps may save what a node returned (a room id, a message id) for later steps.
 */
import { DEFAULT_SEED } from '../../simulator';
import { ADMIN_STEPS } from './steps-admin';
import { POD_ADMIN_STEPS } from './steps-pod-admin';
import { AGENT_MESSAGES_STEPS } from './steps-agent-messages';
import { CONNECTIONS_PRESENCE_POD_STEPS } from './steps-connections-presence-pod';
import { DLP_STEPS } from './steps-dlp';
import { SIGNALS_AND_DELIVERY_STEPS } from './steps-signals-delivery';
import { STREAMS_STEPS } from './steps-streams';
import { USERS_STEPS } from './steps-users';

const { users, rooms } = DEFAULT_SEED;

export type Saved = Record<string, unknown>;

export interface Step {
  type: string;
  /** 'bot', or the username the node acts for. */
  as: string;
  msg: (saved: Saved) => Record<string, unknown>;
  /** Node properties beyond the defaults (every parameter field is blank: it reads msg.<param>). */
  props?: Record<string, unknown>;
  save?: (saved: Saved, payload: unknown) => void;
}

const asRecord = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;

/** The first chain's nodes and the generic node. */
const CORE_STEPS: Step[] = [
  { type: 'symphony-users-lookup', as: 'bot', msg: () => ({ usernames: 'alice,bob' }) },
  { type: 'symphony-users-lookup', as: 'alice', msg: () => ({ userIds: [users.bob.id, users.carol.id] }) },
  { type: 'symphony-im-create', as: 'bot', msg: () => ({ userIds: [users.alice.id] }), save: (s, p) => { s.botIm = asRecord(p).id; } },
  { type: 'symphony-im-create', as: 'alice', msg: () => ({ userIds: [users.bob.id, users.carol.id] }), save: (s, p) => { s.aliceMim = asRecord(p).id; } },
  { type: 'symphony-message-send', as: 'bot', msg: (s) => ({ streamId: s.botIm, message: 'Hello <Alice>', data: { x: 1 } }) },
  {
    type: 'symphony-message-send', as: 'alice',
    msg: (s) => ({ streamId: s.aliceMim, message: '<messageML>Hi <b>all</b></messageML>', attachments: [{ name: 'note.txt', content: Buffer.from('hello') }] }),
  },
  { type: 'symphony-message-send', as: 'bot', msg: () => ({ streamId: rooms[0]!.id, message: 'to the desk' }) },
  { type: 'symphony-presence-set', as: 'bot', msg: () => ({ category: 'BUSY' }) },
  { type: 'symphony-presence-set', as: 'carol', msg: () => ({ category: 'AWAY', soft: true }) },
  { type: 'symphony-api', as: 'bot', msg: () => ({ method: 'GET', path: '/pod/v2/sessioninfo' }) },
  { type: 'symphony-api', as: 'bob', msg: () => ({ method: 'GET', path: '/pod/v3/users', query: { username: 'carol' } }) },
];

/** Every step, in order; later areas may use what earlier ones saved. */
export const STEPS: Step[] = [
  ...CORE_STEPS,
  ...USERS_STEPS,
  ...STREAMS_STEPS,
  ...CONNECTIONS_PRESENCE_POD_STEPS,
  ...SIGNALS_AND_DELIVERY_STEPS,
  ...AGENT_MESSAGES_STEPS,
  ...DLP_STEPS,
  ...POD_ADMIN_STEPS,
  // Last: they end alice's sessions.
  ...ADMIN_STEPS,
];
