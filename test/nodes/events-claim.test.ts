/**
 * The events node's shared claim against a real redis-server (test/helpers/redis-server.ts): each event id is
 * claimed (SET NX PX) before delivery and delivered only by the instance that claimed it; a duplicate is skipped
 * and counted in the status; with Redis gone, events still reach the flow (yellow status, one warning per
 * outage); the password stays out of the flow, status and errors; a URL carrying one is refused, naming redisUrl.
 * The datahose node shares the code (feed-node.ts): one test checks it claims too.
 */
import assert from 'node:assert/strict';
import Module from 'node:module';
import { createServer, type Server, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { closingMessage, eventsNode, FAST, reading, statusTexts, statusWatch, uniqueTag, until } from '../helpers/events-flow';
import { collect, CONFIG_ID, configCredentials, configNode, delay, helper, loadFlow, unloadReportingErrors, useSimulator, type Msg } from '../helpers/flow';
import { redisClient, startRedis, type RedisServer } from '../helpers/redis-server';
import { DESK_ROOM_ID } from '../helpers/simulator';

const INSTANCE = `${hostname()}:${process.pid}`;
const PASSWORD = 'S3cret-redis-pw';

type V4Event = Record<string, unknown> & { id: string; timestamp: number };

describe('symphony-events: shared claim across instances (Redis)', function () {
  this.timeout(60_000);
  const sim = useSimulator();
  let redis: RedisServer | undefined;

  before(async function () {
    redis = await startRedis();
  });
  after(async function () {
    await redis?.kill();
  });

  interface Started {
    tag: string;
    prefix: string;
    received: Msg[];
    statuses: string[];
    warnings: string[];
    errors: string[];
  }

  async function start(props: Record<string, unknown>, credentials: Record<string, string> = {}): Promise<Started> {
    const prefix = `test:${uniqueTag()}:`;
    const node = eventsNode({ claim: 'redis', claimPrefix: prefix, ...props });
    await loadFlow([configNode(sim()), node, { id: 'events', type: 'helper' }, ...statusWatch()], { ...configCredentials(), ev: credentials });
    const warnings: string[] = [];
    const errors: string[] = [];
    const ev = helper.getNode('ev');
    ev.on('call:warn', (call: { args: unknown[] }) => warnings.push(String(call.args[0])));
    ev.on('call:error', (call: { args: unknown[] }) => errors.push(String(call.args[0])));
    return { tag: String(node.tag), prefix, received: collect('events'), statuses: statusTexts(), warnings, errors };
  }

  interface SpiedCall {
    thisValue: { id?: string };
    args: unknown[];
  }

  /** What the node showed or reported while it was created, before any watcher could listen: the helper's spies. */
  function shownAtStart(): { statuses: string[]; errors: string[] } {
    const ev = helper.getNode('ev') as unknown as Record<'status' | 'error', { getCalls(): SpiedCall[] }>;
    const own = (method: 'status' | 'error'): unknown[] => ev[method].getCalls().filter((c) => c.thisValue.id === 'ev').map((c) => c.args[0]);
    return {
      statuses: own('status').map((s) => {
        const { fill, shape, text } = s as { fill?: string; shape?: string; text?: string };
        return `${fill} ${shape} ${text}`;
      }),
      errors: own('error').map(String),
    };
  }

  const type = (_started: Started, text: string): void => {
    sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: text });
  };
  const texts = (msgs: Msg[]): string[] => msgs.map((m) => String(m.text));

  it('claims each event id for this instance and skips one another instance claimed, counting it in the status', async () => {
    const started = await start({ redisUrl: redis?.url });
    await reading(sim(), started.tag);
    type(started, 'first');
    await until('the first message', () => started.received.length === 1);
    const first = started.received[0]?.payload as V4Event;
    const client = await redisClient(redis?.url ?? '');
    try {
      assert.equal(await client.sendCommand(['GET', `${started.prefix}${first.id}`]), INSTANCE);
      const ttl = Number(await client.sendCommand(['PTTL', `${started.prefix}${first.id}`]));
      assert.ok(ttl > 23 * 3_600_000 && ttl <= 24 * 3_600_000, `expiry 24 h by default, got ${ttl} ms`);

      // Two more events shaped as the agent sent the first one: one another instance has claimed already.
      const duplicate = { ...first, id: `dup-${first.id}`, timestamp: first.timestamp + 1 };
      const fresh = { ...first, id: `fresh-${first.id}`, timestamp: first.timestamp + 2 };
      await client.sendCommand(['SET', `${started.prefix}${duplicate.id}`, 'other-host:1', 'PX', '60000']);
      sim().queueDatafeedEvents({ tag: started.tag, events: [duplicate, fresh] });
      await closingMessage(sim(), started.tag, started.received);
      const ids = started.received.map((m) => (m.payload as V4Event).id);
      assert.deepEqual(ids, [first.id, fresh.id], 'the duplicate is not delivered, the fresh one is');
      assert.equal(await client.sendCommand(['GET', `${started.prefix}${fresh.id}`]), INSTANCE);
      assert.equal(await client.sendCommand(['GET', `${started.prefix}${duplicate.id}`]), 'other-host:1', 'the other claim is left alone');
      await until('the skipped duplicate in the status', () => started.statuses.some((s) => s.startsWith('green dot ') && s.endsWith(' · 1 duplicate skipped')));
      assert.deepEqual(started.warnings, []);
    } finally {
      await client.close();
    }
  });

  it('Redis gone: events still reach the flow, the status turns yellow, one warning per outage; back when Redis is', async () => {
    const own = await startRedis();
    try {
      const started = await start({ redisUrl: own.url });
      await reading(sim(), started.tag);
      type(started, 'before');
      await until('the message before the outage', () => started.received.length === 1);
      await own.kill();
      for (const text of ['during 1', 'during 2', 'during 3']) type(started, text);
      await closingMessage(sim(), started.tag, started.received);
      assert.deepEqual(texts(started.received), ['before', 'during 1', 'during 2', 'during 3'], 'no event lost');
      await until('the outage in the status', () => started.statuses.some((s) => s.startsWith('yellow dot ') && s.includes(' · shared claim unavailable (')));
      await delay(1_500);
      assert.equal(started.warnings.filter((w) => w.startsWith('shared claim unavailable (')).length, 1, `one warning for the outage: ${started.warnings.join(' | ')}`);

      const back = await startRedis({ port: own.port });
      try {
        await until('the claim back in the status', () => /^green dot (?!.*shared claim)/.test(started.statuses.at(-1) ?? ''), 15_000);
        type(started, 'after');
        await until('the message after the outage', () => texts(started.received).includes('after'));
        const after = started.received.find((m) => m.text === 'after')?.payload as V4Event;
        const client = await redisClient(back.url);
        try {
          assert.equal(await client.sendCommand(['GET', `${started.prefix}${after.id}`]), INSTANCE, 'claimed again');
        } finally {
          await client.close();
        }
      } finally {
        await back.kill();
      }
    } finally {
      await own.kill();
    }
  });

  it('a password from the credentials opens Redis; a wrong one shows in status and warning without the password', async () => {
    const locked = await startRedis({ password: PASSWORD });
    try {
      let started = await start({ redisUrl: locked.url }, { redisPassword: PASSWORD });
      await reading(sim(), started.tag);
      type(started, 'with password');
      await until('the message', () => started.received.length === 1);
      const event = started.received[0]?.payload as V4Event;
      const client = await redisClient(locked.url, PASSWORD);
      try {
        assert.equal(await client.sendCommand(['GET', `${started.prefix}${event.id}`]), INSTANCE);
      } finally {
        await client.close();
      }
      const saved = JSON.stringify(helper.getNode('ev'), (key, value: unknown) => (key === 'credentials' || key.startsWith('_') ? undefined : value));
      assert.doesNotMatch(saved, new RegExp(PASSWORD), 'the password is a credential, not a property of the node');
      await helper.unload();

      started = await start({ redisUrl: locked.url }, { redisPassword: `wrong-${PASSWORD}` });
      await reading(sim(), started.tag);
      type(started, 'wrong password');
      await until('the message, unclaimed', () => started.received.length === 1);
      await until('the refused claim in the status', () => started.statuses.some((s) => s.startsWith('yellow dot ') && s.includes(' · shared claim unavailable (')));
      assert.ok(started.statuses.some((s) => s.startsWith('yellow dot ') && s.endsWith(' · shared claim unavailable (WRONGPASS): delivering unclaimed')), started.statuses.join(' | '));
      const visible = [...started.statuses, ...started.warnings, ...started.errors].join('\n');
      assert.doesNotMatch(visible, new RegExp(PASSWORD));
      assert.ok(started.warnings.length >= 1);
    } finally {
      await locked.kill();
    }
  });

  it('a Redis URL with a password in it is refused, naming redisUrl and never showing the password; nothing is read', async () => {
    const started = await start({ redisUrl: `redis://user:${PASSWORD}@127.0.0.1:${redis?.port}` });
    const shown = shownAtStart();
    assert.equal(shown.errors.length, 1);
    assert.match(shown.errors[0] ?? '', /^redisUrl: must not carry a password: put it in Redis password/);
    assert.deepEqual(shown.statuses, ['red ring config invalid: redisUrl']);
    assert.doesNotMatch([...shown.errors, ...shown.statuses, ...started.warnings].join('\n'), new RegExp(PASSWORD));
    await delay(300);
    assert.equal(sim().datafeeds().filter((f) => f.tag === started.tag).length, 0, 'no datafeed without the claim asked for');
  });

  it('other settings that cannot work are refused, each naming its field', async () => {
    for (const [props, field] of [
      [{ redisUrl: 'http://127.0.0.1:6379' }, 'redisUrl'],
      [{ redisUrl: '' }, 'redisUrl'],
      [{ redisUrl: redis?.url, claimExpiry: '0' }, 'claimExpiry'],
      [{ redisUrl: redis?.url, claimPrefix: 'has space' }, 'claimPrefix'],
      [{ claim: 'memcached' }, 'claim'],
    ] as const) {
      await start(props);
      const shown = shownAtStart();
      assert.equal(shown.errors.length, 1, field);
      assert.ok(shown.errors[0]?.startsWith(`${field}: `), shown.errors[0]);
      assert.deepEqual(shown.statuses, [`red ring config invalid: ${field}`]);
      await helper.unload();
    }
  });

  it('without @redis/client installed, the node says to install it', async () => {
    // As require() finds no package: every require goes through Module._load, cached or not.
    const moduleApi = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const original = moduleApi._load;
    moduleApi._load = function (request: string, ...rest: unknown[]): unknown {
      if (request === '@redis/client') throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' });
      return original.call(this, request, ...rest);
    };
    try {
      await start({ redisUrl: redis?.url });
      const shown = shownAtStart();
      assert.equal(shown.errors.length, 1);
      assert.match(shown.errors[0] ?? '', /^claim: the Redis claim needs the package @redis\/client: install it .*npm install @redis\/client/);
      assert.deepEqual(shown.statuses, ['red ring config invalid: claim']);
    } finally {
      moduleApi._load = original;
    }
  });

  it('the datahose node claims each event id the same way', async () => {
    const prefix = `test:${uniqueTag()}:`;
    const tag = uniqueTag();
    await loadFlow([
      configNode(sim()),
      { id: 'dh', type: 'symphony-datahose', config: CONFIG_ID, eventTypes: ['MESSAGESENT'], ...FAST, tag, claim: 'redis', redisUrl: redis?.url, claimPrefix: prefix, wires: [['events']] },
      { id: 'events', type: 'helper' },
    ]);
    const received = collect('events');
    await until('a datahose read', () => sim().datahoseFeeds().some((f) => f.tag === tag));
    sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: 'through the datahose' });
    await until('the message', () => received.length === 1);
    const event = received[0]?.payload as V4Event;
    const client = await redisClient(redis?.url ?? '');
    try {
      assert.equal(await client.sendCommand(['GET', `${prefix}${event.id}`]), INSTANCE);
    } finally {
      await client.close();
    }
  });

  it('a Redis that never answers: events are delivered within the claim timeout, and close does not wait for it', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const started = await start({ redisUrl: `redis://127.0.0.1:${port}` });
      await reading(sim(), started.tag);
      type(started, 'unanswered');
      await until('the message, unclaimed', () => started.received.length === 1, 10_000);
      const began = Date.now();
      const report = await unloadReportingErrors(['ev']);
      assert.deepEqual(report.stopErrors, []);
      assert.ok(Date.now() - began < 3_000, `closed in ${Date.now() - began} ms`);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
