import assert from 'node:assert/strict';
import { useSimulator } from '../helpers/flow';
import { apiRequests, asUser, failure, opNode, output } from '../helpers/presence-flow';
import { BOT, USERS } from '../helpers/simulator';

interface Connection { userId: number; status: string; firstRequestedAt?: number; updatedAt?: number; requestCounter?: number }

const { alice, bob, dave, erin } = USERS;
const connection = (msg: { payload?: unknown }): Connection => msg.payload as Connection;
const connections = (msg: { payload?: unknown }): Connection[] => msg.payload as Connection[];

describe('connection nodes: get and list', function () {
  const sim = useSimulator();

  it('get connection: the seeded connection with an external user, as the bot and on behalf of a user', async function () {
    const asBot = await output(sim(), opNode('symphony-connection-get', { userId: String(erin.id), userIdType: 'str' }), { topic: 'keep' });
    assert.equal(asBot.topic, 'keep', 'the rest of msg passes through');
    assert.deepEqual({ userId: connection(asBot).userId, status: connection(asBot).status, requestCounter: connection(asBot).requestCounter }, { userId: erin.id, status: 'ACCEPTED', requestCounter: 1 });

    const obo = await output(sim(), opNode('symphony-connection-get', { userId: '', ...asUser('alice') }), { userId: erin.id });
    assert.deepEqual({ userId: connection(obo).userId, status: connection(obo).status }, { userId: erin.id, status: 'ACCEPTED' });
    assert.equal(sim().count('GET', `/pod/v1/connection/user/${erin.id}/info`), 2);
  });

  it('get connection: a colleague of the same firm is connected implicitly', async function () {
    const msg = await output(sim(), opNode('symphony-connection-get'), { userId: String(alice.id) });
    assert.deepEqual(msg.payload, { userId: alice.id, status: 'ACCEPTED' });
  });

  it('get connection: no connection is a 404 at Catch with Symphony\'s message', async function () {
    const caught = await failure(sim(), opNode('symphony-connection-get'), { userId: dave.id, topic: 'keep' });
    assert.equal(caught.error!.code, 'HTTP_404');
    assert.equal(caught.error!.cause!.status, 404);
    assert.match(String(caught.error!.cause!.symphonyMessage), /Connection with user \d+ cannot be found/);
    assert.equal(caught.topic, 'keep');
  });

  it('get connection: a missing user id is refused before any request, naming the field', async function () {
    sim().clearRequests();
    const caught = await failure(sim(), opNode('symphony-connection-get'), {});
    assert.equal(caught.error!.code, 'INVALID_INPUT');
    assert.equal(caught.error!.cause!.field, 'userId');
    assert.equal(apiRequests(sim()), 0);
  });

  it('list connections: ACCEPTED lists the seeded connection; blank status lists pending ones only', async function () {
    const accepted = await output(sim(), opNode('symphony-connection-list', { connectionStatus: 'ACCEPTED', connectionStatusType: 'str' }));
    assert.deepEqual(connections(accepted).map((c) => [c.userId, c.status]), [[erin.id, 'ACCEPTED']]);
    const pending = await output(sim(), opNode('symphony-connection-list'));
    assert.deepEqual(pending.payload, []);
    assert.equal(sim().requests.at(-1)!.query, '', 'a blank status sends no filter');
  });

  it('list connections: colleagues appear, implicitly accepted, when named in userIds', async function () {
    const msg = await output(sim(), opNode('symphony-connection-list', asUser('alice')), { connectionStatus: 'all', userIds: `${bob.id},${erin.id}` });
    assert.deepEqual(connections(msg).map((c) => [c.userId, c.status]).sort(), [[bob.id, 'ACCEPTED'], [erin.id, 'ACCEPTED']].sort());
  });

  it('list connections: an unknown status is refused before any request', async function () {
    sim().clearRequests();
    const caught = await failure(sim(), opNode('symphony-connection-list'), { connectionStatus: 'FRIENDS' });
    assert.equal(caught.error!.cause!.field, 'connectionStatus');
    assert.equal(apiRequests(sim()), 0);
  });
});

describe('connection nodes: request, accept, reject, remove', function () {
  const sim = useSimulator();
  const imWithDave = () => opNode('symphony-im-create', { userIds: String(dave.id), userIdsType: 'str' });

  it('a request on behalf of an external user, accepted by the bot, lets the bot open an IM; removing it stops that', async function () {
    const refused = await failure(sim(), imWithDave());
    assert.equal(refused.error!.cause!.status, 403, 'not connected yet');

    const requested = await output(sim(), opNode('symphony-connection-create', asUser('dave')), { userId: BOT.id });
    assert.equal(connection(requested).status, 'PENDING_OUTGOING');
    assert.equal(connection(requested).userId, BOT.id);
    assert.equal(connection(requested).requestCounter, 1);

    const incoming = await output(sim(), opNode('symphony-connection-list', { connectionStatus: 'PENDING_INCOMING', connectionStatusType: 'str' }));
    assert.deepEqual(connections(incoming).map((c) => [c.userId, c.status]), [[dave.id, 'PENDING_INCOMING']]);

    const accepted = await output(sim(), opNode('symphony-connection-accept'), { userId: dave.id });
    assert.equal(connection(accepted).status, 'ACCEPTED');
    assert.equal(connection(accepted).userId, dave.id);
    const seen = await output(sim(), opNode('symphony-connection-get', asUser('dave')), { userId: BOT.id });
    assert.equal(connection(seen).status, 'ACCEPTED', 'dave sees the accepted connection');

    const im = await output(sim(), imWithDave());
    assert.equal(typeof (im.payload as { id: string }).id, 'string', 'the IM check uses the same connection state');

    const removed = await output(sim(), opNode('symphony-connection-remove'), { userId: dave.id });
    assert.deepEqual(removed.payload, { format: 'TEXT', message: 'Connection Removed.' });
    assert.equal((await failure(sim(), opNode('symphony-connection-get'), { userId: dave.id })).error!.cause!.status, 404);
    assert.equal((await failure(sim(), imWithDave())).error!.cause!.status, 403);
    assert.equal((await failure(sim(), opNode('symphony-connection-remove'), { userId: dave.id })).error!.cause!.status, 404, 'nothing left to remove');
  });

  it('a rejected request is listed as REJECTED and can no longer be accepted', async function () {
    await output(sim(), opNode('symphony-connection-create', asUser('dave')), { userId: BOT.id });
    const rejected = await output(sim(), opNode('symphony-connection-reject'), { userId: dave.id });
    assert.equal(connection(rejected).status, 'REJECTED');

    const list = await output(sim(), opNode('symphony-connection-list', asUser('dave')), { connectionStatus: 'REJECTED' });
    assert.deepEqual(connections(list).map((c) => [c.userId, c.status]), [[BOT.id, 'REJECTED']]);

    const caught = await failure(sim(), opNode('symphony-connection-accept'), { userId: dave.id });
    assert.equal(caught.error!.cause!.status, 400);
    assert.match(String(caught.error!.cause!.symphonyMessage), /is REJECTED and cannot be accepted/);
    await output(sim(), opNode('symphony-connection-remove'), { userId: dave.id });
  });

  it('the bot\'s own request: repeating it counts up, and the bot cannot accept it itself', async function () {
    const first = await output(sim(), opNode('symphony-connection-create'), { userId: dave.id });
    const second = await output(sim(), opNode('symphony-connection-create'), { userId: dave.id });
    assert.deepEqual([connection(first).status, connection(first).requestCounter], ['PENDING_OUTGOING', 1]);
    assert.deepEqual([connection(second).status, connection(second).requestCounter], ['PENDING_OUTGOING', 2]);
    assert.equal(connection(second).firstRequestedAt, connection(first).firstRequestedAt);

    const caught = await failure(sim(), opNode('symphony-connection-accept'), { userId: dave.id });
    assert.equal(caught.error!.code, 'HTTP_404');
    assert.match(String(caught.error!.cause!.symphonyMessage), /no connection request from user/);

    const daveSees = await output(sim(), opNode('symphony-connection-list', asUser('dave')));
    assert.deepEqual(connections(daveSees).map((c) => [c.userId, c.status]), [[BOT.id, 'PENDING_INCOMING']]);
    await output(sim(), opNode('symphony-connection-remove'), { userId: dave.id });
  });

  it('asking back someone who asked first connects at once', async function () {
    await output(sim(), opNode('symphony-connection-create', asUser('dave')), { userId: BOT.id });
    const back = await output(sim(), opNode('symphony-connection-create'), { userId: dave.id });
    assert.equal(connection(back).status, 'ACCEPTED');
    await output(sim(), opNode('symphony-connection-remove'), { userId: dave.id });
  });

  it('failures: an unknown user is a 404, a colleague a 400, a missing user id never reaches the pod', async function () {
    const unknown = await failure(sim(), opNode('symphony-connection-create'), { userId: 99999 });
    assert.equal(unknown.error!.cause!.status, 404);
    assert.match(String(unknown.error!.cause!.symphonyMessage), /User 99999 cannot be found/);

    const colleague = await failure(sim(), opNode('symphony-connection-create'), { userId: alice.id });
    assert.equal(colleague.error!.cause!.status, 400);
    assert.match(String(colleague.error!.cause!.symphonyMessage), /connects them implicitly/);

    sim().clearRequests();
    for (const type of ['symphony-connection-create', 'symphony-connection-accept', 'symphony-connection-reject', 'symphony-connection-remove']) {
      const caught = await failure(sim(), opNode(type), { payload: 'no id' });
      assert.equal(caught.error!.cause!.field, 'userId', type);
    }
    assert.equal(apiRequests(sim()), 0);
  });

  it('accept, reject and remove are bot only: set to act for a user they still act as the bot', async function () {
    await output(sim(), opNode('symphony-connection-create', asUser('dave')), { userId: BOT.id });
    const rejected = await output(sim(), opNode('symphony-connection-reject', asUser('alice')), { userId: dave.id });
    assert.equal(connection(rejected).status, 'REJECTED', 'the bot rejected dave\'s request to the bot');
    assert.equal(sim().count('POST', '/login/pubkey/app/username/alice/authenticate'), 0);
    await output(sim(), opNode('symphony-connection-remove'), { userId: dave.id });
  });
});
