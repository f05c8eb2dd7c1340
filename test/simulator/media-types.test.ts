import assert from 'node:assert/strict';
import http from 'node:http';
import { DEFAULT_SEED, type Simulator } from '../../simulator';
import { createMainRouter, createMtlsRouter } from '../../simulator/routes';
import { ApiSpec } from '../conformance/spec';
import { postJson, startAuthenticatedSimulator, type BotTokens } from './helpers';

const ROOM = DEFAULT_SEED.rooms[0].id;

/**
 * The simulator negotiates media types as a server built from the spec would: 406 for an Accept it cannot satisfy,
 * 415 for a body of the wrong type, without a type, or where the operation takes none. What each route takes and
 * answers is checked against the official spec.
 */
describe('simulator media types: 406 and 415 as the spec declares them', () => {
  let sim: Simulator;
  let tokens: BotTokens;
  let oboToken: (username: string) => Promise<string>;

  before(async () => {
    ({ sim, tokens, oboToken } = await startAuthenticatedSimulator());
  });
  after(() => sim.close());

  /** A message with one file, for the download. */
  async function sentFile(): Promise<{ messageId: string; fileId: string }> {
    const form = new FormData();
    form.append('message', '<messageML>file</messageML>');
    form.append('attachment', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
    const res = await fetch(`${sim.url}/agent/v4/stream/${ROOM}/message/create`, { method: 'POST', headers: { ...tokens }, body: form });
    const message = await res.json() as { messageId: string; attachments: Array<{ id: string }> };
    return { messageId: message.messageId, fileId: message.attachments[0]!.id };
  }

  it('declares for every route the request and answer media types the spec gives its operation', function () {
    if (!ApiSpec.available()) this.skip();
    const spec = new ApiSpec();
    const problems: string[] = [];
    for (const route of [...createMainRouter().list(), ...createMtlsRouter().list()]) {
      const where = `${route.method} ${route.template}`;
      const op = spec.find(route.method, route.template);
      if (!op) {
        problems.push(`${where}: not in the spec`);
        continue;
      }
      const body = op.consumes.length === 0 ? 'none' : op.consumes.join(', ');
      if (route.media.body !== body) problems.push(`${where}: takes ${route.media.body}, the spec ${body}`);
      if (op.produces.join(', ') !== route.media.produces) problems.push(`${where}: answers ${route.media.produces}, the spec ${op.produces.join(', ')}`);
    }
    assert.deepEqual(problems, []);
  });

  it('406: a download asked for as JSON; served to application/octet-stream, */*, application/* or no Accept at all', async () => {
    const { messageId, fileId } = await sentFile();
    const url = `${sim.url}/agent/v1/stream/${ROOM}/attachment?messageId=${encodeURIComponent(messageId)}&fileId=${encodeURIComponent(fileId)}`;
    const download = (accept: string): Promise<Response> => fetch(url, { headers: { ...tokens, accept } });
    const refused = await download('application/json');
    assert.equal(refused.status, 406);
    assert.match((await refused.json() as { message: string }).message, /application\/octet-stream/);
    assert.equal((await download('application/json, application/octet-stream;q=0')).status, 406);
    for (const accept of ['application/octet-stream', '*/*', 'application/*', 'application/json, */*;q=0.8']) {
      const served = await download(accept);
      assert.equal(served.status, 200, `Accept ${accept}`);
      assert.equal(served.headers.get('content-type'), 'application/octet-stream');
      assert.equal(Buffer.from(await served.text(), 'base64').toString(), 'hello');
    }
    // Without any Accept header (fetch always sends one).
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http.get(url, { headers: { ...tokens } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject);
    });
    assert.equal(status, 200);
  });

  it('406: a JSON endpoint asked for something else, as the bot and on behalf of a user', async () => {
    const alice = await oboToken('alice');
    for (const headers of [{ ...tokens }, { sessionToken: alice }]) {
      assert.equal((await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { ...headers, accept: 'application/octet-stream' } })).status, 406);
      assert.equal((await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { ...headers, accept: 'text/html' } })).status, 406);
      const ok = await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { ...headers, accept: 'application/json' } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('content-type'), 'application/json');
    }
  });

  it('415: a JSON body typed otherwise or not typed at all, as the bot and on behalf of a user; nothing changes', async () => {
    const alice = await oboToken('alice');
    const body = JSON.stringify({ category: 'BUSY' });
    for (const headers of [{ ...tokens }, { sessionToken: alice }]) {
      const asText = await fetch(`${sim.url}/pod/v2/user/presence`, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body });
      assert.equal(asText.status, 415);
      assert.match((await asText.json() as { message: string }).message, /application\/json/);
      const untyped = await fetch(`${sim.url}/pod/v2/user/presence`, { method: 'POST', headers, body: new TextEncoder().encode(body) });
      assert.equal(untyped.status, 415);
      const asForm = await fetch(`${sim.url}/pod/v2/user/presence`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: 'category=BUSY' });
      assert.equal(asForm.status, 415);
    }
    const presence = await fetch(`${sim.url}/pod/v2/user/presence`, { headers: { ...tokens } });
    assert.notEqual((await presence.json() as { category: string }).category, 'BUSY');
    assert.equal((await postJson(`${sim.url}/pod/v2/user/presence`, { category: 'BUSY' }, { ...tokens })).status, 200);
  });

  it('415: a body where the operation takes none; a bodyless POST is served', async () => {
    const alice = await oboToken('alice');
    for (const headers of [{ ...tokens }, { sessionToken: alice }]) {
      const withBody = await postJson(`${sim.url}/pod/v1/presence/feed/create`, {}, headers);
      assert.equal(withBody.status, 415);
      assert.match((await withBody.json() as { message: string }).message, /takes no request body/);
      assert.equal((await fetch(`${sim.url}/pod/v1/presence/feed/create`, { method: 'POST', headers })).status, 200);
    }
  });

  it('415 on the logins too: an OBO user login takes no body, the bot login JSON only', async () => {
    const withBody = await fetch(`${sim.url}/login/pubkey/app/username/alice/authenticate`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x=1',
    });
    assert.equal(withBody.status, 415);
    const botLogin = await fetch(`${sim.url}/login/pubkey/authenticate`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"token":"x"}' });
    assert.equal(botLogin.status, 415);
  });
});
