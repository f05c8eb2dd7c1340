import assert from 'node:assert/strict';
import { DEFAULT_SEED, type Simulator } from '../../simulator';
import { startAuthenticatedSimulator, type BotTokens } from './helpers';

const { users } = DEFAULT_SEED;

/** What the nodes never send (they check first), but a pod must refuse from any client. */
describe('simulator pod administration API: bodies and callers a pod refuses', () => {
  let sim: Simulator;
  let tokens: BotTokens;
  let oboToken: (username: string) => Promise<string>;

  before(async () => {
    ({ sim, tokens, oboToken } = await startAuthenticatedSimulator());
  });
  after(() => sim.close());

  const call = async (method: string, path: string, body?: unknown, sessionToken = tokens.sessionToken): Promise<{ status: number; json: unknown }> => {
    const response = await fetch(`${sim.url}${path}`, {
      method,
      headers: { sessionToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
  const message = (reply: { json: unknown }): string => (reply.json as { message: string }).message;

  it('PATCH is routed; a patch flag outside TRUE, FALSE, KEEP, REMOVE is a 400 naming it', async () => {
    const path = `/pod/v1/admin/user/${users.alice.id}/app/entitlement/list`;
    const ok = await call('PATCH', path, [{ appId: 'djApp', install: 'TRUE' }]);
    assert.equal(ok.status, 200);
    const bad = await call('PATCH', path, [{ appId: 'djApp', install: 'YES' }]);
    assert.equal(bad.status, 400);
    assert.equal(message(bad), 'body[0].install must be one of TRUE, FALSE, KEEP, REMOVE');
    assert.equal((await call('PATCH', path, [])).status, 400, 'an empty list asks nothing');
  });

  it('barrier members: user ids must be whole numbers', async () => {
    const groups = (await call('GET', '/pod/v1/admin/group/list')).json as Array<{ id: string }>;
    const bad = await call('POST', `/pod/v1/admin/group/${groups[0]!.id}/membership/add`, ['alice']);
    assert.equal(bad.status, 400);
    assert.equal(message(bad), 'body[0] must be integer');
  });

  it('file extension: the body must name the extension of the path; a DELETE takes no body', async () => {
    const mismatch = await call('PUT', '/pod/file_ext/v1/allowed_extensions/.log', { extension: '.txt', scope_internal: true });
    assert.equal(message(mismatch), 'extension .txt does not match the extension .log of the path');
    const noDot = await call('PUT', '/pod/file_ext/v1/allowed_extensions/log', { extension: 'log' });
    assert.equal(noDot.status, 400);
    assert.equal((await call('DELETE', '/pod/file_ext/v1/allowed_extensions/.pdf', { extension: '.pdf' })).status, 415);
  });

  it('apps: an unknown field, or a permission in lower case, is a 400 naming it', async () => {
    const unknown = await call('POST', '/pod/v1/admin/app/create', { applicationInfo: { appId: 'a', name: 'A' }, colour: 'red' });
    assert.equal(message(unknown), 'body has an unknown property colour');
    const lower = await call('POST', '/pod/v1/admin/app/create', { applicationInfo: { appId: 'a', name: 'A' }, permissions: ['send_messages'] });
    assert.equal(message(lower), 'permissions[0] must match pattern "^[A-Z0-9_]+$"');
  });

  it('manifest: valid JSON only; a person is refused', async () => {
    const notJson = await call('POST', '/pod/v1/user/manifest/own', { manifest: '{commands' });
    assert.equal(message(notJson), 'manifest must be valid JSON');
    // A person's session (through the OBO app) is refused before the manifest: the endpoint is not OBO-enabled.
    const person = await call('GET', '/pod/v1/user/manifest/own', undefined, await oboToken('alice'));
    assert.equal(person.status, 403);
  });

  it('the pod certificate needs no session', async () => {
    const response = await fetch(`${sim.url}/pod/v1/podcert`);
    assert.equal(response.status, 200);
    assert.match(((await response.json()) as { certificate: string }).certificate, /^-----BEGIN CERTIFICATE-----/);
  });
});
