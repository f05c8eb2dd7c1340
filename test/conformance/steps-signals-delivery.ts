/**
 * Conformance steps (test/conformance/fixtures.ts) for the signal nodes and the share, blast and update message
 * nodes: each as the bot and on behalf of a user, in an order where each step finds what an earlier one made.
 * Spread into STEPS: `...SIGNALS_AND_DELIVERY_STEPS`.
 */
import { DEFAULT_SEED } from '../../simulator';
import type { Saved, Step } from './fixtures';

const { users, rooms } = DEFAULT_SEED;
const desk = rooms[0]!.id;
const record = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;
const firstMessageId = (payload: unknown): unknown => record((record(payload).messages as unknown[])[0]).messageId;
const ARTICLE = { title: 'ECB holds rates', articleUrl: 'https://news.example/ecb', author: 'Jane Doe', publisher: 'Example News', appId: 'news-app' };

const signal = (s: Saved, key: string): Record<string, unknown> => ({ signalId: s[key] });

export const SIGNALS_AND_DELIVERY_STEPS: Step[] = [
  {
    type: 'symphony-signal-create', as: 'bot', props: { visibleOnProfile: 'true', visibleOnProfileType: 'bool' },
    msg: () => ({ signalName: 'Desk news', query: 'HASHTAG:desk OR CASHTAG:EURUSD' }), save: (s, p) => { s.signalOfBot = record(p).id; },
  },
  { type: 'symphony-signal-create', as: 'alice', msg: () => ({ signalName: 'Rates', query: 'hashtag:rates' }), save: (s, p) => { s.signalOfAlice = record(p).id; } },
  { type: 'symphony-signal-list', as: 'bot', msg: () => ({ limit: 10 }) },
  { type: 'symphony-signal-list', as: 'alice', msg: () => ({}) },
  { type: 'symphony-signal-get', as: 'bot', msg: (s) => signal(s, 'signalOfBot') },
  { type: 'symphony-signal-get', as: 'alice', msg: (s) => signal(s, 'signalOfAlice') },
  { type: 'symphony-signal-update', as: 'bot', msg: (s) => ({ ...signal(s, 'signalOfBot'), query: 'hashtag:desk' }) },
  { type: 'symphony-signal-update', as: 'alice', msg: (s) => ({ ...signal(s, 'signalOfAlice'), signalName: 'Rates and FX' }) },
  { type: 'symphony-signal-subscribe', as: 'alice', msg: (s) => signal(s, 'signalOfBot') },
  { type: 'symphony-signal-subscribe', as: 'bot', props: { pushed: 'true', pushedType: 'bool' }, msg: (s) => ({ ...signal(s, 'signalOfBot'), userIds: [users.bob.id] }) },
  { type: 'symphony-signal-subscribers', as: 'bot', msg: (s) => ({ ...signal(s, 'signalOfBot'), limit: 2 }) },
  { type: 'symphony-signal-subscribers', as: 'alice', msg: (s) => signal(s, 'signalOfBot') },
  { type: 'symphony-signal-unsubscribe', as: 'alice', msg: (s) => signal(s, 'signalOfBot') },
  { type: 'symphony-signal-unsubscribe', as: 'bot', msg: (s) => ({ ...signal(s, 'signalOfBot'), userIds: [users.bob.id] }) },
  { type: 'symphony-signal-delete', as: 'alice', msg: (s) => signal(s, 'signalOfAlice') },
  { type: 'symphony-signal-delete', as: 'bot', msg: (s) => signal(s, 'signalOfBot') },
  { type: 'symphony-content-share', as: 'bot', msg: () => ({ streamId: desk, ...ARTICLE, comment: 'Worth a read' }) },
  { type: 'symphony-content-share', as: 'alice', msg: () => ({ streamId: desk, article: { ...ARTICLE, articleUrl: undefined, articleId: 'ecb-1' } }) },
  {
    type: 'symphony-message-blast', as: 'bot', msg: () => ({ streamIds: [desk], message: 'Markets open', data: { x: 1 } }),
    save: (s, p) => { s.blastOfBot = firstMessageId(p); },
  },
  {
    type: 'symphony-message-blast', as: 'alice', msg: () => ({ streamIds: desk, message: 'Hi all', attachments: { name: 'a.txt', content: Buffer.from('a') } }),
    save: (s, p) => { s.blastOfAlice = firstMessageId(p); },
  },
  { type: 'symphony-message-update', as: 'bot', msg: (s) => ({ streamId: desk, messageId: s.blastOfBot, message: 'Markets open (corrected)' }) },
  { type: 'symphony-message-update', as: 'alice', props: { silent: 'false', silentType: 'bool' }, msg: (s) => ({ streamId: desk, messageId: s.blastOfAlice, message: 'Hi everyone' }) },
];
