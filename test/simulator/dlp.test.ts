import assert from 'node:assert/strict';
import { DEFAULT_SEED, type Simulator } from '../../simulator';
import { postJson, startAuthenticatedSimulator, type BotTokens } from './helpers';

const ROOM = DEFAULT_SEED.rooms[0].id;

/**
 * The simulated agent's DLP endpoints refuse what the agent refuses (bodies, ids, paging values, content types) and
 * enforce enabled policies where users create content: a Block stops it, every match leaves a violation.
 */
describe('simulator DLP: policies, dictionaries, enforcement and violations', () => {
  let sim: Simulator;
  let tokens: BotTokens;
  let oboToken: (username: string) => Promise<string>;
  let codes: { dictId: string; name: string; version: string };
  const since = Date.now();

  const agent = (path: string): string => `${sim.url}/agent${path}`;
  const get = (path: string, headers: Record<string, string> = { ...tokens }): Promise<Response> => fetch(agent(path), { headers });
  const errorOf = async (res: Response): Promise<string> => ((await res.json()) as { message: string }).message;

  async function upload(dictId: string, content: string, field = 'data'): Promise<Response> {
    const form = new FormData();
    form.append(field, new Blob([content], { type: 'text/plain' }), 'words.txt');
    return fetch(agent(`/v1/dlp/dictionaries/${dictId}/data/upload`), { method: 'POST', headers: { ...tokens }, body: form });
  }

  const rule = (ref: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    name: 'r', type: 'TEXT_MATCH', textMatchConfig: { dictionaries: [ref], applicableFileTypes: [] }, ...extra,
  });

  before(async () => {
    ({ sim, tokens, oboToken } = await startAuthenticatedSimulator());
    const made = await postJson(agent('/v1/dlp/dictionaries'), { name: 'Codes', type: 'Word' }, { ...tokens });
    const id = ((await made.json()) as { data: { dictRef: { dictId: string } } }).data.dictRef.dictId;
    codes = ((await (await upload(id, 'falcon\nblue harbour')).json()) as { data: { dictRef: typeof codes } }).data.dictRef;
  });
  after(() => sim.close());

  it('refuses bodies the spec does not allow, naming the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ name: 'P', scopes: ['Internal'] }, /appliesTo is required/],
      [{ name: 'P', scopes: ['Everywhere'], appliesTo: [{ dataType: 'Messages', action: 'Block', rules: [rule(codes)] }] }, /scopes\[0\] must be one of Internal, External/],
      [{ name: 'P', scopes: ['Internal'], appliesTo: [{ dataType: 'Messages', action: 'Stop', rules: [rule(codes)] }] }, /appliesTo\[0\]\.action must be one of/],
      [{ name: 'P', scopes: ['Internal'], appliesTo: [{ dataType: 'Messages', action: 'Block', rules: [rule(codes, { fileSizeConfig: { sizeLimit: 5 } })] }] }, /textMatchConfig, and no other configuration/],
      [{ name: 'P', scopes: ['Internal'], appliesTo: [{ dataType: 'Messages', action: 'Block', rules: [{ name: 'r', type: 'FILE_SIZE' }] }] }, /must have fileSizeConfig/],
      [{ name: 'P', scopes: ['Internal'], appliesTo: [{ dataType: 'Messages', action: 'Block', rules: [rule({ ...codes, dictId: 'nope' })] }] }, /Dictionary nope not found/],
      [{ name: 'a name longer than thirty characters', scopes: ['Internal'], appliesTo: [] }, /name must NOT have more than 30 characters/],
    ];
    for (const [body, message] of cases) {
      const res = await postJson(agent('/v3/dlp/policies'), body, { ...tokens });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(await errorOf(res), message);
    }
    const unnamed = await fetch(agent(`/v1/dlp/dictionaries/${codes.dictId}`), { method: 'PUT', headers: { ...tokens, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(unnamed.status, 400);
    assert.match(await errorOf(unnamed), /name is required/);
  });

  it('answers 415 to a body of another media type, and 400 to an upload without its data part', async () => {
    const text = await fetch(agent('/v3/dlp/policies'), { method: 'POST', headers: { ...tokens, 'content-type': 'text/plain' }, body: 'name=P' });
    assert.equal(text.status, 415);
    const jsonUpload = await postJson(agent(`/v1/dlp/dictionaries/${codes.dictId}/data/upload`), { data: 'falcon' }, { ...tokens });
    assert.equal(jsonUpload.status, 415);
    const wrongPart = await upload(codes.dictId, 'falcon', 'file');
    assert.equal(wrongPart.status, 400);
    assert.match(await errorOf(wrongPart), /data is required/);
  });

  it('refuses unknown ids and versions with 400, as these endpoints declare no 404, and bad paging values', async () => {
    for (const path of ['/v3/dlp/policies/nope', '/v1/dlp/dictionaries/nope', '/v1/dlp/dictionaries/nope/data/download', `/v1/dlp/dictionaries/${codes.dictId}?dictVersion=9.9`]) {
      assert.equal((await get(path)).status, 400, path);
    }
    for (const path of ['/v3/dlp/policies?limit=51', '/v3/dlp/policies?page=-1', '/v1/dlp/dictionaries?limit=x', '/v3/dlp/violations/message', '/v3/dlp/violations/message?startTime=0&limit=501', '/v3/dlp/violations/message?startTime=0&next=abc']) {
      assert.equal((await get(path)).status, 400, path);
    }
    assert.equal((await get('/v3/dlp/violation/attachment?fileId=f&violationId=nope')).status, 404);
  });

  it('serves DLP only to the bot, and only while it holds the DLP role', async () => {
    const alice = { sessionToken: await oboToken('alice') };
    const obo = await get('/v3/dlp/policies', alice);
    assert.equal(obo.status, 403);
    assert.match(await errorOf(obo), /not OBO-enabled/);

    const roles = `${sim.url}/pod/v1/admin/user/${DEFAULT_SEED.users.bot.id}/roles`;
    assert.equal((await postJson(`${roles}/remove`, { id: 'EF_POLICY_MANAGEMENT' }, { ...tokens })).status, 200);
    try {
      const res = await get('/v3/dlp/violations/signal?startTime=0');
      assert.equal(res.status, 403);
      assert.match(await errorOf(res), /EF_POLICY_MANAGEMENT/);
    } finally {
      assert.equal((await postJson(`${roles}/add`, { id: 'EF_POLICY_MANAGEMENT' }, { ...tokens })).status, 200);
    }
  });

  it('blocks a room and a signal rename that name the words, records them, and keeps nothing it blocked', async () => {
    const created = await postJson(agent('/v3/dlp/policies'), {
      name: 'Block codes', scopes: ['Internal', 'External'],
      appliesTo: [{ dataType: 'RoomMeta', action: 'Block', rules: [rule(codes)] }, { dataType: 'SignalMeta', action: 'Block', rules: [rule(codes)] }],
    }, { ...tokens });
    const policyId = ((await created.json()) as { data: { policyId: string } }).data.policyId;
    assert.equal((await fetch(agent(`/v3/dlp/policies/${policyId}/enable`), { method: 'POST', headers: { ...tokens } })).status, 200);

    const room = await postJson(`${sim.url}/pod/v3/room/create`, { name: 'Blue Harbour desk', description: 'deals' }, { ...tokens });
    assert.equal(room.status, 400);
    assert.match(await errorOf(room), /blocked by the DLP policy Block codes/);
    const search = await postJson(`${sim.url}/pod/v3/room/search`, { query: 'Harbour' }, { ...tokens });
    assert.equal(((await search.json()) as { count: number }).count, 0, 'the room was not made');

    const signal = await postJson(agent('/v1/signals/create'), { name: 'Rates', query: 'hashtag:rates' }, { ...tokens });
    const { id } = (await signal.json()) as { id: string };
    const renamed = await postJson(agent(`/v1/signals/${id}/update`), { name: 'Falcon rates' }, { ...tokens });
    assert.equal(renamed.status, 400);
    const kept = (await (await get(`/v1/signals/${id}/get`)).json()) as { name: string };
    assert.equal(kept.name, 'Rates');

    const rooms = (await (await get(`/v3/dlp/violations/stream?startTime=${since}`)).json()) as { violations: Array<{ violation: { action: string }; stream: { name: string } }> };
    assert.deepEqual(rooms.violations.map((v) => [v.violation.action, v.stream.name]), [['BLOCK', 'Blue Harbour desk']]);
    const signals = (await (await get(`/v3/dlp/violations/signal?startTime=${since}`)).json()) as { violations: Array<{ violation: { entityID: string } }> };
    assert.deepEqual(signals.violations.map((v) => v.violation.entityID), [id]);
    assert.equal((await get(`/v3/dlp/violations/message?startTime=${since}`)).status, 204, 'no message violation');

    const enabledDelete = await fetch(agent(`/v3/dlp/policies/${policyId}/delete`), { method: 'POST', headers: { ...tokens } });
    assert.equal(enabledDelete.status, 400);
    await fetch(agent(`/v3/dlp/policies/${policyId}/disable`), { method: 'POST', headers: { ...tokens } });
    const message = await fetch(`${sim.url}/agent/v4/stream/${ROOM}/message/create`, {
      method: 'POST', headers: { ...tokens }, body: (() => { const f = new FormData(); f.append('message', '<messageML>falcon</messageML>'); return f; })(),
    });
    assert.equal(message.status, 200, 'a disabled policy blocks nothing');
  });
});
