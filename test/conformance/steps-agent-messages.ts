/**
 * Conformance steps (test/conformance/fixtures.ts) for reading messages: get by id, list since a time, search and
 * attachment download, all bot only (none is OBO-enabled), after a send with an attachment and its preview.
 * Spread into STEPS: `...AGENT_MESSAGES_STEPS`.
 */
import { DEFAULT_SEED } from '../../simulator';
import type { Step } from './fixtures';

const { users, rooms } = DEFAULT_SEED;
const desk = rooms[0]!.id;
const record = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;
/** The 8-byte PNG signature: enough for a preview picture. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const AGENT_MESSAGES_STEPS: Step[] = [
  {
    type: 'symphony-message-send', as: 'bot',
    msg: () => ({
      streamId: desk,
      message: `<messageML>Rates for <mention uid="${users.alice.id}"/>: <hash tag="rates"/> <cash tag="EURUSD"/></messageML>`,
      attachments: [{ name: 'rates.csv', content: Buffer.from('pair,bid\nEURUSD,1.0805\n') }],
      previews: [PNG],
    }),
    save: (s, p) => {
      s.ratesMessage = record(p).messageId;
      s.ratesAttachment = (record(p).attachments as unknown[])[0];
    },
  },
  { type: 'symphony-message-get', as: 'bot', msg: (s) => ({ messageId: s.ratesMessage }) },
  { type: 'symphony-message-list', as: 'bot', msg: () => ({ streamId: desk, since: 0, limit: 5 }) },
  { type: 'symphony-message-list', as: 'bot', msg: () => ({ streamId: desk, since: Date.now() + 3_600_000 }) },
  { type: 'symphony-message-search', as: 'bot', msg: () => ({ streamId: desk, hashtag: '#rates', limit: 10 }) },
  { type: 'symphony-message-search', as: 'bot', props: { sortDir: 'ASC', sortDirType: 'str' }, msg: () => ({ streamId: desk, text: 'rates', skip: 0 }) },
  { type: 'symphony-message-search', as: 'bot', msg: () => ({ query: { cashtag: 'NOSUCHTICKER' } }) },
  { type: 'symphony-attachment-download', as: 'bot', msg: (s) => ({ streamId: desk, messageId: s.ratesMessage, attachment: s.ratesAttachment }) },
  {
    type: 'symphony-attachment-download', as: 'bot',
    msg: (s) => ({ streamId: desk, messageId: s.ratesMessage, fileId: record((record(s.ratesAttachment).images as unknown[])[0]).id }),
  },
];
