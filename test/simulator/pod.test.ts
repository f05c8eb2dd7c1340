import assert from 'node:assert/strict';
import { DEFAULT_SEED, type Simulator } from '../../simulator';
import { postJson, startAuthenticatedSimulator, type BotTokens } from './helpers';

const { users } = DEFAULT_SEED;

interface UserList { users: Array<{ id: number; username: string; department?: string }>; errors: Array<Record<string, string>> }

describe('simulator pod API', () => {
  let sim: Simulator;
  let tokens: BotTokens;
  let oboToken: (username: string) => Promise<string>;

  before(async () => {
    ({ sim, tokens, oboToken } = await startAuthenticatedSimulator());
  });
  after(() => sim.close());

  const get = (path: string, sessionToken = tokens.sessionToken): Promise<Response> =>
    fetch(`${sim.url}${path}`, { headers: { sessionToken } });

  describe('GET /pod/v3/users', () => {
    it('finds users by uid, email and username, listing unknown entries in errors', async () => {
      const byUid = await get(`/pod/v3/users?uid=${users.alice.id},${users.bob.id},99,abc`);
      assert.equal(byUid.status, 200);
      const list = await byUid.json() as UserList;
      assert.deepEqual(list.users.map((u) => u.username), ['alice', 'bob']);
      assert.deepEqual(list.errors, [{ error: 'invalid.format', id: '99' }, { error: 'invalid.format', id: 'abc' }]);

      const byEmail = await get(`/pod/v3/users?email=${encodeURIComponent(users.carol.emailAddress)},not-an-email`);
      const emailList = await byEmail.json() as UserList;
      assert.deepEqual(emailList.users.map((u) => u.id), [users.carol.id]);
      assert.deepEqual(emailList.errors, [{ error: 'invalid.format', email: 'not-an-email' }]);

      const byName = await get('/pod/v3/users?username=dave,erin');
      const nameList = await byName.json() as UserList;
      assert.deepEqual(nameList.users.map((u) => u.id), [users.dave.id, users.erin.id]);
      assert.equal(nameList.users[0].department, undefined, 'external users show no department');
    });

    it('keeps only internal users with local=true and filters on active', async () => {
      const local = await get(`/pod/v3/users?uid=${users.alice.id},${users.dave.id}&local=true`);
      assert.deepEqual((await local.json() as UserList).users.map((u) => u.username), ['alice']);
      assert.equal((await get(`/pod/v3/users?uid=${users.alice.id}&active=false`)).status, 204);
    });

    it('answers 204 when no user is found', async () => {
      const res = await get('/pod/v3/users?username=nobody');
      assert.equal(res.status, 204);
      assert.equal(await res.text(), '');
    });

    it('answers 400 for two lists, no list, more than 100 entries or a bad boolean', async () => {
      const cases: Array<[string, RegExp]> = [
        [`/pod/v3/users?uid=${users.alice.id}&email=a@b.c`, /Only one of uid, email or username/],
        ['/pod/v3/users', /One of uid, email or username is required/],
        [`/pod/v3/users?uid=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`, /at most 100/],
        [`/pod/v3/users?uid=${users.alice.id}&local=yes`, /local must be true or false/],
      ];
      for (const [path, message] of cases) {
        const res = await get(path);
        assert.equal(res.status, 400, path);
        assert.match((await res.json() as { message: string }).message, message);
      }
    });
  });

  it('GET /pod/v2/sessioninfo returns the caller as UserV2', async () => {
    const res = await get('/pod/v2/sessioninfo');
    const me = await res.json() as Record<string, unknown>;
    assert.equal(me.id, users.bot.id);
    assert.equal(me.displayName, 'Demo Bot');
    assert.equal(me.accountType, 'SYSTEM');
    assert.ok(Array.isArray(me.roles));
    assert.ok(Number.isSafeInteger(me.id));
  });

  describe('POST /pod/v1/im/create', () => {
    const createIm = (body: unknown, sessionToken = tokens.sessionToken): Promise<Response> =>
      postJson(`${sim.url}/pod/v1/im/create`, body, { sessionToken });

    it('returns the same IM for the same member set, the caller included implicitly', async () => {
      const first = await createIm([users.alice.id]);
      assert.equal(first.status, 200);
      const { id } = await first.json() as { id: string };
      assert.match(id, /^[A-Za-z0-9_-]{20,}$/);
      const again = await (await createIm([users.alice.id, users.alice.id, users.bot.id])).json() as { id: string };
      assert.equal(again.id, id);
      const stream = sim.state.streams.get(id);
      assert.equal(stream?.type, 'IM');
      assert.deepEqual(stream?.members, [users.bot.id, users.alice.id].sort((a, b) => a - b));

      const mim = await (await createIm([users.alice.id, users.bob.id])).json() as { id: string };
      assert.notEqual(mim.id, id);
      assert.equal(sim.state.streams.get(mim.id)?.type, 'MIM');
    });

    it('lets a user talk to a connected external user but answers 403 for an unconnected one', async () => {
      const connected = await createIm([users.erin.id]);
      assert.equal(connected.status, 200);
      const unconnected = await createIm([users.dave.id]);
      assert.equal(unconnected.status, 403);
      assert.match((await unconnected.json() as { message: string }).message, /dave is an external user not connected/);

      const bob = await oboToken('bob');
      assert.equal((await createIm([users.erin.id], bob)).status, 403, 'erin is connected with alice and the bot, not bob');
      const alice = await oboToken('alice');
      assert.equal((await createIm([users.erin.id], alice)).status, 200);
    });

    it('answers 400 for an unknown user or a malformed body, naming the field', async () => {
      const unknown = await createIm([12345678901234]);
      assert.equal(unknown.status, 400);
      assert.match((await unknown.json() as { message: string }).message, /User 12345678901234 not found/);
      const cases: Array<[unknown, RegExp]> = [
        [[], /uidList must NOT have fewer than 1 items/],
        [['abc'], /uidList\[0\] must be integer/],
        [{ ids: [1] }, /uidList must be array/],
        [[users.bot.id], /other than the caller/],
      ];
      for (const [body, message] of cases) {
        const res = await createIm(body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.match((await res.json() as { message: string }).message, message);
      }
    });
  });

  describe('presence', () => {
    it('sets and reads the caller presence as V2Presence', async () => {
      const before = Date.now();
      const set = await postJson(`${sim.url}/pod/v2/user/presence`, { category: 'BUSY' }, { sessionToken: tokens.sessionToken });
      assert.equal(set.status, 200);
      const presence = await set.json() as { category: string; userId: number; timestamp: number };
      assert.equal(presence.category, 'BUSY');
      assert.equal(presence.userId, users.bot.id);
      assert.ok(presence.timestamp >= before);
      assert.deepEqual(await (await get('/pod/v2/user/presence')).json(), presence);
    });

    it('keeps an OFFLINE user OFFLINE on a soft update', async () => {
      const alice = await oboToken('alice');
      await postJson(`${sim.url}/pod/v2/user/presence`, { category: 'OFFLINE' }, { sessionToken: alice });
      const soft = await postJson(`${sim.url}/pod/v2/user/presence?soft=true`, { category: 'AVAILABLE' }, { sessionToken: alice });
      assert.equal((await soft.json() as { category: string }).category, 'OFFLINE');
      const hard = await postJson(`${sim.url}/pod/v2/user/presence`, { category: 'AVAILABLE' }, { sessionToken: alice });
      assert.equal((await hard.json() as { category: string }).category, 'AVAILABLE');
    });

    it('answers 400 for a category outside the enum or a missing one', async () => {
      const bad = await postJson(`${sim.url}/pod/v2/user/presence`, { category: 'SLEEPING' }, { sessionToken: tokens.sessionToken });
      assert.equal(bad.status, 400);
      assert.match((await bad.json() as { message: string }).message, /^category must be one of UNDEFINED, AVAILABLE/);
      const missing = await postJson(`${sim.url}/pod/v2/user/presence`, {}, { sessionToken: tokens.sessionToken });
      assert.equal((await missing.json() as { message: string }).message, 'category is required');
    });
  });
});
