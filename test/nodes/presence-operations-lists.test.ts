import assert from 'node:assert/strict';
import { useSimulator } from '../helpers/flow';
import { apiRequests, asUser, failure, opNode, output } from '../helpers/presence-flow';
import { BOT, USERS } from '../helpers/simulator';

interface Presence { category: string; userId: number; timestamp: number }

const { alice, bob, carol, dave, erin, frank } = USERS;
const list = (msg: { payload?: unknown }): Presence[] => msg.payload as Presence[];
const setAs = (username: string, category: string) => opNode('symphony-presence-set', { category, categoryType: 'str', ...asUser(username) });
/** The firm's users (the bot and the four internal humans), by ascending id. */
const FIRM = [BOT.id, alice.id, bob.id, carol.id, frank.id].sort((a, b) => a - b);

describe('presence nodes: list all presence', function () {
  const sim = useSimulator();

  it('one page: every user of the firm, sorted by user id, external users left out', async function () {
    const msg = await output(sim(), opNode('symphony-presence-list-all'));
    assert.deepEqual(list(msg).map((p) => p.userId), FIRM);
    assert.ok(!list(msg).some((p) => p.userId === dave.id || p.userId === erin.id));
    assert.equal(list(msg).find((p) => p.userId === alice.id)?.category, 'AVAILABLE');
  });

  it('limit and lastUserId address a page; the page starts at lastUserId, included', async function () {
    const first = await output(sim(), opNode('symphony-presence-list-all', { limit: '2', limitType: 'num' }));
    assert.deepEqual(list(first).map((p) => p.userId), FIRM.slice(0, 2));
    const next = await output(sim(), opNode('symphony-presence-list-all', { limit: '2', limitType: 'num' }), { lastUserId: list(first).at(-1)!.userId });
    assert.deepEqual(list(next).map((p) => p.userId), FIRM.slice(1, 3));
    assert.match(sim().requests.at(-1)!.query, new RegExp(`lastUserId=${FIRM[1]}&limit=2|limit=2&lastUserId=${FIRM[1]}`));
  });

  it('a limit above 5000 is refused before any request, naming the field', async function () {
    const caught = await failure(sim(), opNode('symphony-presence-list-all'), { limit: 6000 });
    assert.equal(caught.error!.code, 'INVALID_INPUT');
    assert.equal(caught.error!.cause!.field, 'limit');
    assert.equal(apiRequests(sim()), 0);
  });

  it('is bot only: set to act for a user, it still calls as the bot', async function () {
    const msg = await output(sim(), opNode('symphony-presence-list-all', asUser('alice')), { limit: 1 });
    assert.equal(list(msg).length, 1);
    assert.equal(sim().count('POST', '/login/pubkey/app/username/alice/authenticate'), 0);
  });
});

describe('presence nodes: presence feeds', function () {
  const sim = useSimulator();

  it('create, read the changes once, delete; a deleted feed is a 400', async function () {
    const created = await output(sim(), opNode('symphony-presence-feed-create'));
    const feedId = (created.payload as { id: string }).id;
    assert.equal(typeof feedId, 'string');
    const read = () => opNode('symphony-presence-feed-read', { feedId, feedIdType: 'str' });

    assert.deepEqual((await output(sim(), read())).payload, [], 'nothing changed yet');
    await output(sim(), setAs('alice', 'BUSY'));
    await output(sim(), setAs('bob', 'AWAY'));
    await output(sim(), setAs('erin', 'DO_NOT_DISTURB'));
    await output(sim(), setAs('alice', 'IN_A_MEETING'));

    const changes = list(await output(sim(), read()));
    assert.deepEqual(changes.map((p) => [p.userId, p.category]), [[bob.id, 'AWAY'], [alice.id, 'IN_A_MEETING']], 'latest state of each changed colleague; the external user is left out');
    assert.deepEqual((await output(sim(), read())).payload, [], 'each change is returned once');

    const deleted = await output(sim(), opNode('symphony-presence-feed-delete'), { feedId });
    assert.deepEqual(deleted.payload, { id: feedId });
    const gone = await failure(sim(), read());
    assert.equal(gone.error!.code, 'HTTP_400');
    assert.match(String(gone.error!.cause!.symphonyMessage), /is not a presence feed of the caller/);
    assert.equal((await failure(sim(), opNode('symphony-presence-feed-delete'), { feedId })).error!.cause!.status, 400);
  });

  it('on behalf of a user: the feed is theirs, other callers cannot read it', async function () {
    const created = await output(sim(), opNode('symphony-presence-feed-create', asUser('carol')));
    const feedId = (created.payload as { id: string }).id;
    await output(sim(), setAs('frank', 'OFF_WORK'));
    const read = await output(sim(), opNode('symphony-presence-feed-read', asUser('carol')), { feedId });
    assert.deepEqual(list(read).map((p) => [p.userId, p.category]), [[frank.id, 'OFF_WORK']]);

    const byBot = await failure(sim(), opNode('symphony-presence-feed-read'), { feedId });
    assert.equal(byBot.error!.cause!.status, 400);
    await output(sim(), opNode('symphony-presence-feed-delete', asUser('carol')), { feedId });
  });

  it('a missing feed id is refused before any request', async function () {
    for (const type of ['symphony-presence-feed-read', 'symphony-presence-feed-delete']) {
      const caught = await failure(sim(), opNode(type), { payload: 'x' });
      assert.equal(caught.error!.cause!.field, 'feedId', type);
    }
    assert.equal(apiRequests(sim()), 0);
  });
});
