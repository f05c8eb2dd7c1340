import assert from 'node:assert/strict';
import { useSimulator, type Msg } from '../helpers/flow';
import { BOT, LIMITED_APP_ID, USERS } from '../helpers/simulator';
import { allPages, caught, onBehalfOf, out, perItem, set } from '../helpers/users-flow';

interface UserJson { id: number; username?: string; emailAddress: string; displayName: string; roles?: string[] }
interface SearchJson { count: number; skip: number; limit: number; users: UserJson[] }

const INTERNAL = [BOT, USERS.alice, USERS.bob, USERS.carol, USERS.frank].map((u) => u.id).sort((a, b) => a - b);
const payload = <T>(msg: Msg): T => msg.payload as T;

describe('users nodes: session info and get user', function () {
  const sim = useSimulator();

  it('session info as the bot: the bot itself, with its roles', async function () {
    const me = payload<UserJson>(await out(sim(), 'symphony-session-info', {}, { topic: 'keep' }));
    assert.equal(me.id, BOT.id);
    assert.equal(me.username, BOT.username);
    assert.ok(me.roles?.includes('USER_PROVISIONING'), 'the seeded bot is a provisioning service account');
    assert.equal(sim().count('GET', '/pod/v2/sessioninfo'), 1);
  });

  it('session info on behalf of a user: that user; an app without GET_BASIC_USER_INFO gets 403', async function () {
    const me = payload<UserJson>(await out(sim(), 'symphony-session-info', onBehalfOf('alice')));
    assert.equal(me.id, USERS.alice.id);

    const refused = await caught(sim(), 'symphony-session-info', onBehalfOf('alice'), {}, { config: { appId: LIMITED_APP_ID } });
    assert.equal(refused.error!.cause!.status, 403);
    assert.match(String(refused.error!.cause!.symphonyMessage), /lacks the GET_BASIC_USER_INFO permission/);
  });

  it('the deprecated GET /pod/v1/sessioninfo still answers, in its own shape, through the generic node', async function () {
    const msg = await out(sim(), 'symphony-api', set({ method: 'GET', path: '/pod/v1/sessioninfo' }));
    assert.deepEqual(msg.payload, { userId: BOT.id });
  });

  it('get user by email, by username (local set for the user) and by user id', async function () {
    const byEmail = payload<UserJson>(await out(sim(), 'symphony-user-get', {}, { email: USERS.bob.emailAddress }));
    assert.equal(byEmail.id, USERS.bob.id);

    const byName = payload<UserJson>(await out(sim(), 'symphony-user-get', set({ username: 'alice' })));
    assert.equal(byName.id, USERS.alice.id);
    const request = sim().requests.find((r) => r.path === '/pod/v2/user' && r.query.includes('username='));
    assert.equal(new URLSearchParams(request?.query).get('local'), 'true', 'a username search is a local one');

    const byId = payload<UserJson>(await out(sim(), 'symphony-user-get', {}, { userId: String(USERS.carol.id) }));
    assert.equal(byId.displayName, USERS.carol.displayName);
  });

  it('get user: nobody found is null, an external user is not found locally', async function () {
    assert.equal((await out(sim(), 'symphony-user-get', {}, { email: 'nobody@nowhere.example' })).payload, null);
    assert.equal(payload<UserJson>(await out(sim(), 'symphony-user-get', {}, { email: USERS.dave.emailAddress })).id, USERS.dave.id);
    assert.equal((await out(sim(), 'symphony-user-get', {}, { email: USERS.dave.emailAddress, local: true })).payload, null);
  });

  it('get user on behalf of a user, through an app granted GET_BASIC_CONTACT_INFO only (one permission suffices)', async function () {
    const msg = await out(sim(), 'symphony-user-get', onBehalfOf('alice'), { username: 'bob' }, { config: { appId: LIMITED_APP_ID } });
    assert.equal(payload<UserJson>(msg).id, USERS.bob.id);
  });

  it('get user: two ways at once are refused before any request; a username with local false is Symphony\'s 400', async function () {
    const both = await caught(sim(), 'symphony-user-get', {}, { email: USERS.bob.emailAddress, username: 'bob' });
    assert.equal(both.error!.code, 'INVALID_INPUT');
    assert.equal(both.error!.cause!.field, 'email|username|userId');
    assert.equal(sim().count('GET', '/pod/v2/user'), 0);

    const notLocal = await caught(sim(), 'symphony-user-get', {}, { username: 'bob', local: false });
    assert.equal(notLocal.error!.cause!.status, 400);
    assert.equal(notLocal.error!.cause!.symphonyMessage, 'local must be true for a username search');
  });

  it('the deprecated GET /pod/v1/user answers { id, emailAddress }', async function () {
    const msg = await out(sim(), 'symphony-api', set({ method: 'GET', path: '/pod/v1/user', query: { email: USERS.bob.emailAddress } }));
    assert.deepEqual(msg.payload, { id: USERS.bob.id, emailAddress: USERS.bob.emailAddress });
  });
});

describe('users nodes: search users', function () {
  const sim = useSimulator();
  // Every user of the simulated bank has an email at simulated-bank.example.
  const bank = { query: 'simulated-bank' };

  it('one page: the count of all matches and the page asked for', async function () {
    const result = payload<SearchJson>(await out(sim(), 'symphony-users-search', set({ limit: 2 }), bank));
    assert.equal(result.count, 5);
    assert.equal(result.skip, 0);
    assert.deepEqual(result.users.map((u) => u.id), INTERNAL.slice(0, 2));
    const second = payload<SearchJson>(await out(sim(), 'symphony-users-search', set({ limit: 2, skip: 2 }), bank));
    assert.deepEqual(second.users.map((u) => u.id), INTERNAL.slice(2, 4));
  });

  it('all pages: every match, read two at a time; with a cap, stops at the cap', async function () {
    const all = payload<UserJson[]>(await out(sim(), 'symphony-users-search', { ...set({ limit: 2 }), ...allPages(1000) }, bank));
    assert.deepEqual(all.map((u) => u.id), INTERNAL);
    assert.equal(sim().count('POST', '/pod/v1/user/search'), 3);

    sim().clearRequests();
    const capped = payload<UserJson[]>(await out(sim(), 'symphony-users-search', { ...set({ limit: 2 }), ...allPages(3) }, bank));
    assert.deepEqual(capped.map((u) => u.id), INTERNAL.slice(0, 3), 'truncated at the cap');
    assert.equal(sim().count('POST', '/pod/v1/user/search'), 2);
  });

  it('one msg per user, with msg.parts for a join node', async function () {
    const msgs = await perItem(sim(), 'symphony-users-search', allPages(1000), 5, bank);
    assert.deepEqual(msgs.map((m) => payload<UserJson>(m).id), INTERNAL);
    assert.deepEqual(msgs.map((m) => (m.parts as { index: number; count: number }).index), [0, 1, 2, 3, 4]);
    assert.equal((msgs[0]!.parts as { count: number }).count, 5);
  });

  it('filters narrow the search; local leaves other firms out; no match is an empty result', async function () {
    const sales = payload<SearchJson>(await out(sim(), 'symphony-users-search', set({ query: 'b', filters: { title: 'sales' } })));
    assert.deepEqual(sales.users.map((u) => u.id), [USERS.bob.id]);

    const everywhere = payload<SearchJson>(await out(sim(), 'symphony-users-search', set({ query: 'davis' })));
    assert.deepEqual(everywhere.users.map((u) => u.id), [USERS.dave.id]);
    const local = payload<SearchJson>(await out(sim(), 'symphony-users-search', set({ query: 'davis', local: true })));
    assert.deepEqual(local, { count: 0, users: [] });
  });

  it('search on behalf of a user (GET_BASIC_CONTACT_INFO)', async function () {
    const result = payload<SearchJson>(await out(sim(), 'symphony-users-search', onBehalfOf('alice'), { query: 'Brown' }, { config: { appId: LIMITED_APP_ID } }));
    assert.deepEqual(result.users.map((u) => u.id), [USERS.bob.id]);
  });

  it('a missing search term is named before any request', async function () {
    const refused = await caught(sim(), 'symphony-users-search', {}, { payload: 'x' });
    assert.equal(refused.error!.code, 'INVALID_INPUT');
    assert.equal(refused.error!.cause!.field, 'query');
    assert.equal(sim().count('POST', '/pod/v1/user/search'), 0);
  });
});
