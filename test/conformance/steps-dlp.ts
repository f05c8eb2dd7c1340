/**
 * Conformance steps (test/conformance/fixtures.ts) for the compliance nodes, all bot only: dictionaries made and
 * filled, a policy on them enabled, then a message, a room and a signal that it flags (with Warn and LogOnly, so
 * they go through), the violations read back, and everything taken down again.
 * Spread into STEPS: `...DLP_STEPS`.
 */
import { DEFAULT_SEED } from '../../simulator';
import type { Saved, Step } from './fixtures';

const { rooms } = DEFAULT_SEED;
const desk = rooms[0]!.id;
const record = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;
const data = (payload: unknown): Record<string, unknown> => record(record(payload).data);
const dictRef = (payload: unknown): Record<string, unknown> => record(data(payload).dictRef);
const firstViolation = (payload: unknown): Record<string, unknown> => record((record(payload).violations as unknown[])[0]);

/** A text-match rule on one saved dictionary reference. */
const textRule = (ref: unknown): Record<string, unknown> => ({
  name: 'terms', type: 'TEXT_MATCH', textMatchConfig: { dictionaries: [ref], applicableFileTypes: [] },
});

/** Warn on messages that name the codes, log rooms and signals that do (none blocks: the flagged steps must pass). */
const appliesTo = (s: Saved): unknown[] => [
  { dataType: 'Messages', action: 'Warn', rules: [textRule(s.codesRef), textRule(s.accountsRef)] },
  { dataType: 'RoomMeta', action: 'LogOnly', rules: [textRule(s.codesRef)] },
  { dataType: 'SignalMeta', action: 'Warn', rules: [textRule(s.codesRef)] },
];

const policy = (s: Saved): Record<string, unknown> => ({ policyId: s.policyId });
const period = { startTime: 0 };

export const DLP_STEPS: Step[] = [
  {
    type: 'symphony-dlp-dictionary-create', as: 'bot', msg: () => ({ dictionaryName: 'Project codes', dictionaryType: 'Word' }),
    save: (s, p) => { s.codesId = dictRef(p).dictId; },
  },
  {
    type: 'symphony-dlp-dictionary-create', as: 'bot', msg: () => ({ dictionaryName: 'Account numbers', dictionaryType: 'Regex' }),
    save: (s, p) => { s.accountsId = dictRef(p).dictId; },
  },
  { type: 'symphony-dlp-dictionary-list', as: 'bot', msg: () => ({ limit: 10 }) },
  { type: 'symphony-dlp-dictionary-get', as: 'bot', msg: (s) => ({ dictionaryId: s.codesId }) },
  { type: 'symphony-dlp-dictionary-update', as: 'bot', msg: (s) => ({ dictionaryId: s.codesId, dictionaryName: 'Deal codes' }) },
  {
    type: 'symphony-dlp-dictionary-upload', as: 'bot', msg: (s) => ({ dictionaryId: s.codesId, content: { name: 'codes.txt', content: 'falcon\nblue harbour\n' } }),
    save: (s, p) => { s.codesRef = dictRef(p); },
  },
  {
    type: 'symphony-dlp-dictionary-upload', as: 'bot', msg: (s) => ({ dictionaryId: s.accountsId, content: Buffer.from('ACC-\\d{8}') }),
    save: (s, p) => { s.accountsRef = dictRef(p); },
  },
  { type: 'symphony-dlp-dictionary-get', as: 'bot', msg: (s) => ({ dictionaryId: s.codesId, dictionaryVersion: '1.0' }) },
  { type: 'symphony-dlp-dictionary-download', as: 'bot', msg: (s) => ({ dictionaryId: s.codesId }) },
  {
    type: 'symphony-dlp-policy-create', as: 'bot', msg: (s) => ({ policyName: 'Deal codes', scopes: ['Internal'], appliesTo: appliesTo(s) }),
    save: (s, p) => { s.policyId = data(p).policyId; },
  },
  { type: 'symphony-dlp-policy-list', as: 'bot', msg: () => ({ page: 0, limit: 5 }) },
  { type: 'symphony-dlp-policy-get', as: 'bot', msg: (s) => policy(s) },
  { type: 'symphony-dlp-policy-update', as: 'bot', msg: (s) => ({ ...policy(s), policyName: 'Deal codes', scopes: 'Internal,External', appliesTo: appliesTo(s) }) },
  { type: 'symphony-dlp-policy-get', as: 'bot', msg: (s) => ({ ...policy(s), policyVersion: '3.0' }) },
  { type: 'symphony-dlp-policy-enable', as: 'bot', msg: (s) => policy(s) },
  // Content the policy flags: a message with a file, a room and a signal.
  {
    type: 'symphony-message-send', as: 'bot',
    msg: () => ({ streamId: desk, message: 'Falcon closes on ACC-12345678', attachments: [{ name: 'terms.txt', content: Buffer.from('falcon terms') }] }),
  },
  { type: 'symphony-room-create', as: 'bot', msg: () => ({ roomName: 'Blue harbour desk', description: 'Deal room' }) },
  { type: 'symphony-signal-create', as: 'bot', msg: () => ({ signalName: 'Falcon news', query: 'HASHTAG:falcon' }) },
  {
    type: 'symphony-dlp-violations-message', as: 'bot', msg: () => ({ ...period, limit: 10 }),
    save: (s, p) => {
      const flagged = firstViolation(p);
      s.violationId = record(flagged.violation).enforcementEventID;
      s.flaggedFileId = record((record(flagged.message).attachments as unknown[])[0]).id;
    },
  },
  // A period with no violation: the agent answers 204.
  { type: 'symphony-dlp-violations-message', as: 'bot', msg: () => ({ startTime: Date.now() + 3_600_000, endTime: Date.now() + 7_200_000 }) },
  { type: 'symphony-dlp-violations-stream', as: 'bot', msg: () => period },
  { type: 'symphony-dlp-violations-signal', as: 'bot', msg: () => ({ ...period, endTime: Date.now() + 60_000 }) },
  { type: 'symphony-dlp-violation-attachment', as: 'bot', msg: (s) => ({ violationId: s.violationId, fileId: s.flaggedFileId }) },
  { type: 'symphony-dlp-policy-disable', as: 'bot', msg: (s) => policy(s) },
  { type: 'symphony-dlp-policy-delete', as: 'bot', msg: (s) => policy(s) },
  { type: 'symphony-dlp-dictionary-delete', as: 'bot', msg: (s) => ({ dictionaryId: s.accountsId }) },
  { type: 'symphony-dlp-dictionary-delete', as: 'bot', msg: (s) => ({ dictionaryId: s.codesId }) },
];
