/**
 * What the nodes cost per message next to plain keep-alive axios sending the same request with tokens fetched once:
 * CPU time per message and throughput, both as ratios (node / axios), for the users lookup, a message send and an
 * OBO message send, at several concurrencies. Both run side by side in this process, the nodes in an embedded
 * Node-RED runtime (no test helper: its spies would be counted), against a stub server in a child process whose CPU
 * is counted with each side's own.
 *
 * Each round is a short block of messages on each side, in alternating order, and the ratios compare the totals over
 * all rounds. On a shared machine the speed drifts by tens of percent within seconds and a garbage collection lands
 * in one block or another; many short blocks side by side spread both over the two sides alike, where the median of
 * a few long rounds moved by more than the 5 % to be measured. Beside each ratio, the range it takes in 95 % of
 * resamplings of the rounds (a bootstrap) shows how far the machine's noise leaves it uncertain.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import axios from 'axios';
import { userDir } from './startup';

/** Targets of the issue: at most 5 % more CPU per message, at least 95 % of the throughput. */
export const CPU_TARGET = 1.05;
export const THROUGHPUT_TARGET = 0.95;

const STREAM_ID = 'benchStream';
const OBO_USER_ID = 12345;
const MESSAGE = 'hello';

/** What one block of messages took. */
interface Block {
  messages: number;
  /** CPU milliseconds (user + system) in this process. */
  clientCpu: number;
  /** CPU milliseconds in the stub server. */
  stubCpu: number;
  wall: number;
}

export interface Measure {
  /** CPU milliseconds (user + system) per message, this process and the stub server. */
  cpuPerMessage: number;
  /** The same, this process alone. */
  clientCpuPerMessage: number;
  perSecond: number;
}

export interface ScenarioResult {
  scenario: string;
  concurrency: number;
  baseline: Measure;
  node: Measure;
  /** Ratios node / baseline of the totals over every round. */
  cpuRatio: number;
  clientCpuRatio: number;
  throughputRatio: number;
  /** The 2.5th and 97.5th percentiles of the CPU and throughput ratios over resamplings of the rounds. */
  cpuRange: [number, number];
  throughputRange: [number, number];
}

interface Stub {
  url: string;
  child: ChildProcess;
  /** The stub's CPU time so far, µs. */
  cpu(): Promise<number>;
}

function startStub(): Promise<Stub> {
  const child = fork(path.join(__dirname, 'stub-server.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const cpu = (): Promise<number> => new Promise((resolve) => {
    child.once('message', (message) => resolve((message as { cpu: number }).cpu));
    child.send('cpu');
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ url: `http://127.0.0.1:${(message as { port: number }).port}`, child, cpu }));
    child.once('error', reject);
  });
}

/** Runs `total` tasks with at most `concurrency` under way; CPU (here and in the stub) and wall time of the whole. */
async function measure(stub: Stub, total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<Block> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) await task(next++);
  };
  const stubBefore = await stub.cpu();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const stubCpu = ((await stub.cpu()) - stubBefore) / 1000;
  return { messages: total, clientCpu: (used.user + used.system) / 1000, stubCpu, wall };
}

/** One side's blocks added up, per message. */
function total(blocks: readonly Block[]): Measure {
  let messages = 0;
  let clientCpu = 0;
  let stubCpu = 0;
  let wall = 0;
  for (const block of blocks) {
    messages += block.messages;
    clientCpu += block.clientCpu;
    stubCpu += block.stubCpu;
    wall += block.wall;
  }
  return { cpuPerMessage: (clientCpu + stubCpu) / messages, clientCpuPerMessage: clientCpu / messages, perSecond: (messages / wall) * 1000 };
}

/** Round by round, the two sides' blocks. */
type Rounds = Array<{ baseline: Block; node: Block }>;

/** Node / baseline over the given rounds, from the totals. */
function compare(rounds: Rounds): Pick<ScenarioResult, 'baseline' | 'node' | 'cpuRatio' | 'clientCpuRatio' | 'throughputRatio'> {
  const baseline = total(rounds.map((r) => r.baseline));
  const node = total(rounds.map((r) => r.node));
  return {
    baseline,
    node,
    cpuRatio: node.cpuPerMessage / baseline.cpuPerMessage,
    clientCpuRatio: node.clientCpuPerMessage / baseline.clientCpuPerMessage,
    throughputRatio: node.perSecond / baseline.perSecond,
  };
}

/** The 95 % range of the CPU and throughput ratios over 1000 resamplings of the rounds, drawn with replacement. */
function ranges(rounds: Rounds): Pick<ScenarioResult, 'cpuRange' | 'throughputRange'> {
  const cpu: number[] = [];
  const throughput: number[] = [];
  for (let draw = 0; draw < 1000; draw++) {
    const resampled = rounds.map(() => rounds[Math.floor(Math.random() * rounds.length)]!);
    const ratios = compare(resampled);
    cpu.push(ratios.cpuRatio);
    throughput.push(ratios.throughputRatio);
  }
  const range = (values: number[]): [number, number] => {
    values.sort((a, b) => a - b);
    return [values[Math.floor(values.length * 0.025)]!, values[Math.ceil(values.length * 0.975) - 1]!];
  };
  return { cpuRange: range(cpu), throughputRange: range(throughput) };
}

interface Scenario {
  name: string;
  /** The node under test in the flow. */
  nodeId: string;
  /** The same request with plain axios. */
  baseline: () => Promise<unknown>;
}

export interface PerMessageOptions {
  /** Messages in each block, at least ten per concurrent caller. */
  messages: number;
  /** Pairs of blocks (one each side); an even number alternates which side goes first equally often. */
  rounds: number;
  concurrencies: readonly number[];
}

interface BenchMsg {
  ref?: string;
  error?: { message?: string; source?: { id?: string } };
}

export interface NodeRed {
  init(server: http.Server, settings: Record<string, unknown>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  events: { once(event: string, listener: () => void): void };
  nodes: { getNode(id: string): { receive(msg: unknown): void; on(event: 'input', listener: (msg: BenchMsg) => void): void } | null };
}

/** Node-RED embedded with the package installed in a fresh user directory, running `flows` (credentials apart). */
export async function startNodeRed(root: string, packageName: string, flows: unknown[], credentials: unknown): Promise<{ RED: NodeRed; dir: string }> {
  const dir = userDir(root, packageName);
  writeFileSync(path.join(dir, 'flows.json'), JSON.stringify(flows));
  writeFileSync(path.join(dir, 'flows_cred.json'), JSON.stringify(credentials));
  const RED = require('node-red') as NodeRed;
  RED.init(http.createServer(), {
    userDir: dir,
    flowFile: 'flows.json',
    credentialSecret: false,
    httpAdminRoot: false,
    httpNodeRoot: false,
    disableEditor: true,
    logging: { console: { level: 'warn', metrics: false, audit: false } },
    externalModules: { autoInstall: false, palette: { allowInstall: false } },
    diagnostics: { enabled: false },
  });
  const started = new Promise<void>((resolve) => RED.events.once('flows:started', resolve));
  await RED.start();
  await started;
  return { RED, dir };
}

export async function measurePerMessage(
  root: string, packageName: string, options: PerMessageOptions, log: (line: string) => void,
): Promise<{ results: ScenarioResult[]; logins: Record<string, number> }> {
  const stub = await startStub();
  const { url } = stub;
  const pem = (): string => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  let dir: string | undefined;
  let RED: NodeRed | undefined;
  try {
    // Baseline: plain axios on a keep-alive agent as the nodes' client has, tokens fetched once.
    const client = axios.create({ baseURL: url, httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }), proxy: false });
    const token = async (loginPath: string, sessionToken?: string): Promise<string> =>
      ((await client.post(loginPath, {}, { headers: sessionToken ? { sessionToken } : {} })).data as { token: string }).token;
    const sessionToken = await token('/login/pubkey/authenticate');
    const keyManagerToken = await token('/relay/pubkey/authenticate');
    const oboToken = await token(`/login/pubkey/app/user/${OBO_USER_ID}/authenticate`, await token('/login/pubkey/app/authenticate'));
    const send = (headers: Record<string, string>) => (): Promise<unknown> => {
      const form = new FormData();
      form.append('message', `<messageML>${MESSAGE}</messageML>`);
      return client.post(`/agent/v4/stream/${STREAM_ID}/message/create`, form, { headers: { accept: 'application/json', ...headers } });
    };
    const scenarios: Scenario[] = [
      {
        name: 'users lookup',
        nodeId: 'lookup',
        baseline: () => client.get('/pod/v3/users', { params: { username: 'alice' }, headers: { accept: 'application/json', sessionToken } }),
      },
      { name: 'message send', nodeId: 'send', baseline: send({ sessionToken, keyManagerToken }) },
      { name: 'OBO message send', nodeId: 'obo-send', baseline: send({ sessionToken: oboToken }) },
    ];

    // The nodes: one flow with the config node and the three nodes, each wired to a junction, as a node in a flow
    // always has something after it; a catch node takes failures to a second junction.
    const onTab = { z: 'tab', x: 100, y: 100, config: 'cfg', wires: [['out']] };
    const message = { message: 'payload', messageType: 'msg' };
    const started = await startNodeRed(root, packageName, [
      { id: 'tab', type: 'tab' },
      { id: 'cfg', type: 'symphony-config', podUrl: url, botUsername: 'bench-bot', authType: 'rsa', appId: 'bench-app' },
      { id: 'lookup', type: 'symphony-users-lookup', ...onTab, usernames: 'alice', usernamesType: 'str' },
      { id: 'send', type: 'symphony-message-send', ...onTab, streamId: STREAM_ID, streamIdType: 'str', ...message },
      { id: 'obo-send', type: 'symphony-message-send', ...onTab, streamId: STREAM_ID, streamIdType: 'str', ...message, actAs: 'userId', oboUser: String(OBO_USER_ID), oboUserType: 'num' },
      { id: 'out', type: 'junction', z: 'tab', x: 300, y: 100, wires: [] },
      { id: 'catch', type: 'catch', z: 'tab', x: 100, y: 200, scope: null, uncaught: false, wires: [['failed']] },
      { id: 'failed', type: 'junction', z: 'tab', x: 300, y: 200, wires: [] },
    ], { cfg: { privateKey: pem(), appPrivateKey: pem() } });
    RED = started.RED;
    dir = started.dir;
    // Each msg ends at one of the junctions (listened to beside their own handler): the bench stops on a failure.
    const pending = new Map<string, { resolve: () => void; reject: (err: unknown) => void }>();
    const settle = (msg: BenchMsg, failed: boolean): void => {
      const waiting = pending.get(msg.ref ?? '');
      if (!waiting) return;
      pending.delete(msg.ref!);
      if (failed) waiting.reject(new Error(`the ${msg.error?.source?.id} node failed: ${msg.error?.message}`));
      else waiting.resolve();
    };
    RED.nodes.getNode('out')!.on('input', (msg) => settle(msg, false));
    RED.nodes.getNode('failed')!.on('input', (msg) => settle(msg, true));
    const nodes = RED.nodes;
    const viaNode = (nodeId: string) => (i: number): Promise<void> => new Promise<void>((resolve, reject) => {
      const ref = `m${i}`;
      pending.set(ref, { resolve, reject });
      nodes.getNode(nodeId)!.receive({ payload: MESSAGE, ref });
    });

    // JIT warm-up of every path before anything is measured: the first thousands of calls run slower.
    for (let pass = 0; pass < 3; pass++) {
      for (const scenario of scenarios) {
        await measure(stub, 1000, 16, async () => { await scenario.baseline(); });
        await measure(stub, 1000, 16, viaNode(scenario.nodeId));
      }
    }
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      for (const concurrency of options.concurrencies) {
        const messages = Math.max(options.messages, concurrency * 10);
        const baseline = (): Promise<Block> => measure(stub, messages, concurrency, async () => { await scenario.baseline(); });
        const node = (): Promise<Block> => measure(stub, messages, concurrency, viaNode(scenario.nodeId));
        await baseline(); // at this concurrency
        await node();
        const rounds: Rounds = [];
        for (let round = 0; round < options.rounds; round++) {
          // Alternate which goes first, so neither always runs right after the other's garbage.
          if (round % 2 === 0) rounds.push({ baseline: await baseline(), node: await node() });
          else {
            const n = await node();
            rounds.push({ baseline: await baseline(), node: n });
          }
        }
        const result: ScenarioResult = { scenario: scenario.name, concurrency, ...compare(rounds), ...ranges(rounds) };
        results.push(result);
        log(formatResult(result));
      }
    }
    const logins = (await client.get('/_logins')).data as Record<string, number>;
    return { results, logins };
  } finally {
    await RED?.stop();
    stub.child.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export function passes(result: ScenarioResult): boolean {
  return result.cpuRatio <= CPU_TARGET && result.throughputRatio >= THROUGHPUT_TARGET;
}

export function formatResult(r: ScenarioResult): string {
  const us = (ms: number): string => `${Math.round(ms * 1000)} µs`;
  const range = ([low, high]: [number, number]): string => `${low.toFixed(2)}–${high.toFixed(2)}`;
  return [
    `  ${r.scenario.padEnd(17)} c=${String(r.concurrency).padEnd(3)}`,
    `CPU/msg ${us(r.node.cpuPerMessage).padStart(7)} vs ${us(r.baseline.cpuPerMessage).padStart(7)} = ${r.cpuRatio.toFixed(2)}x (${range(r.cpuRange)})`,
    `(this process alone ${us(r.node.clientCpuPerMessage).padStart(7)} vs ${us(r.baseline.clientCpuPerMessage).padStart(7)} = ${r.clientCpuRatio.toFixed(2)}x)`,
    `throughput ${String(Math.round(r.node.perSecond)).padStart(5)} vs ${String(Math.round(r.baseline.perSecond)).padStart(5)}/s = ${r.throughputRatio.toFixed(2)} (${range(r.throughputRange)})`,
    passes(r) ? 'PASS' : 'FAIL',
  ].join('  ');
}
