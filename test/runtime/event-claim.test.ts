/**
 * The delivery of an answer with the shared claim (feed-node.ts feedDelivery, event-claim.ts) against a real
 * redis-server: in order, events without an id go out unclaimed, an id another instance claimed is skipped, and
 * an event that fails to send never keeps the others from the flow.
 */
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { eventClaim } from '../../nodes/runtime/events/event-claim';
import { EventsStatus } from '../../nodes/runtime/events/events-status';
import { FeedLiveness } from '../../nodes/runtime/events/feed-liveness';
import type { DatafeedEvent } from '../../nodes/runtime/events/event-types';
import { feedDelivery } from '../../nodes/runtime/events/feed-node';
import { text } from '../../nodes/runtime/core/i18n';
import type { Node, NodeStatus } from '../../nodes/runtime/core/node-red';
import { redisClient, startRedis, type RedisServer } from '../helpers/redis-server';
import { until } from '../helpers/wait';

const event = (id: string | undefined, n: number): DatafeedEvent => ({ ...(id === undefined ? {} : { id }), timestamp: n, type: 'MESSAGESENT', payload: { n } });

function fakeNode(): Node & { shown: NodeStatus[]; warned: string[] } {
  const shown: NodeStatus[] = [];
  const warned: string[] = [];
  return {
    id: 'n', type: 'symphony-events', credentials: {}, shown, warned,
    on: () => undefined, status: (s: NodeStatus) => shown.push(s), error: () => undefined, warn: (m: unknown) => warned.push(String(m)), log: () => undefined,
  } as unknown as Node & { shown: NodeStatus[]; warned: string[] };
}

describe('events: delivery with the shared claim (real Redis)', function () {
  this.timeout(20_000);
  let redis: RedisServer | undefined;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await redis?.kill();
  });

  it('delivers in order what this instance claimed and what has no id; skips what another claimed; one failure stays its own', async () => {
    const node = fakeNode();
    const status = new EventsStatus(node, text, new FeedLiveness());
    status.loopState('connected');
    const prefix = `unit:${process.pid}:${Date.now()}:`;
    const claim = eventClaim(node, { url: redis?.url ?? '', prefix, expiryMs: 60_000 }, status, text);
    const client = await redisClient(redis?.url ?? '');
    try {
      await client.sendCommand(['SET', `${prefix}taken`, 'elsewhere:1']);
      const sent: string[] = [];
      const warned: string[] = [];
      const deliver = feedDelivery((e) => {
        const label = String(e.id ?? `no-id-${e.timestamp}`);
        return () => {
          if (label === 'boom') throw new Error('the flow threw');
          sent.push(label);
        };
      }, (skipped) => warned.push(`${skipped.id}: ${skipped.problem}`), claim);
      await deliver([event('a', 1), event(undefined, 2), event('taken', 3), event('boom', 4), event('b', 5)]);
      assert.deepEqual(sent, ['a', 'no-id-2', 'b']);
      assert.deepEqual(warned, ['"boom": the flow threw']);
      assert.equal(await client.sendCommand(['GET', `${prefix}a`]), `${hostname()}:${process.pid}`);
      assert.equal(await client.sendCommand(['GET', `${prefix}taken`]), 'elsewhere:1');
      // New figures are shown at most once a second.
      await until('the duplicate in the status', () => node.shown.at(-1)?.text === 'connected · 1 duplicate skipped');
      assert.equal(node.shown.at(-1)?.fill, 'green');

      // The same answer again (as the agent gives it after the visibility timeout): every id is claimed now.
      sent.length = 0;
      await deliver([event('a', 1), event(undefined, 2), event('b', 5)]);
      assert.deepEqual(sent, ['no-id-2']);
      await until('the duplicates in the status', () => node.shown.at(-1)?.text === 'connected · 3 duplicates skipped');
      assert.deepEqual(node.warned, []);
    } finally {
      claim.close();
      status.stop();
      await client.close();
    }
  });
});
