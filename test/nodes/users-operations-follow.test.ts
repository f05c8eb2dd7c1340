import assert from 'node:assert/strict';
import { useSimulator, type Msg } from '../helpers/flow';
import { BOT, LIMITED_APP_ID, USERS } from '../helpers/simulator';
import { allPages, caught, onBehalfOf, out, perItem, set } from '../helpers/users-flow';

interface FollowersJson { count: number; followers: number[]; pagination: { cursors: { before: string; after?: string }; next?: string; previous?: string } }
interface FollowingJson { count: number; following: number[] }

const payload = <T>(msg: Msg): T => msg.payload as T;

describe('users nodes: follow, unfollow, followers, following', function () {
  const sim = useSimulator();

  it('follow as the bot: the followed user lists the followers, each follower lists whom they follow', async function () {
    const done = await out(sim(), 'symphony-user-follow', {}, { userId: USERS.bob.id, followerIds: [USERS.alice.id, USERS.carol.id] });
    assert.deepEqual(done.payload, { format: 'TEXT', message: 'OK' });

    const followers = payload<FollowersJson>(await out(sim(), 'symphony-user-followers-list', {}, { userId: USERS.bob.id }));
    assert.equal(followers.count, 2);
    assert.deepEqual(followers.followers, [USERS.alice.id, USERS.carol.id]);
    assert.equal(followers.pagination.cursors.after, undefined, 'one page holds them all');
    const following = payload<FollowingJson>(await out(sim(), 'symphony-user-following-list', {}, { userId: USERS.alice.id }));
    assert.deepEqual({ count: following.count, following: following.following }, { count: 1, following: [USERS.bob.id] });
  });

  it('unfollow: the follower is gone from the list', async function () {
    await out(sim(), 'symphony-user-unfollow', set({ followerIds: String(USERS.carol.id) }), { userId: USERS.bob.id });
    const followers = payload<FollowersJson>(await out(sim(), 'symphony-user-followers-list', {}, { userId: USERS.bob.id }));
    assert.deepEqual(followers.followers, [USERS.alice.id]);
  });

  it('follow on behalf of a user (MANAGE_USER_FOLLOWING); an app without that permission gets 403', async function () {
    await out(sim(), 'symphony-user-follow', onBehalfOf('alice'), { userId: USERS.carol.id, followerIds: [USERS.alice.id] });
    const following = payload<FollowingJson>(await out(sim(), 'symphony-user-following-list', {}, { userId: USERS.alice.id }));
    assert.deepEqual(following.following, [USERS.bob.id, USERS.carol.id]);

    const refused = await caught(sim(), 'symphony-user-unfollow', onBehalfOf('alice'), { userId: USERS.carol.id, followerIds: [USERS.alice.id] }, { config: { appId: LIMITED_APP_ID } });
    assert.equal(refused.error!.cause!.status, 403);
    assert.match(String(refused.error!.cause!.symphonyMessage), /lacks the MANAGE_USER_FOLLOWING permission/);
  });

  it('follow: unknown users are Symphony\'s 400; missing followers are named before any request', async function () {
    const unknownFollowed = await caught(sim(), 'symphony-user-follow', {}, { userId: 13287555079999, followerIds: [USERS.alice.id] });
    assert.equal(unknownFollowed.error!.cause!.status, 400);
    assert.equal(unknownFollowed.error!.cause!.symphonyMessage, 'User 13287555079999 not found');
    const unknownFollower = await caught(sim(), 'symphony-user-follow', {}, { userId: USERS.bob.id, followerIds: [13287555079999] });
    assert.equal(unknownFollower.error!.cause!.symphonyMessage, 'followers[0] 13287555079999: user not found');

    sim().clearRequests();
    const missing = await caught(sim(), 'symphony-user-follow', {}, { userId: USERS.bob.id });
    assert.equal(missing.error!.cause!.field, 'followerIds');
    assert.equal(sim().count('POST', `/pod/v1/user/${USERS.bob.id}/follow`), 0);
  });
});

describe('users nodes: followers and following, page by page', function () {
  const sim = useSimulator();
  // Six users follow frank.
  const followerIds = [BOT, USERS.alice, USERS.bob, USERS.carol, USERS.dave, USERS.erin].map((u) => u.id);
  const frank = { userId: USERS.frank.id };

  before(async function () {
    await out(sim(), 'symphony-user-follow', {}, { ...frank, followerIds });
  });

  it('one page, then the next one from its after cursor', async function () {
    const first = payload<FollowersJson>(await out(sim(), 'symphony-user-followers-list', set({ limit: 2 }), frank));
    assert.equal(first.count, 6);
    assert.deepEqual(first.followers, followerIds.slice(0, 2));
    assert.equal(typeof first.pagination.cursors.after, 'string');
    assert.match(String(first.pagination.next), /after=/);

    const second = payload<FollowersJson>(await out(sim(), 'symphony-user-followers-list', set({ limit: 2 }), { ...frank, after: first.pagination.cursors.after }));
    assert.deepEqual(second.followers, followerIds.slice(2, 4));
    assert.match(String(second.pagination.previous), /before=/);
  });

  it('all pages, and all pages up to a cap', async function () {
    sim().clearRequests();
    const all = payload<number[]>(await out(sim(), 'symphony-user-followers-list', { ...set({ limit: 2 }), ...allPages(1000) }, frank));
    assert.deepEqual(all, followerIds);
    assert.equal(sim().count('GET', `/pod/v1/user/${USERS.frank.id}/followers`), 3);

    const capped = payload<number[]>(await out(sim(), 'symphony-user-followers-list', { ...set({ limit: 2 }), ...allPages(3) }, frank));
    assert.deepEqual(capped, followerIds.slice(0, 3), 'truncated at the cap');
  });

  it('one msg per follower, with msg.parts', async function () {
    const msgs = await perItem(sim(), 'symphony-user-followers-list', { ...set({ limit: 4 }), ...allPages(1000) }, 6, frank);
    assert.deepEqual(msgs.map((m) => m.payload), followerIds);
    assert.deepEqual(msgs.map((m) => (m.parts as { index: number }).index), [0, 1, 2, 3, 4, 5]);
  });

  it('following: one page, all pages up to a cap, one msg per user', async function () {
    await out(sim(), 'symphony-user-follow', {}, { userId: USERS.bob.id, followerIds: [USERS.alice.id] });
    await out(sim(), 'symphony-user-follow', {}, { userId: USERS.carol.id, followerIds: [USERS.alice.id] });
    const alice = { userId: USERS.alice.id };
    const expected = [USERS.bob.id, USERS.carol.id, USERS.frank.id].sort((a, b) => a - b);

    const page = payload<FollowingJson>(await out(sim(), 'symphony-user-following-list', set({ limit: 1 }), alice));
    assert.deepEqual({ count: page.count, following: page.following }, { count: 3, following: expected.slice(0, 1) });
    const capped = payload<number[]>(await out(sim(), 'symphony-user-following-list', { ...set({ limit: 1 }), ...allPages(2) }, alice));
    assert.deepEqual(capped, expected.slice(0, 2));
    const msgs = await perItem(sim(), 'symphony-user-following-list', allPages(1000), 3, alice);
    assert.deepEqual(msgs.map((m) => m.payload), expected);
  });

  it('an unreadable cursor is Symphony\'s 400', async function () {
    const refused = await caught(sim(), 'symphony-user-followers-list', {}, { ...frank, after: 'not-a-cursor' });
    assert.equal(refused.error!.cause!.status, 400);
    assert.equal(refused.error!.cause!.symphonyMessage, 'after is not a valid cursor: not-a-cursor');
  });
});
