import assert from 'node:assert/strict';
import { useSimulator } from '../helpers/flow';
import { asUser, expectCaught, expectOut, runNode, runPerItem } from '../helpers/signals-flow';
import { BOT, USERS } from '../helpers/simulator';

interface SubscriptionResult {
  requestedSubscription: number;
  successfulSubscription: number;
  failedSubscription: number;
  subscriptionErrors: Array<{ userId: number; code: string; message: string }>;
}
interface Subscriber { userId: number; subscriberName: string; owner: boolean; pushed: boolean; subscriptionId: string; timestamp: number }
interface SubscriberPage { offset: number; hasMore: boolean; total: number; data: Subscriber[] }

const UNKNOWN_USER = 13287555079999;

describe('signal nodes: subscribe, unsubscribe, subscribers', function () {
  const sim = useSimulator();

  const publicSignal = (ownerId: number, name: string): string =>
    sim().state.signals.create(ownerId, { name, query: `hashtag:${name}`, visibleOnProfile: true, companyWide: false }).id;

  it('subscribe on behalf of a user to a public signal: it joins their list and the subscribers', async function () {
    const signalId = publicSignal(USERS.alice.id, 'fx');
    const result = await expectOut(runNode(sim(), 'symphony-signal-subscribe', asUser('bob'), { signalId }));
    assert.deepEqual(result.payload, { requestedSubscription: 1, successfulSubscription: 1, failedSubscription: 0, subscriptionErrors: [] });

    const listed = await expectOut(runNode(sim(), 'symphony-signal-list', asUser('bob')));
    assert.ok((listed.payload as Array<{ id: string }>).some((s) => s.id === signalId), 'bob now lists the signal');
    const subscribers = await expectOut(runNode(sim(), 'symphony-signal-subscribers', asUser('bob'), { signalId }));
    const page = subscribers.payload as SubscriberPage;
    assert.deepEqual({ offset: page.offset, hasMore: page.hasMore, total: page.total }, { offset: 0, hasMore: false, total: 2 });
    assert.deepEqual(page.data.map((s) => [s.userId, s.subscriberName, s.owner, s.pushed]), [
      [USERS.alice.id, 'Alice Adams', true, false],
      [USERS.bob.id, 'Bob Brown', false, false],
    ]);
    const again = await expectOut(runNode(sim(), 'symphony-signal-subscribe', asUser('bob'), { signalId }));
    assert.equal((again.payload as SubscriptionResult).successfulSubscription, 1, 'subscribing twice does no harm');
    assert.equal(sim().state.signals.get(signalId)?.subscribers.size, 2);
  });

  it('subscribe to another user\'s private signal: 403 at Catch', async function () {
    const signalId = sim().state.signals.create(USERS.alice.id, { name: 'secret', query: 'hashtag:secret', visibleOnProfile: false, companyWide: false }).id;
    const caught = await expectCaught(runNode(sim(), 'symphony-signal-subscribe', asUser('bob'), { signalId }));
    assert.equal(caught.error!.cause!.status, 403);
    assert.equal(sim().state.signals.get(signalId)?.subscribers.has(USERS.bob.id), false);
  });

  it('subscribe an unknown signal: 400 with Symphony\'s message', async function () {
    const caught = await expectCaught(runNode(sim(), 'symphony-signal-subscribe', {}, { signalId: 'ffffffffffffffffffffffff' }));
    assert.equal(caught.error!.cause!.status, 400);
    assert.equal(caught.error!.cause!.symphonyMessage, 'Signal ffffffffffffffffffffffff not found');
  });

  it('bulk subscription by the creator, pushed: unknown users are reported, pushed users cannot leave on their own', async function () {
    const signalId = sim().state.signals.create(USERS.alice.id, { name: 'push', query: 'cashtag:PUSH', visibleOnProfile: false, companyWide: true }).id;
    const result = await expectOut(runNode(sim(), 'symphony-signal-subscribe', { ...asUser('alice'), pushed: 'true', pushedType: 'bool' },
      { signalId, userIds: `${USERS.bob.id}, ${USERS.carol.id}, ${UNKNOWN_USER}` }));
    assert.deepEqual(result.payload, {
      requestedSubscription: 3, successfulSubscription: 2, failedSubscription: 1,
      subscriptionErrors: [{ userId: UNKNOWN_USER, code: 'USER_NOT_FOUND', message: `User ${UNKNOWN_USER} not found` }],
    });
    const subscribe = sim().requests.find((r) => r.path === `/agent/v1/signals/${signalId}/subscribe`);
    assert.equal(subscribe?.query, 'pushed=true');

    const leave = await expectOut(runNode(sim(), 'symphony-signal-unsubscribe', asUser('carol'), { signalId }));
    assert.equal((leave.payload as SubscriptionResult).subscriptionErrors[0]?.code, 'PUSHED_SUBSCRIPTION');
    assert.equal(sim().state.signals.get(signalId)?.subscribers.has(USERS.carol.id), true, 'carol is still subscribed');

    const removed = await expectOut(runNode(sim(), 'symphony-signal-unsubscribe', asUser('alice'), { signalId, userIds: [USERS.carol.id] }));
    assert.deepEqual(removed.payload, { requestedSubscription: 1, successfulSubscription: 1, failedSubscription: 0, subscriptionErrors: [] });
    const subscribers = await expectOut(runNode(sim(), 'symphony-signal-subscribers', asUser('alice'), { signalId }));
    assert.deepEqual((subscribers.payload as SubscriberPage).data.map((s) => [s.userId, s.pushed]), [[USERS.alice.id, false], [USERS.bob.id, true]]);
  });

  it('bulk subscription by someone other than the creator: 403, nobody is subscribed', async function () {
    const signalId = publicSignal(USERS.alice.id, 'bulk');
    const caught = await expectCaught(runNode(sim(), 'symphony-signal-subscribe', asUser('bob'), { signalId, userIds: [USERS.carol.id] }));
    assert.equal(caught.error!.cause!.status, 403);
    assert.equal(sim().state.signals.get(signalId)?.subscribers.has(USERS.carol.id), false);
  });

  it('unsubscribe: the user leaves the signal; the creator cannot leave their own', async function () {
    const signalId = publicSignal(USERS.alice.id, 'leave');
    sim().state.signals.subscribe(sim().state.signals.get(signalId)!, USERS.bob.id, false);
    const left = await expectOut(runNode(sim(), 'symphony-signal-unsubscribe', asUser('bob'), { signalId }));
    assert.equal((left.payload as SubscriptionResult).successfulSubscription, 1);
    const listed = await expectOut(runNode(sim(), 'symphony-signal-list', asUser('bob')));
    assert.ok(!(listed.payload as Array<{ id: string }>).some((s) => s.id === signalId));

    const owner = await expectOut(runNode(sim(), 'symphony-signal-unsubscribe', asUser('alice'), { signalId }));
    assert.deepEqual((owner.payload as SubscriptionResult).subscriptionErrors.map((e) => e.code), ['OWNER_SUBSCRIPTION']);
  });

  it('unsubscribe with a user id list that is not ids: named before any request', async function () {
    const caught = await expectCaught(runNode(sim(), 'symphony-signal-unsubscribe', {}, { signalId: 'abc', userIds: ['bob'] }));
    assert.equal(caught.error!.code, 'INVALID_INPUT');
    assert.equal(caught.error!.cause!.field, 'userIds');
    assert.equal(sim().count('*', '/agent/v1/signals/*'), 0);
  });

  describe('list signal subscribers, page by page', function () {
    let signalId = '';
    const everyone = [BOT.id, USERS.alice.id, USERS.bob.id, USERS.carol.id, USERS.frank.id, USERS.dave.id, USERS.erin.id];
    before(function () {
      signalId = publicSignal(BOT.id, 'crowd');
      const signal = sim().state.signals.get(signalId)!;
      for (const userId of everyone.slice(1)) sim().state.signals.subscribe(signal, userId, false);
    });

    it('one page: offset, hasMore and total as the API answers', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-signal-subscribers', { limit: '3', limitType: 'num' }, { signalId }));
      const page = msg.payload as SubscriberPage;
      assert.deepEqual({ offset: page.offset, hasMore: page.hasMore, total: page.total }, { offset: 0, hasMore: true, total: 7 });
      assert.deepEqual(page.data.map((s) => s.userId), everyone.slice(0, 3));
    });

    it('all pages up to a cap: the subscribers, stopped at the cap', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-signal-subscribers', { limit: '2', limitType: 'num', pages: 'all', maxItems: 5 }, { signalId }));
      assert.deepEqual((msg.payload as Subscriber[]).map((s) => s.userId), everyone.slice(0, 5));
    });

    it('all pages: every subscriber', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-signal-subscribers', { pages: 'all' }, { signalId }));
      assert.deepEqual((msg.payload as Subscriber[]).map((s) => s.userId), everyone);
    });

    it('one msg per subscriber, with msg.parts', async function () {
      const msgs = await runPerItem(sim(), 'symphony-signal-subscribers', { pages: 'all', split: 'items' }, 7, { signalId });
      assert.deepEqual(msgs.map((m) => (m.payload as Subscriber).userId), everyone);
      assert.deepEqual(msgs.map((m) => (m.parts as { index: number }).index), [0, 1, 2, 3, 4, 5, 6]);
    });
  });
});
