import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED, OBO_ENDPOINTS, OBO_PERMISSIONS, startSimulator, type Simulator } from '../../simulator';
import { findOboEndpoint, isOboAllowed } from '../../simulator/obo-permissions';
import { authenticateObo, keysFor, postJson, type TestKeys } from './helpers';

const ROOM = DEFAULT_SEED.rooms[0].id;

function messageForm(text: string): FormData {
  const form = new FormData();
  form.append('message', `<messageML>${text}</messageML>`);
  return form;
}

describe('simulator OBO permissions', () => {
  let sim: Simulator;
  let full: TestKeys;
  let limited: TestKeys;

  before(async () => {
    full = keysFor('app');
    limited = keysFor('limited');
    sim = await startSimulator({
      apps: [
        { appId: 'demo-obo-app', publicKey: full.publicKeyPem, permissions: [...OBO_PERMISSIONS] },
        { appId: 'reader-app', publicKey: limited.publicKeyPem, permissions: ['GET_BASIC_USER_INFO', 'GET_PRESENCE'] },
      ],
    });
  });
  after(() => sim.close());

  it('lets an app with the permission act for the user, on the agent without a keyManagerToken', async () => {
    const token = await authenticateObo(sim, 'demo-obo-app', full.privateKey, 'alice');
    const res = await fetch(`${sim.url}/agent/v4/stream/${ROOM}/message/create`, {
      method: 'POST', headers: { sessionToken: token }, body: messageForm('on behalf of Alice'),
    });
    assert.equal(res.status, 200);
    assert.equal((await res.json() as { user: { userId: number } }).user.userId, DEFAULT_SEED.users.alice.id);
  });

  it('answers 403 naming the missing permission for an app that lacks it', async () => {
    const token = await authenticateObo(sim, 'reader-app', limited.privateKey, 'alice');
    const allowed = await fetch(`${sim.url}/pod/v2/sessioninfo`, { headers: { sessionToken: token } });
    assert.equal(allowed.status, 200);

    const send = await fetch(`${sim.url}/agent/v4/stream/${ROOM}/message/create`, {
      method: 'POST', headers: { sessionToken: token }, body: messageForm('denied'),
    });
    assert.equal(send.status, 403);
    assert.deepEqual(await send.json(), { code: 403, message: 'The application reader-app lacks the SEND_MESSAGES permission' });

    const presence = await postJson(`${sim.url}/pod/v2/user/presence`, { category: 'BUSY' }, { sessionToken: token });
    assert.equal(presence.status, 403);
    assert.match((await presence.json() as { message: string }).message, /lacks the SET_PRESENCE permission/);
    assert.equal(sim.state.presence.get(DEFAULT_SEED.users.alice.id)?.category, 'AVAILABLE');
  });

  it('answers 403 for an endpoint that is not OBO-enabled', async () => {
    const token = await authenticateObo(sim, 'demo-obo-app', full.privateKey, 'alice');
    const res = await fetch(`${sim.url}/agent/v1/info`, { headers: { sessionToken: token } });
    assert.equal(res.status, 403);
    assert.match((await res.json() as { message: string }).message, /not OBO-enabled/);
  });

  it('takes either of two listed permissions as enough', () => {
    const roomCreate = findOboEndpoint('POST', '/pod/v3/room/create');
    assert.ok(roomCreate);
    assert.ok(isOboAllowed(roomCreate, ['CREATE_USER_STREAM']));
    assert.ok(isOboAllowed(roomCreate, ['MANAGE_ROOMS']));
    assert.ok(!isOboAllowed(roomCreate, ['SEND_MESSAGES']));
    assert.deepEqual(findOboEndpoint('POST', '/pod/v1/user/123/follow')?.permissions, ['MANAGE_USER_FOLLOWING']);
    assert.equal(findOboEndpoint('GET', '/pod/v1/im/create'), undefined);
  });

  it('holds exactly the 50 endpoints and 13 permissions of the OBO table', function () {
    assert.equal(OBO_ENDPOINTS.length, 50);
    assert.equal(new Set(OBO_ENDPOINTS.map((e) => `${e.method} ${e.path}`)).size, 50);
    assert.equal(OBO_PERMISSIONS.length, 13);
    const seed = join(__dirname, '../../../../shared/seeds/obo-endpoints.txt');
    if (!existsSync(seed)) {
      console.log(`      (skipping the comparison with ${seed}: not present)`);
      return;
    }
    // Each seed row: "METHOD" "path" followed by its permission line (two permissions joined by a literal \n).
    const rows = [...readFileSync(seed, 'utf8').matchAll(/^"(GET|POST)" "([^"]+)"\n(.+)$/gm)].map(([, method, path, perms]) => ({
      method, path: (path.startsWith('/v1/') ? `/pod${path}` : path).replace(/\{:(\w+)\}/g, '{$1}'), permissions: perms.split(' \\n'),
    }));
    assert.equal(rows.length, 50);
    for (const row of rows) {
      const entry = OBO_ENDPOINTS.find((e) => e.method === row.method && e.path.replace(/\{\w+\}/g, '{}') === row.path.replace(/\{\w+\}/g, '{}'));
      assert.ok(entry, `${row.method} ${row.path} is missing`);
      assert.deepEqual([...entry.permissions], row.permissions.map((p) => p.trim()), `${row.method} ${row.path}`);
    }
  });
});
