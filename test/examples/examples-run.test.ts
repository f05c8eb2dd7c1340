/**
 * Every example flow runs as imported, as a user would run it from Import > Examples: its config node connects to
 * the built-in simulator (no URL, no key), each inject is clicked in file order (then all of them once more, as a user clicking again would),
 * and every debug node of the chain it starts must show a msg while nothing reaches the "errors" debug node.
 * Debug nodes are swapped for helper nodes of the same id so the msgs can be collected.
 *
 * Event-driven examples: their events nodes must be reading the bot's datafeed before the first click. An inject
 * whose chain posts to the simulator's control API (an http request node, "simulating a person") must also make
 * some debug node after an events node show a msg; and in every pass, each debug node after an events node must
 * show one. The simulator's address reaches the flows as in any Node-RED: SYMPHONY_SIMULATOR_URL, read with $env,
 * set by the built-in simulator while it runs.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { catalogue } from '../../nodes/catalogue/index';
import { dedicatedNodes } from '../../nodes/dedicated/index';
import { DATAHOSE_TYPE, datahoseTag } from '../../nodes/runtime/events/datahose-node';
import { EVENTS_TYPE, feedTag } from '../../nodes/runtime/events/events-node';
import { FORM_TYPE } from '../../nodes/runtime/forms/form-node';
import { DEMO_CONFIG_ID, readExamples, type Example, type FlowNode } from '../../scripts/demo/example-flows';
import {
  SIMULATOR_URL_ENV, acquireBuiltInSimulator, stopBuiltInSimulator, type BuiltInSimulatorLease,
} from '../../nodes/runtime/simulator-host/built-in-simulator';
import type { Simulator } from '../../simulator';
import { reading } from '../helpers/events-flow';
import { helper, symphonyNodes, unloadReportingErrors, type Msg } from '../helpers/flow';
import { trackActivity, type FlowActivity } from '../helpers/flow-activity';
import { until } from '../helpers/wait';

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', '..', 'examples');

/** How long one chain may take to show a msg at every debug node and go idle: a guard against a hang. */
const CHAIN_TIMEOUT_MS = 15_000;

/** Core node modules the examples may use, by type, relative to @node-red/nodes/core (debug is replaced). */
const CORE_MODULES: Record<string, string> = {
  inject: 'common/20-inject.js',
  comment: 'common/90-comment.js',
  catch: 'common/25-catch.js',
  status: 'common/25-status.js',
  complete: 'common/24-complete.js',
  junction: 'common/05-junction.js',
  'link in': 'common/60-link.js',
  'link out': 'common/60-link.js',
  'link call': 'common/60-link.js',
  change: 'function/15-change.js',
  switch: 'function/10-switch.js',
  function: 'function/10-function.js',
  template: 'function/80-template.js',
  delay: 'function/89-delay.js',
  trigger: 'function/89-trigger.js',
  range: 'function/16-range.js',
  split: 'sequence/17-split.js',
  join: 'sequence/17-split.js',
  sort: 'sequence/18-sort.js',
  batch: 'sequence/19-batch.js',
  json: 'parsers/70-JSON.js',
  'http request': 'network/21-httprequest.js',
};

/** The core nodes folder of the Node-RED the test helper runs (nested under node-red, or hoisted beside it). */
function coreNodesDir(): string {
  const nodeRed = path.dirname(require.resolve('node-red'));
  return path.join(path.dirname(require.resolve('@node-red/nodes/package.json', { paths: [nodeRed] })), 'core');
}

const isTabOrConfig = (n: FlowNode): boolean => n.type === 'tab' || n.id === DEMO_CONFIG_ID;
const isSymphony = (n: FlowNode): boolean => n.type.startsWith('symphony-') && n.type !== 'symphony-config';

/** The runtime modules a flow needs besides the Symphony nodes; an unknown core type fails with its name. */
function coreModulesFor(nodes: readonly FlowNode[]): unknown[] {
  const dir = coreNodesDir();
  const files = new Set<string>();
  for (const n of nodes) {
    if (isTabOrConfig(n) || isSymphony(n) || n.type === 'debug') continue;
    const file = CORE_MODULES[n.type];
    assert.ok(file, `${n.id}: the example uses the core node type "${n.type}", which this test does not load yet (add it to CORE_MODULES)`);
    files.add(file);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return [...files].map((file) => require(path.join(dir, file)) as unknown);
}

function targets(n: FlowNode): string[] {
  return ((n.wires as string[][] | undefined) ?? []).flat();
}

/**
 * The nodes a msg from `start` can reach, through any wires; but a form node sends what came from an events node
 * (a reply) out of its second output only, and anything else (the form it sent) out of its first.
 */
function reachableFrom(example: Example, start: FlowNode): FlowNode[] {
  const byId = new Map(example.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>([`${start.id}|${isEventsNode(start)}`]);
  const queue: Array<{ node: FlowNode; fromEvents: boolean }> = [{ node: start, fromEvents: isEventsNode(start) }];
  const found = new Map<string, FlowNode>();
  while (queue.length > 0) {
    const { node, fromEvents } = queue.shift()!;
    const wires = (node.wires as string[][] | undefined) ?? [];
    const out = node.type === FORM_TYPE ? wires[fromEvents ? 1 : 0] ?? [] : targets(node);
    for (const id of out) {
      const next = byId.get(id);
      const key = `${id}|${fromEvents}`;
      if (!next || seen.has(key)) continue;
      seen.add(key);
      found.set(id, next);
      queue.push({ node: next, fromEvents });
    }
  }
  return [...found.values()];
}

/** The debug nodes a msg from `start` can reach, through any wires. */
function debugNodesOf(example: Example, start: FlowNode): FlowNode[] {
  return reachableFrom(example, start).filter((n) => n.type === 'debug');
}

const isErrorsDebug = (n: FlowNode): boolean => n.type === 'debug' && n.name === 'errors';
const isEventsNode = (n: FlowNode): boolean => n.type === EVENTS_TYPE || n.type === DATAHOSE_TYPE;

/** The debug nodes after the example's events nodes (not "errors"): the steps the bot takes on an event. */
function eventDebugsOf(example: Example): FlowNode[] {
  const found = new Map<string, FlowNode>();
  for (const events of example.nodes.filter(isEventsNode)) {
    for (const d of debugNodesOf(example, events)) if (!isErrorsDebug(d)) found.set(d.id, d);
  }
  return [...found.values()];
}

/** An inject that acts as a person through the simulator's control API: its chain holds an http request node. */
const simulatesPerson = (example: Example, inject: FlowNode): boolean => reachableFrom(example, inject).some((n) => n.type === 'http request');

/** Waits until every events node of the example has its datafeed open and a read waiting. */
async function eventsNodesReading(example: Example, sim: Simulator): Promise<void> {
  for (const events of example.nodes.filter(isEventsNode)) {
    const tag = events.tag as string | undefined;
    if (events.type === DATAHOSE_TYPE) {
      const hose = datahoseTag({ tag }, events.id);
      await until(`the datahose feed ${hose} to be read`, () => sim.datahoseFeeds().some((f) => f.tag === hose));
    } else {
      await reading(sim, feedTag({ tag }, events.id));
    }
  }
}

/** The example as the test loads it: as imported, with debug nodes as helper nodes. */
function runnableFlow(example: Example): FlowNode[] {
  return example.nodes.map((n) => {
    if (n.type === 'debug') return { id: n.id, type: 'helper', z: n.z, name: n.name, x: n.x, y: n.y, wires: [] };
    return n;
  });
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The nodes that call `done` when their call is over: the flow is busy while one of them works on a msg. */
const asyncNodesOf = (example: Example): Set<string> =>
  new Set(example.nodes.filter((n) => (isSymphony(n) && !isEventsNode(n)) || n.type === 'http request').map((n) => n.id));

interface Recorder {
  counts: Map<string, number>;
  errors: Msg[];
  activity: FlowActivity;
}

function record(example: Example, activity: FlowActivity): Recorder {
  const recorder: Recorder = { counts: new Map(), errors: [], activity };
  for (const n of example.nodes.filter((d) => d.type === 'debug')) {
    recorder.counts.set(n.id, 0);
    helper.getNode(n.id).on('input', (msg: never) => {
      if (isErrorsDebug(n)) recorder.errors.push(msg as Msg);
      else recorder.counts.set(n.id, (recorder.counts.get(n.id) ?? 0) + 1);
    });
  }
  return recorder;
}

function describeError(example: Example, msg: Msg): string {
  const source = msg.error?.source?.id;
  const node = example.nodes.find((n) => n.id === source);
  return `${node ? `"${String(node.name)}" (${node.type})` : source ?? 'unknown node'}: ${msg.error?.message ?? JSON.stringify(msg.error)}`;
}

const counts = (recorder: Recorder, debugs: readonly FlowNode[]): Map<string, number> => new Map(debugs.map((d) => [d.id, recorder.counts.get(d.id) ?? 0]));
const names = (debugs: readonly FlowNode[]): string => debugs.map((d) => `"${String(d.name)}"`).join(', ');
/** The debug nodes that got no msg since `before` was taken. */
const silentSince = (recorder: Recorder, debugs: readonly FlowNode[], before: Map<string, number>): FlowNode[] =>
  debugs.filter((d) => (recorder.counts.get(d.id) ?? 0) <= before.get(d.id)!);

/** Fails with the msgs "errors" got since `errorsBefore`, naming the debug nodes `silent` lists. */
function failIfErrors(example: Example, recorder: Recorder, errorsBefore: number, where: string, silent: () => FlowNode[]): void {
  const errors = recorder.errors.slice(errorsBefore);
  if (errors.length > 0) {
    assert.fail(`${where}: "errors" got ${errors.length} msg(s): ${errors.map((m) => describeError(example, m)).join('; ')}`
      + `${silent().length ? `; no msg at ${names(silent())}` : ''}`);
  }
}

/** Waits until no debug node is `silent` (failing early on errors, or at the deadline), then until the flow is idle. */
async function settle(example: Example, recorder: Recorder, errorsBefore: number, where: string, silent: () => FlowNode[], what: string): Promise<void> {
  const deadline = Date.now() + CHAIN_TIMEOUT_MS;
  while (silent().length > 0) {
    failIfErrors(example, recorder, errorsBefore, where, silent);
    if (Date.now() > deadline) assert.fail(`${where}: no msg within ${CHAIN_TIMEOUT_MS} ms at ${names(silent())}${what}`);
    await delay(20);
  }
  // Trailing msgs (one per item, side branches, the bot's reaction to an event) and late failures: no msg on its
  // way and no call under way any more.
  while (recorder.activity.busy().length > 0) {
    if (Date.now() > deadline) assert.fail(`${where}: still busy after ${CHAIN_TIMEOUT_MS} ms: ${recorder.activity.busy().join(', ')}`);
    await delay(20);
  }
  failIfErrors(example, recorder, errorsBefore, where, silent);
}

/**
 * Clicks one inject and waits until every debug node of its chain got a msg and the flow went quiet; when the
 * inject simulates a person, also until the bot reacted (some debug node after an events node got a msg).
 */
async function runChain(example: Example, recorder: Recorder, inject: FlowNode, pass: number): Promise<void> {
  const debugs = debugNodesOf(example, inject).filter((d) => !isErrorsDebug(d));
  const eventDebugs = simulatesPerson(example, inject) ? eventDebugsOf(example) : [];
  const before = counts(recorder, [...debugs, ...eventDebugs]);
  const errorsBefore = recorder.errors.length;
  const where = `${example.label}, pass ${pass}, inject "${String(inject.name)}"`;
  const botSilent = (): boolean => eventDebugs.length > 0 && silentSince(recorder, eventDebugs, before).length === eventDebugs.length;
  const silent = (): FlowNode[] => [...silentSince(recorder, debugs, before), ...(botSilent() ? eventDebugs : [])];

  helper.getNode(inject.id).receive({});
  await settle(example, recorder, errorsBefore, where, silent, eventDebugs.length ? ' (the bot\'s reaction: any one of them)' : '');
}

/** After a pass: every debug node after an events node got a msg during it. */
async function botReacted(example: Example, recorder: Recorder, before: Map<string, number>, pass: number): Promise<void> {
  const eventDebugs = eventDebugsOf(example);
  const where = `${example.label}, pass ${pass}, the bot's reactions to the simulated events`;
  await settle(example, recorder, recorder.errors.length, where, () => silentSince(recorder, eventDebugs, before), '');
}

/**
 * Unloads the flows (useSimulator's afterEach would too): every node stops without a close timeout (an events
 * node aborts its long poll instead of waiting for it), the simulator sees each read of the example's feeds go
 * away, and no datafeed request comes after the stop.
 */
async function unloadedWithoutReads(example: Example, sim: Simulator): Promise<void> {
  const tags = example.nodes.filter((n) => n.type === EVENTS_TYPE).map((n) => feedTag({ tag: n.tag as string | undefined }, n.id));
  const hoses = example.nodes.filter((n) => n.type === DATAHOSE_TYPE).map((n) => datahoseTag({ tag: n.tag as string | undefined }, n.id));
  const { stopErrors, endedMsgs } = await unloadReportingErrors(example.nodes.filter((n) => n.type !== 'tab').map((n) => n.id));
  assert.deepEqual(stopErrors, [], `${example.label}: every node stopped without a close timeout`);
  assert.deepEqual(endedMsgs.map((m) => `${m.node}: ${m.error}`), [], `${example.label}: the flows were idle, no call was cut off`);
  if (hoses.length > 0) {
    // A read sent just before the stop may reach the simulator a moment after it (and end at once): wait for those,
    // then make sure no read starts later.
    await until(`${example.label}: every read of its datahose feeds to end`, () => !sim.datahoseFeeds().some((f) => hoses.includes(f.tag) && f.reading > 0));
    await delay(200);
    const afterHoseStop = sim.requests.length;
    await delay(300);
    const reads = sim.requests.slice(afterHoseStop).filter((r) => r.path === '/agent/v5/events/read');
    assert.deepEqual(reads.map((r) => `${r.method} ${r.path}`), [], `${example.label}: no datahose read after the flows stopped`);
  }
  if (tags.length === 0) return;
  const afterStop = sim.requests.length;
  await until(`${example.label}: every read on the feeds of its events nodes to end`,
    () => !sim.datafeeds().some((f) => f.tag !== undefined && tags.includes(f.tag) && f.reading));
  const reads = sim.requests.slice(afterStop).filter((r) => r.path.startsWith('/agent/v5/datafeeds'));
  assert.deepEqual(reads.map((r) => `${r.method} ${r.path}`), [], `${example.label}: no datafeed request after the flows stopped`);
}

describe('example flows run as imported, against the built-in simulator', function () {
  this.timeout(180_000);
  const examples = readExamples(EXAMPLES_DIR);
  // The suite holds the simulator too, so that one runs throughout, as in a Node-RED where flows are redeployed.
  let lease: BuiltInSimulatorLease | undefined;
  const sim = (): Simulator => {
    if (!lease) throw new Error('the built-in simulator is not started yet');
    return lease.instance.simulator;
  };

  before(async function () {
    await helper.startServer();
    lease = await acquireBuiltInSimulator();
  });
  after(async function () {
    lease?.release();
    await stopBuiltInSimulator();
    await helper.stopServer();
  });
  beforeEach(function () {
    sim().clearRequests();
    sim().clearFaults();
  });
  afterEach(async function () {
    await helper.unload();
  });

  it('connect to the built-in simulator, with no URL, bot, app or key, and find it through SYMPHONY_SIMULATOR_URL', function () {
    for (const example of examples) {
      const config = example.nodes.find((n) => n.id === DEMO_CONFIG_ID);
      assert.ok(config, `${example.label}: holds the config node ${DEMO_CONFIG_ID}`);
      assert.equal(config.connectTo, 'simulator', `${example.label}: connectTo`);
      for (const field of ['podUrl', 'botUsername', 'appId']) assert.equal(config[field] ?? '', '', `${example.label}: ${field} is blank`);
    }
    assert.equal(process.env[SIMULATOR_URL_ENV], sim().url);
  });

  it('are there', function () {
    assert.ok(examples.length > 0, `no examples in ${EXAMPLES_DIR}`);
  });

  for (const example of examples) {
    it(`${example.label}: every chain shows a msg at each debug node and none at "errors", also when clicked again`, async function () {
      const injects = example.nodes.filter((n) => n.type === 'inject');
      assert.ok(injects.length > 0, 'has an inject node');
      assert.ok(example.nodes.some(isErrorsDebug), 'has a debug node named "errors"');
      const sources = [...injects, ...example.nodes.filter(isEventsNode)];
      const reached = new Set(sources.flatMap((source) => debugNodesOf(example, source).map((d) => d.id)));
      const unreached = example.nodes.filter((n) => n.type === 'debug' && !isErrorsDebug(n) && !reached.has(n.id));
      assert.deepEqual(unreached.map((n) => n.name), [], 'every debug node but "errors" shows a step of some inject\'s or events node\'s chain');
      if (eventDebugsOf(example).length > 0) {
        assert.ok(injects.some((inject) => simulatesPerson(example, inject)), 'an inject simulates a person, so the bot has something to react to');
      }
      // No credentials: the built-in simulator needs none.
      await helper.load([symphonyNodes, ...coreModulesFor(example.nodes)], runnableFlow(example), {});
      const activity = trackActivity(asyncNodesOf(example));
      try {
        const recorder = record(example, activity);
        await eventsNodesReading(example, sim());
        for (const pass of [1, 2]) {
          const before = counts(recorder, eventDebugsOf(example));
          for (const inject of injects) await runChain(example, recorder, inject, pass);
          await botReacted(example, recorder, before, pass);
        }
      } finally {
        activity.stop();
      }
      await unloadedWithoutReads(example, sim());
    });
  }

  it('use every node type of the package: each catalogue operation, the events and the parse message nodes', function () {
    const used = new Set(examples.flatMap((e) => e.nodes.map((n) => n.type)));
    const types = [...catalogue.map((op) => op.type), ...dedicatedNodes.map((spec) => spec.type)];
    assert.ok(types.includes('symphony-events') && types.includes('symphony-message-parse'));
    const missing = types.filter((type) => !used.has(type));
    assert.deepEqual(missing, [], `node types in no example: ${missing.join(', ')}`);
  });

  it('set the paging choices of every list node explicitly', function () {
    for (const example of examples) {
      for (const n of example.nodes) {
        const op = catalogue.find((o) => o.type === n.type);
        if (!op?.paging) continue;
        assert.ok(['one', 'all'].includes(String(n.pages)), `${example.label}: ${n.id}.pages`);
        assert.ok(Number.isSafeInteger(n.maxItems) && (n.maxItems as number) > 0, `${example.label}: ${n.id}.maxItems`);
        assert.ok(['list', 'items'].includes(String(n.split)), `${example.label}: ${n.id}.split`);
      }
    }
  });
});
