import assert from 'node:assert/strict';
import { useSimulator } from '../helpers/flow';
import { apiRequests, asUser, failure, opNode, output } from '../helpers/presence-flow';
import { BOT, USERS } from '../helpers/simulator';

interface Presence { category: string; userId: number; timestamp: number }

const { alice, bob, carol, dave, erin, frank } = USERS;
const presence = (msg: { payload?: unknown }): Presence => msg.payload as Presence;
const api = (method: string, path: string, extra: Record<string, unknown> = {}) => opNode('symphony-api', {
  method, methodType: 'str', path, pathType: 'str', body: 'payload', bodyType: 'msg', ...extra,
});

describe('presence nodes: my presence and a user\'s presence', function () {
  const sim = useSimulator();

  it('get my presence: the bot, and a user on behalf of whom presence was just set', async function () {
    const bot = await output(sim(), opNode('symphony-presence-get'));
    assert.deepEqual([presence(bot).category, presence(bot).userId], ['OFFLINE', BOT.id]);

    await output(sim(), opNode('symphony-presence-set', { category: 'BUSY', categoryType: 'str', ...asUser('alice') }));
    const mine = await output(sim(), opNode('symphony-presence-get', asUser('alice')));
    assert.deepEqual([presence(mine).category, presence(mine).userId], ['BUSY', alice.id]);
    assert.equal(typeof presence(mine).timestamp, 'number');
  });

  it('the deprecated v1 endpoints of get and set presence answer the old { category } shape', async function () {
    const set = await output(sim(), api('POST', '/pod/v1/user/presence', asUser('bob')), { payload: { category: 'ON_THE_PHONE' } });
    assert.deepEqual(set.payload, { category: 'ON_THE_PHONE' });
    const v2 = await output(sim(), opNode('symphony-presence-get', asUser('bob')));
    assert.equal(presence(v2).category, 'ON_THE_PHONE', 'the v1 set is the same state');

    await output(sim(), opNode('symphony-presence-set', { category: 'IN_A_MEETING', categoryType: 'str', ...asUser('bob') }));
    const v1 = await output(sim(), api('GET', '/pod/v1/user/presence', asUser('bob')));
    assert.deepEqual(v1.payload, { category: 'BUSY' }, 'v1 has no IN_A_MEETING: it shows the closest old category');
  });

  it('get user presence: a colleague\'s presence, by the bot and on behalf of a user, also on the deprecated paths', async function () {
    await output(sim(), opNode('symphony-presence-set', { category: 'AWAY', categoryType: 'str', ...asUser('carol') }));
    const byBot = await output(sim(), opNode('symphony-presence-get-user', { userId: String(carol.id), userIdType: 'str' }));
    assert.deepEqual([presence(byBot).category, presence(byBot).userId], ['AWAY', carol.id]);
    const byAlice = await output(sim(), opNode('symphony-presence-get-user', asUser('alice')), { userId: carol.id });
    assert.equal(presence(byAlice).category, 'AWAY');
    assert.equal(sim().count('GET', `/pod/v3/user/${carol.id}/presence`), 2);

    for (const path of [`/pod/v1/user/${carol.id}/presence`, `/pod/v2/user/${carol.id}/presence`]) {
      const old = await output(sim(), api('GET', path, asUser('alice')));
      assert.deepEqual(old.payload, { category: 'AWAY' }, path);
    }
  });

  it('get user presence: an external user shows only once connected and registered, and never for a local query', async function () {
    const before = await output(sim(), opNode('symphony-presence-get-user'), { userId: erin.id });
    assert.equal(presence(before).category, 'OFFLINE', 'no interest registered yet');

    const registered = await output(sim(), opNode('symphony-presence-register-interest'), { userIds: `${erin.id},${dave.id}` });
    assert.deepEqual(registered.payload, { format: 'TEXT', message: 'OK' });

    const after = await output(sim(), opNode('symphony-presence-get-user'), { userId: erin.id });
    assert.equal(presence(after).category, 'AVAILABLE', 'erin is connected to the bot');
    const local = await output(sim(), opNode('symphony-presence-get-user', { local: 'true', localType: 'bool' }), { userId: erin.id });
    assert.equal(presence(local).category, 'OFFLINE');
    assert.match(sim().requests.at(-1)!.query, /local=true/);
    const notConnected = await output(sim(), opNode('symphony-presence-get-user'), { userId: dave.id });
    assert.equal(presence(notConnected).category, 'OFFLINE', 'dave is not connected to the bot');

    const byAlice = await output(sim(), opNode('symphony-presence-get-user', asUser('alice')), { userId: erin.id });
    assert.equal(presence(byAlice).category, 'OFFLINE', 'interest is per caller: alice has not registered');
    await output(sim(), opNode('symphony-presence-register-interest', asUser('alice')), { userIds: [erin.id] });
    assert.equal(presence(await output(sim(), opNode('symphony-presence-get-user', asUser('alice')), { userId: erin.id })).category, 'AVAILABLE');
  });

  it('failures: an unknown user is a 404 for get and register; a missing id never reaches the pod', async function () {
    const get = await failure(sim(), opNode('symphony-presence-get-user'), { userId: 424242 });
    assert.equal(get.error!.code, 'HTTP_404');
    assert.match(String(get.error!.cause!.symphonyMessage), /User 424242 cannot be found/);
    const register = await failure(sim(), opNode('symphony-presence-register-interest'), { userIds: [erin.id, 424242] });
    assert.equal(register.error!.cause!.status, 404);

    sim().clearRequests();
    assert.equal((await failure(sim(), opNode('symphony-presence-get-user'), {})).error!.cause!.field, 'userId');
    assert.equal((await failure(sim(), opNode('symphony-presence-register-interest'), {})).error!.cause!.field, 'userIds');
    assert.equal(apiRequests(sim()), 0);
  });
});

describe('presence nodes: set another user\'s presence', function () {
  const sim = useSimulator();

  it('the bot (a provisioning service account) sets a colleague\'s presence, which the next node reads', async function () {
    const set = await output(sim(), opNode('symphony-presence-set-user', { category: 'OUT_OF_OFFICE', categoryType: 'str' }), { userId: alice.id });
    assert.deepEqual([presence(set).category, presence(set).userId], ['OUT_OF_OFFICE', alice.id]);
    assert.equal(sim().state.presence.get(alice.id)?.category, 'OUT_OF_OFFICE');
    const read = await output(sim(), opNode('symphony-presence-get', asUser('alice')));
    assert.equal(presence(read).category, 'OUT_OF_OFFICE');
  });

  it('on behalf of a user: their own presence is fine, someone else\'s is a 403', async function () {
    const own = await output(sim(), opNode('symphony-presence-set-user', { category: 'BE_RIGHT_BACK', categoryType: 'str', ...asUser('bob') }), { userId: bob.id });
    assert.equal(presence(own).category, 'BE_RIGHT_BACK');
    const other = await failure(sim(), opNode('symphony-presence-set-user', { category: 'OFFLINE', categoryType: 'str', ...asUser('bob') }), { userId: carol.id });
    assert.equal(other.error!.code, 'HTTP_403');
    assert.match(String(other.error!.cause!.symphonyMessage), /another user's presence needs one of the roles/);
    assert.notEqual(sim().state.presence.get(carol.id)?.category, 'OFFLINE');
  });

  it('soft leaves an OFFLINE user OFFLINE', async function () {
    await output(sim(), opNode('symphony-presence-set-user', { category: 'OFFLINE', categoryType: 'str' }), { userId: frank.id });
    const soft = await output(sim(), opNode('symphony-presence-set-user', { category: 'AVAILABLE', categoryType: 'str', soft: 'true', softType: 'bool' }), { userId: frank.id });
    assert.equal(presence(soft).category, 'OFFLINE');
    assert.match(sim().requests.at(-1)!.query, /soft=true/);
  });

  it('failures: an unknown user is a 404; a missing user id or a bad category never reaches the pod', async function () {
    const unknown = await failure(sim(), opNode('symphony-presence-set-user', { category: 'BUSY', categoryType: 'str' }), { userId: 424242 });
    assert.equal(unknown.error!.cause!.status, 404);
    sim().clearRequests();
    assert.equal((await failure(sim(), opNode('symphony-presence-set-user', { category: 'BUSY', categoryType: 'str' }), {})).error!.cause!.field, 'userId');
    assert.equal((await failure(sim(), opNode('symphony-presence-set-user', { category: '', categoryType: 'str' }), { userId: alice.id, category: 'ASLEEP' })).error!.cause!.field, 'category');
    assert.equal(apiRequests(sim()), 0);
  });
});
