import helper from 'node-red-node-test-helper';
import type { Simulator, SimulatorOptions } from '../../simulator';
import { BOT, OBO_APP_ID, startTestSimulator } from './simulator';
import { keyPair } from './keys';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const symphonyNodes: unknown = require('../../nodes/symphony');

// NODE_RED_PATH (a Node-RED package directory) runs the suite on another Node-RED: scripts/compat.sh uses Node-RED 5.
/** The main module of the Node-RED the tests run. */
export const NODE_RED_MAIN = require.resolve(process.env.NODE_RED_PATH || 'node-red');
helper.init(NODE_RED_MAIN);

export { helper };

export type FlowNode = Record<string, unknown> & { id: string; type: string };
export type Credentials = Record<string, Record<string, string>>;

export interface Msg {
  payload?: unknown;
  error?: { message: string; code?: string; cause?: Record<string, unknown>; source?: { id: string } };
  [key: string]: unknown;
}

export const CONFIG_ID = 'cfg';

/** A config node pointing at the simulator, RSA mode, with the OBO app. */
export function configNode(sim: Simulator, props: Record<string, unknown> = {}): FlowNode {
  return {
    id: CONFIG_ID,
    type: 'symphony-config',
    name: 'simulator',
    podUrl: sim.url,
    agentUrl: '',
    keyManagerUrl: '',
    authType: 'rsa',
    botUsername: BOT.username,
    appId: OBO_APP_ID,
    timeout: 10,
    maxRetries: 3,
    ...props,
  };
}

export function configCredentials(overrides: Record<string, string> = {}): Credentials {
  return {
    [CONFIG_ID]: {
      privateKey: keyPair('bot').privatePem,
      appPrivateKey: keyPair('app').privatePem,
      ...overrides,
    },
  };
}

export const TAB_ID = 'flow';

/**
 * Puts the nodes on one tab (config nodes stay global) with a catch node wired to a helper `caught`, as a
 * user's flow would have.
 */
export function withCatch(nodes: FlowNode[]): FlowNode[] {
  // Node-RED treats a node without x and y as a config node.
  const onTab = (node: FlowNode): FlowNode => (node.type === 'symphony-config' || 'z' in node ? node : { x: 100, y: 100, ...node, z: TAB_ID });
  return [
    { id: TAB_ID, type: 'tab', label: 'test' },
    ...nodes.map(onTab),
    { id: 'catch', type: 'catch', z: TAB_ID, x: 100, y: 200, scope: null, uncaught: false, wires: [['caught']] },
    { id: 'caught', type: 'helper', z: TAB_ID, x: 300, y: 200 },
  ];
}

export async function loadFlow(nodes: FlowNode[], credentials: Credentials = configCredentials()): Promise<void> {
  await helper.load(symphonyNodes, withCatch(nodes), credentials);
}

/** Collects every msg a helper node receives. */
export function collect(id: string): Msg[] {
  const received: Msg[] = [];
  helper.getNode(id).on('input', (msg: never) => received.push(msg as Msg));
  return received;
}

/** Resolves with the next msg a helper node receives (or rejects after a while). */
export function nextMessage(id: string, timeoutMs = 10_000): Promise<Msg> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no message reached ${id} within ${timeoutMs} ms`)), timeoutMs);
    helper.getNode(id).once('input', (msg: never) => {
      clearTimeout(timer);
      resolve(msg as Msg);
    });
  });
}

/** Resolves once `count` msgs have reached a helper node. */
export function messages(id: string, count: number, timeoutMs = 10_000): Promise<Msg[]> {
  return new Promise((resolve, reject) => {
    const received: Msg[] = [];
    const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} messages reached ${id}`)), timeoutMs);
    helper.getNode(id).on('input', (msg: never) => {
      received.push(msg as Msg);
      if (received.length === count) {
        clearTimeout(timer);
        resolve(received);
      }
    });
  });
}

export interface StatusRecord {
  fill?: string;
  shape?: string;
  text?: string;
}

/** Records every status a node shows. */
export function statuses(id: string): StatusRecord[] {
  const seen: StatusRecord[] = [];
  helper.getNode(id).on('call:status', (call: never) => {
    const args = (call as { args: StatusRecord[] }).args;
    seen.push(args[0] ?? {});
  });
  return seen;
}

export function send(id: string, msg: Record<string, unknown>): void {
  helper.getNode(id).receive(msg);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface StopReport {
  /** What Node-RED or a node reported without a msg while stopping, e.g. "Error stopping node: Close timed out". */
  stopErrors: string[];
  /** The msgs that ended in an error while stopping (a call cut off by the stop), with the error text. */
  endedMsgs: Array<{ node: string; error: string; msg: Msg }>;
}

/**
 * Stops the flows as a redeploy does and reports the errors the nodes `ids` reported meanwhile. Node-RED gives up
 * on a close handler that does not finish within its close timeout (15 s) and reports "Error stopping node: Close
 * timed out" on that node: a stop that waits for something it should have aborted shows here, whatever the
 * machine's speed.
 */
export async function unloadReportingErrors(ids: readonly string[]): Promise<StopReport> {
  const report: StopReport = { stopErrors: [], endedMsgs: [] };
  for (const id of ids) {
    const node = helper.getNode(id) as unknown as { error: (...args: unknown[]) => void } | null;
    if (!node) continue;
    const original = node.error;
    node.error = function (this: unknown, ...args: unknown[]) {
      const text = args[0] instanceof Error ? args[0].message : String(args[0]);
      if (args[1] === undefined) report.stopErrors.push(`${id}: ${text}`);
      else report.endedMsgs.push({ node: id, error: text, msg: args[1] as Msg });
      original.apply(this, args);
    };
  }
  await helper.unload();
  return report;
}

/**
 * Mocha hooks for a suite of flows against one simulator: the Node-RED test server and the simulator start
 * once, request logs and faults are cleared before each test, flows are unloaded after it.
 */
export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
  let sim: Simulator | undefined;
  let serverStarted = false;
  before(async function () {
    await helper.startServer();
    serverStarted = true;
    sim = await startTestSimulator(options);
  });
  // A suite skipped in an earlier before hook (e.g. without ../shared) started nothing: nothing to stop.
  after(async function () {
    await sim?.close();
    if (serverStarted) await helper.stopServer();
  });
  beforeEach(function () {
    sim?.clearRequests();
    sim?.clearFaults();
  });
  afterEach(async function () {
    await helper.unload();
  });
  return () => {
    if (!sim) throw new Error('the simulator is not started yet');
    return sim;
  };
}
