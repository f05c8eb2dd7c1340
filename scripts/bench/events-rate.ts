/**
 * Events per second through the events node next to a plain read loop (keep-alive axios: long-poll read, then the
 * ackId sent back with the next read), each on a datafeed of its own of the same simulator (a child process), fed
 * the same batch of well-formed MESSAGESENT events through the simulator's control API. Rounds alternate which side
 * goes first; each round's events are new (the node would recognise a repeat and not deliver it).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import axios, { type AxiosInstance } from 'axios';
import { signAuthJwt } from '../../nodes/runtime/auth/jwt';
import { startNodeRed, type NodeRed } from './per-message';
import { median } from './startup';

const BOT = 'bench-bot';
const NODE_TAG = 'bench-node';
const RAW_TAG = 'bench-raw';
/** At most this many events per control API call (its body limit is 1 MB). */
const INJECT_CHUNK = 1_000;

export interface EventsRateOptions {
  events: number;
  rounds: number;
}

export interface Side {
  perSecond: number;
  /** CPU milliseconds of this process per event. */
  cpuPerEvent: number;
}

export interface EventsRateResult {
  node: Side;
  raw: Side;
  /** Medians of the per-round ratios node / raw. */
  rateRatio: number;
  cpuRatio: number;
}

function startSimulatorChild(publicKey: string): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(__dirname, 'simulator-child.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, BENCH_BOT_PUBLIC_KEY: publicKey },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ url: (message as { url: string }).url, child }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the simulator stopped (${code})`)));
  });
}

/** `count` well-formed MESSAGESENT events, ids unique to the round. */
function batch(round: string, count: number): unknown[] {
  const user = { userId: 349_026_222_001, firstName: 'Alice', lastName: 'Doe', displayName: 'Alice Doe', email: 'alice@example.com', username: 'alice' };
  const stream = { streamId: 'benchStream', streamType: 'ROOM' };
  const at = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    id: `${round}-${i}`, messageId: `${round}-e${i}`, timestamp: at + i, type: 'MESSAGESENT', initiator: { user },
    payload: {
      messageSent: {
        message: {
          messageId: `${round}-m${i}`, timestamp: at + i, message: `<div data-format="PresentationML" data-version="2.0">event ${i}</div>`,
          data: '{}', user, stream,
        },
      },
    },
  }));
}

/** The plain loop: reads the feed until stopped, counting the events of each answer. */
function rawLoop(client: AxiosInstance, feedId: string, onEvents: (count: number) => void): { stop(): void; done: Promise<void> } {
  const stopped = new AbortController();
  const done = (async () => {
    let ackId = '';
    while (!stopped.signal.aborted) {
      try {
        const { data } = await client.post(`/agent/v5/datafeeds/${feedId}/read`, { ackId }, { signal: stopped.signal });
        const answer = data as { events?: unknown[]; ackId?: string };
        ackId = answer.ackId ?? ackId;
        onEvents(answer.events?.length ?? 0);
      } catch (err) {
        if (!stopped.signal.aborted) throw err;
      }
    }
  })();
  return { stop: () => stopped.abort(), done };
}

/** Resolves when `counter()` has grown by `count` from now. */
function waitFor(counter: () => number, count: number, listeners: Set<() => void>): Promise<void> {
  const target = counter() + count;
  return new Promise((resolve) => {
    const check = (): void => {
      if (counter() < target) return;
      listeners.delete(check);
      resolve();
    };
    listeners.add(check);
  });
}

export async function measureEventsRate(
  root: string, packageName: string, options: EventsRateOptions, log: (line: string) => void,
): Promise<EventsRateResult> {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const { url, child } = await startSimulatorChild(keys.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  let RED: NodeRed | undefined;
  let dir: string | undefined;
  let raw: ReturnType<typeof rawLoop> | undefined;
  try {
    const client = axios.create({ baseURL: url, httpAgent: new http.Agent({ keepAlive: true }), proxy: false, timeout: 60_000 });
    const login = async (loginPath: string): Promise<string> =>
      ((await client.post(loginPath, { token: signAuthJwt(BOT, createPrivateKey(privatePem)) })).data as { token: string }).token;
    client.defaults.headers.common.sessionToken = await login('/login/pubkey/authenticate');
    client.defaults.headers.common.keyManagerToken = await login('/relay/pubkey/authenticate');
    const control = axios.create({ baseURL: url, proxy: false });
    const inject = async (tag: string, events: unknown[]): Promise<void> => {
      for (let i = 0; i < events.length; i += INJECT_CHUNK) await control.post('/_sim/datafeed-events', { tag, events: events.slice(i, i + INJECT_CHUNK) });
    };

    const listeners = new Set<() => void>();
    const notify = (): void => listeners.forEach((check) => check());
    let rawCount = 0;
    const feedId = ((await client.post('/agent/v5/datafeeds', { tag: RAW_TAG })).data as { id: string }).id;
    raw = rawLoop(client, feedId, (count) => {
      rawCount += count;
      notify();
    });

    let nodeCount = 0;
    const started = await startNodeRed(root, packageName, [
      { id: 'tab', type: 'tab' },
      { id: 'cfg', type: 'symphony-config', podUrl: url, botUsername: BOT, authType: 'rsa' },
      {
        id: 'ev', type: 'symphony-events', z: 'tab', x: 100, y: 100, config: 'cfg', eventTypes: ['MESSAGESENT'], ignoreOwn: false, mentionsOnly: false,
        outputMode: 'single', tag: NODE_TAG, wires: [['out']],
      },
      { id: 'out', type: 'junction', z: 'tab', x: 300, y: 100, wires: [] },
    ], { cfg: { privateKey: privatePem } });
    RED = started.RED;
    dir = started.dir;
    RED.nodes.getNode('out')!.on('input', () => {
      nodeCount += 1;
      notify();
    });
    // The node's feed exists once its first read waits.
    for (let i = 0; i < 200; i++) {
      const feeds = (await control.get('/_sim/datafeeds')).data as Array<{ tag?: string; reading: boolean }>;
      if (feeds.some((f) => f.tag === NODE_TAG && f.reading)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const run = async (side: 'node' | 'raw', round: string): Promise<Side> => {
      const events = batch(`${side}-${round}`, options.events);
      const arrived = side === 'node' ? waitFor(() => nodeCount, options.events, listeners) : waitFor(() => rawCount, options.events, listeners);
      const cpu = process.cpuUsage();
      const start = performance.now();
      await inject(side === 'node' ? NODE_TAG : RAW_TAG, events);
      await arrived;
      const elapsed = performance.now() - start;
      const used = process.cpuUsage(cpu);
      return { perSecond: (options.events / elapsed) * 1000, cpuPerEvent: (used.user + used.system) / 1000 / options.events };
    };

    // Warm-up (JIT, sockets), not measured.
    await run('raw', 'warm');
    await run('node', 'warm');
    const rounds: Array<{ node: Side; raw: Side }> = [];
    for (let round = 0; round < options.rounds; round++) {
      const id = `r${round}`;
      if (round % 2 === 0) {
        const r = await run('raw', id);
        rounds.push({ raw: r, node: await run('node', id) });
      } else {
        const n = await run('node', id);
        rounds.push({ node: n, raw: await run('raw', id) });
      }
      const last = rounds[rounds.length - 1]!;
      log(`  round ${round + 1}: node ${Math.round(last.node.perSecond)} events/s, raw loop ${Math.round(last.raw.perSecond)} events/s`);
    }
    const middle = (side: 'node' | 'raw'): Side => ({
      perSecond: median(rounds.map((r) => r[side].perSecond)),
      cpuPerEvent: median(rounds.map((r) => r[side].cpuPerEvent)),
    });
    return {
      node: middle('node'),
      raw: middle('raw'),
      rateRatio: median(rounds.map((r) => r.node.perSecond / r.raw.perSecond)),
      cpuRatio: median(rounds.map((r) => r.node.cpuPerEvent / r.raw.cpuPerEvent)),
    };
  } finally {
    raw?.stop();
    await raw?.done.catch(() => undefined);
    await RED?.stop();
    child.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export function formatEventsRate(r: EventsRateResult): string {
  const us = (ms: number): string => `${Math.round(ms * 1000)} µs`;
  return [
    `  events node ${Math.round(r.node.perSecond)} events/s vs raw read loop ${Math.round(r.raw.perSecond)} events/s = ${r.rateRatio.toFixed(2)}`,
    `  CPU per event (this process) ${us(r.node.cpuPerEvent)} vs ${us(r.raw.cpuPerEvent)} = ${r.cpuRatio.toFixed(2)}x`,
  ].join('\n');
}
