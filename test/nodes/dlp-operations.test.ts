import assert from 'node:assert/strict';
import { useSimulator, type Msg } from '../helpers/flow';
import { BOT, DESK_ROOM_ID } from '../helpers/simulator';
import { allPages, caught, out, perItem, set } from '../helpers/users-flow';

interface DictionaryJson { data: { dictRef: { dictId: string; name: string; version: string }; type: string; creatorId: string } }
interface PolicyJson { data: { policyId: string; version: string; name: string; active: boolean; deleted: boolean; scopes: string[] } }
interface ViolationJson { violation: { enforcementEventID: string; entityID: string; action: string; requesterId: number }; message?: { messageId: string; attachments: Array<{ id: string }> }; signal?: { name: string } }

const payload = <T>(msg: Msg): T => msg.payload as T;
const textRule = (ref: DictionaryJson['data']['dictRef']): Record<string, unknown> => ({
  name: 'terms', type: 'TEXT_MATCH', textMatchConfig: { dictionaries: [ref], applicableFileTypes: [] },
});

describe('compliance nodes: DLP dictionaries', function () {
  const sim = useSimulator();

  it('creates a dictionary, fills it, reads the content back and keeps each version', async function () {
    const made = payload<DictionaryJson>(await out(sim(), 'symphony-dlp-dictionary-create', set({ dictionaryName: 'Deal codes', dictionaryType: 'Word' })));
    assert.deepEqual({ ...made.data.dictRef, dictId: undefined }, { dictId: undefined, name: 'Deal codes', version: '1.0' });
    assert.equal(made.data.creatorId, String(BOT.id));
    const dictionaryId = made.data.dictRef.dictId;

    const content = Buffer.from('falcon\nblue harbour\n');
    const filled = payload<DictionaryJson>(await out(sim(), 'symphony-dlp-dictionary-upload', {}, { dictionaryId, content }));
    assert.equal(filled.data.dictRef.version, '1.1', 'an upload makes a new version');
    const upload = sim().requests.find((r) => r.path.endsWith('/data/upload'));
    assert.match(String(upload?.headers['content-type']), /^multipart\/form-data/);

    const downloaded = await out(sim(), 'symphony-dlp-dictionary-download', {}, { dictionaryId });
    assert.ok(Buffer.isBuffer(downloaded.payload));
    assert.equal((downloaded.payload as Buffer).toString('utf8'), content.toString('utf8'));
    const before = await out(sim(), 'symphony-dlp-dictionary-download', set({ dictionaryVersion: '1.0' }), { dictionaryId });
    assert.equal((before.payload as Buffer).length, 0, 'version 1.0 was empty');

    const renamed = payload<DictionaryJson>(await out(sim(), 'symphony-dlp-dictionary-update', set({ dictionaryName: 'Project codes' }), { dictionaryId }));
    assert.deepEqual([renamed.data.dictRef.name, renamed.data.dictRef.version], ['Project codes', '1.2']);
    const first = payload<DictionaryJson>(await out(sim(), 'symphony-dlp-dictionary-get', set({ dictionaryVersion: '1.0' }), { dictionaryId }));
    assert.equal(first.data.dictRef.name, 'Deal codes');
  });

  it('refuses a taken name, an unknown dictionary and a pattern that does not compile, at Catch', async function () {
    await out(sim(), 'symphony-dlp-dictionary-create', set({ dictionaryName: 'Accounts', dictionaryType: 'Regex' }));
    const taken = await caught(sim(), 'symphony-dlp-dictionary-create', set({ dictionaryName: ' accounts ', dictionaryType: 'Word' }), { topic: 'kept' });
    assert.equal(taken.error?.cause?.status, 400);
    assert.match(String(taken.error?.cause?.symphonyMessage), /already exists/);
    assert.equal(taken.topic, 'kept', 'the original msg reaches Catch');

    const unknown = await caught(sim(), 'symphony-dlp-dictionary-get', {}, { dictionaryId: 'no-such-dictionary' });
    assert.equal(unknown.error?.cause?.status, 400);

    const list = payload<{ items: DictionaryJson['data'][] }>(await out(sim(), 'symphony-dlp-dictionary-list'));
    const accounts = list.items.find((d) => d.dictRef.name === 'Accounts');
    const badPattern = await caught(sim(), 'symphony-dlp-dictionary-upload', {}, { dictionaryId: accounts?.dictRef.dictId, content: { name: 'a.txt', content: 'ACC-(\\d' } });
    assert.equal(badPattern.error?.cause?.status, 400);
    assert.match(String(badPattern.error?.cause?.symphonyMessage), /not a valid regular expression/);
  });

  it('names the content field before any request when it is missing or more than one file', async function () {
    for (const content of [undefined, [{ name: 'a.txt', content: 'a' }, { name: 'b.txt', content: 'b' }]]) {
      sim().clearRequests();
      const msg = await caught(sim(), 'symphony-dlp-dictionary-upload', {}, { dictionaryId: 'any', content });
      assert.match(String(msg.error?.message), /content/);
      assert.equal(sim().requests.filter((r) => r.path.includes('/dlp/')).length, 0, 'nothing sent');
    }
  });

  it('lists page by page, or all pages in one msg or one msg per dictionary', async function () {
    for (const name of ['Paged one', 'Paged two', 'Paged three']) await out(sim(), 'symphony-dlp-dictionary-create', set({ dictionaryName: name, dictionaryType: 'Word' }));
    const page = payload<{ items: unknown[]; page: number; pageCount: number }>(await out(sim(), 'symphony-dlp-dictionary-list', set({ page: 1, limit: 2 })));
    assert.equal(page.page, 1);
    assert.equal(page.items.length, 2);
    const total = page.pageCount * 2;

    sim().clearRequests();
    const all = payload<DictionaryJson['data'][]>(await out(sim(), 'symphony-dlp-dictionary-list', { ...set({ limit: 2 }), ...allPages(1000) }));
    assert.ok(all.length > total - 2 && all.length <= total);
    assert.deepEqual(all.slice(-3).map((d) => d.dictRef.name), ['Paged one', 'Paged two', 'Paged three']);
    const pagesAsked = sim().requests.filter((r) => r.path === '/agent/v1/dlp/dictionaries').map((r) => new URLSearchParams(r.query).get('page'));
    assert.deepEqual(pagesAsked, Array.from({ length: pagesAsked.length }, (_, i) => String(i)));

    const msgs = await perItem(sim(), 'symphony-dlp-dictionary-list', allPages(2), 2);
    assert.equal(msgs.length, 2);
  });
});

describe('compliance nodes: DLP policies and their enforcement', function () {
  const sim = useSimulator();
  let codes: DictionaryJson['data']['dictRef'];
  let policyId = '';
  let since = 0;

  before(async function () {
    since = Date.now();
    const made = payload<DictionaryJson>(await out(sim(), 'symphony-dlp-dictionary-create', set({ dictionaryName: 'Codes', dictionaryType: 'Word' })));
    codes = payload<DictionaryJson>(await out(sim(), 'symphony-dlp-dictionary-upload', {}, { dictionaryId: made.data.dictRef.dictId, content: Buffer.from('falcon') })).data.dictRef;
  });

  it('names a missing or malformed appliesTo before any request', async function () {
    sim().clearRequests();
    const missing = await caught(sim(), 'symphony-dlp-policy-create', set({ policyName: 'Codes', scopes: 'Internal' }));
    assert.match(String(missing.error?.message), /appliesTo/);
    const noRules = await caught(sim(), 'symphony-dlp-policy-create', set({ policyName: 'Codes', scopes: 'Internal', appliesTo: [{ dataType: 'Messages', action: 'Block' }] }));
    assert.match(String(noRules.error?.message), /appliesTo/);
    assert.equal(sim().requests.filter((r) => r.path.includes('/dlp/')).length, 0);
  });

  it('refuses a rule on a dictionary that does not exist', async function () {
    const rule = textRule({ dictId: 'gone', name: 'Gone', version: '1.0' });
    const refused = await caught(sim(), 'symphony-dlp-policy-create', set({ policyName: 'Gone', scopes: 'External', appliesTo: [{ dataType: 'Messages', action: 'Block', rules: [rule] }] }));
    assert.equal(refused.error?.cause?.status, 400);
    assert.match(String(refused.error?.cause?.symphonyMessage), /Dictionary gone not found/);
  });

  it('creates a disabled policy, enables it, and then blocks and records a message that matches', async function () {
    const appliesTo = [{ dataType: 'Messages', action: 'Block', rules: [textRule(codes)] }, { dataType: 'SignalMeta', action: 'Warn', rules: [textRule(codes)] }];
    const made = payload<PolicyJson>(await out(sim(), 'symphony-dlp-policy-create', set({ policyName: 'No codes', scopes: 'Internal', appliesTo })));
    assert.deepEqual([made.data.version, made.data.active, made.data.scopes], ['3.0', false, ['Internal']]);
    policyId = made.data.policyId;

    // Disabled: nothing is checked yet.
    await out(sim(), 'symphony-message-send', {}, { streamId: DESK_ROOM_ID, message: 'falcon before the policy' });
    const enabled = payload<PolicyJson>(await out(sim(), 'symphony-dlp-policy-enable', {}, { policyId }));
    assert.equal(enabled.data.active, true);

    const blocked = await caught(sim(), 'symphony-message-send', {}, {
      streamId: DESK_ROOM_ID, message: 'Project Falcon closes today', attachments: [{ name: 'terms.txt', content: Buffer.from('the terms') }],
    });
    assert.equal(blocked.error?.cause?.status, 400);
    assert.match(String(blocked.error?.cause?.symphonyMessage), /blocked by the DLP policy No codes/);
    const history = payload<Array<{ message: string }>>(await out(sim(), 'symphony-message-list', {}, { streamId: DESK_ROOM_ID, since }));
    assert.ok(!history.some((m) => m.message.includes('closes today')), 'the blocked message was not stored');
    await out(sim(), 'symphony-message-send', {}, { streamId: DESK_ROOM_ID, message: 'falconry is fine' });

    const found = payload<{ violations: ViolationJson[] }>(await out(sim(), 'symphony-dlp-violations-message', {}, { startTime: since }));
    assert.equal(found.violations.length, 1, 'only the message sent while the policy was enabled, and only whole words');
    const [flagged] = found.violations;
    assert.deepEqual([flagged!.violation.action, flagged!.violation.requesterId], ['BLOCK', BOT.id]);
    assert.equal(flagged!.violation.entityID, flagged!.message!.messageId);

    const file = await out(sim(), 'symphony-dlp-violation-attachment', {}, { violationId: flagged!.violation.enforcementEventID, fileId: flagged!.message!.attachments[0]!.id });
    assert.equal((file.payload as Buffer).toString('utf8'), 'the terms');
    const noFile = await caught(sim(), 'symphony-dlp-violation-attachment', {}, { violationId: flagged!.violation.enforcementEventID, fileId: 'nope' });
    assert.equal(noFile.error?.cause?.status, 404);
  });

  it('warns on a signal name: the signal is created and the violation recorded', async function () {
    const signal = payload<{ id: string }>(await out(sim(), 'symphony-signal-create', {}, { signalName: 'Falcon updates', query: 'HASHTAG:deals' }));
    const found = payload<{ violations: ViolationJson[] }>(await out(sim(), 'symphony-dlp-violations-signal', {}, { startTime: since }));
    assert.deepEqual(found.violations.map((v) => [v.violation.action, v.violation.entityID, v.signal?.name]), [['WARN', signal.id, 'Falcon updates']]);
    const none = await out(sim(), 'symphony-dlp-violations-stream', {}, { startTime: since });
    assert.deepEqual(none.payload, { violations: [] }, 'no room violation: an empty list, from the 204');
  });

  it('reads violations page by page with the next offset, or all of them', async function () {
    for (const text of ['falcon one', 'falcon two']) await caught(sim(), 'symphony-message-send', {}, { streamId: DESK_ROOM_ID, message: text });
    const first = payload<{ violations: ViolationJson[]; nextOffset?: string }>(await out(sim(), 'symphony-dlp-violations-message', set({ limit: 1 }), { startTime: since }));
    assert.equal(first.violations.length, 1);
    assert.equal(first.nextOffset, '1');
    const rest = payload<{ violations: ViolationJson[]; nextOffset?: string }>(await out(sim(), 'symphony-dlp-violations-message', set({ limit: 5 }), { startTime: since, next: first.nextOffset }));
    assert.equal(rest.violations.length, 2);
    assert.equal(rest.nextOffset, undefined);
    const all = payload<ViolationJson[]>(await out(sim(), 'symphony-dlp-violations-message', { ...set({ limit: 1 }), ...allPages(1000) }, { startTime: since }));
    assert.equal(all.length, 3);
  });

  it('deletes only a disabled policy; a deleted policy is gone', async function () {
    const refused = await caught(sim(), 'symphony-dlp-policy-delete', {}, { policyId });
    assert.equal(refused.error?.cause?.status, 400);
    assert.match(String(refused.error?.cause?.symphonyMessage), /disable it/);
    await out(sim(), 'symphony-dlp-policy-disable', {}, { policyId });
    const deleted = payload<PolicyJson>(await out(sim(), 'symphony-dlp-policy-delete', {}, { policyId }));
    assert.equal(deleted.data.deleted, true);
    const gone = await caught(sim(), 'symphony-dlp-policy-get', {}, { policyId });
    assert.equal(gone.error?.cause?.status, 400);
    const list = payload<{ policies: unknown[] }>(await out(sim(), 'symphony-dlp-policy-list'));
    assert.deepEqual(list.policies, []);
    // Nothing blocks any more.
    await out(sim(), 'symphony-message-send', {}, { streamId: DESK_ROOM_ID, message: 'falcon again' });
  });

  it('a new dictionary version gives the policies that use it a new version too', async function () {
    const appliesTo = [{ dataType: 'RoomMeta', action: 'LogOnly', rules: [textRule(codes)] }];
    const made = payload<PolicyJson>(await out(sim(), 'symphony-dlp-policy-create', set({ policyName: 'Rooms', scopes: 'Internal,External', appliesTo })));
    await out(sim(), 'symphony-dlp-dictionary-update', set({ dictionaryName: 'Code names' }), { dictionaryId: codes.dictId });
    const after = payload<PolicyJson & { data: { appliesTo: Array<{ rules: Array<{ textMatchConfig: { dictionaries: Array<{ name: string }> } }> }> } }>(
      await out(sim(), 'symphony-dlp-policy-get', {}, { policyId: made.data.policyId }));
    assert.equal(after.data.version, '3.1');
    assert.equal(after.data.appliesTo[0]!.rules[0]!.textMatchConfig.dictionaries[0]!.name, 'Code names');
  });
});
