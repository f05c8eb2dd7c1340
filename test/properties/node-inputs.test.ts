/**
 * Property-based tests over every node type that takes input: random values of every type, size, encoding and
 * depth in every field (each field set up in random ways among the TypedInput types it offers), in msg.oboUser
 * and in msg.payload, sent to one deployed flow against the simulator through a recording proxy. The oracles do
 * not come from the code under test: each msg ends exactly once; no request breaks the catalogue's templates, the
 * path and query rules, or the official spec; no unhandled rejection; input errors name a field; errors and log
 * lines stay small whatever the input.
 *
 * PROPERTY_SEED replays a run (the seed is printed with every failure); PROPERTY_RUNS sets the runs per type.
 */
import fc from 'fast-check';
import type { Simulator } from '../../simulator';
import { ApiSpec } from '../conformance/spec';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { trackEndings, type Endings } from '../helpers/endings';
import { configNode, helper, loadFlow, type FlowNode } from '../helpers/flow';
import { startTestSimulator } from '../helpers/simulator';
import { brief, depthOf, fingerprint } from './fingerprint';
import { MAX_MESSAGE, MAX_STATUS, Problems, UNCOPYABLE_DEPTH, errorProblems, keptProblems, refusedInput, reportOf, targetProblems } from './run-checks';
import { bind, describeRun, exampleInputs, runInputArbitrary, type RunInput } from './run-inputs';
import { SUBJECTS, type Subject } from './subjects';
import { defaultVariants, envName, variantArbitrary, variantNode, type Variant } from './variants';
import { veryDeep } from './values';
import { wireProblems } from './wire-rules';

const BASE_SEED = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Per type, the examples (the values the issue names) included. */
const RUNS_PER_TYPE = Number(process.env.PROPERTY_RUNS ?? 30);
/** Node setups per type: the catalogue defaults plus random ones. */
const VARIANTS = 8;
/** How long one msg may take to end; nothing in these runs is slow unless something is wrong. */
const ENDING_TIMEOUT_MS = 15_000;
/** A type's runs and the shrinking of a failure stop after this long; the seed and path replay it in full. */
const TYPE_BUDGET_MS = 30_000;
/** Runs of the very deep msgs, over all types together. */
const DEEP_RUNS = 12;
const nodeId = (subject: Subject, variant: number): string => `${subject.type}#${variant}`;

describe('properties: every node type under random input', function () {
  this.timeout(0);
  let sim: Simulator | undefined;
  let proxy: FaultProxy | undefined;
  let spec: ApiSpec | undefined;
  const variants = new Map<string, Variant[]>();
  let endings: Endings | undefined;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    rejections.push(reason);
  };
  const totals = { runs: 0, output: 0, catch: 0, requests: 0 };
  const codes = new Map<string, number>();
  let counter = 0;
  /** Every log call and status of the nodes, in order. */
  const said: Array<{ node: string; kind: string; text: string }> = [];

  before(async function () {
    this.timeout(60_000);
    console.log(`      property seed ${BASE_SEED} (replay: PROPERTY_SEED=${BASE_SEED}), ${RUNS_PER_TYPE} runs per type`);
    if (ApiSpec.available()) spec = new ApiSpec();
    else console.log('      ../shared/symphony-api-spec is absent: requests are checked without the spec');
    process.on('unhandledRejection', onRejection);
    await helper.startServer();
    sim = await startTestSimulator();
    proxy = await startFaultProxy(sim.url);
    const nodes: FlowNode[] = [configNode(sim, { podUrl: proxy.url, timeout: 5 })];
    SUBJECTS.forEach((subject, index) => {
      const defaults = defaultVariants(subject);
      const random = fc.sample(variantArbitrary(subject), { seed: BASE_SEED + index, numRuns: VARIANTS - defaults.length });
      const list = [...defaults, ...random];
      variants.set(subject.type, list);
      list.forEach((variant, v) => nodes.push(variantNode(subject, variant, nodeId(subject, v), [['out']])));
    });
    nodes.push({ id: 'out', type: 'helper' });
    await loadFlow(nodes);
    endings = trackEndings('out');
    // What each node logs (error, warn, log; an error is logged when no Catch takes it) and shows as status.
    for (const node of nodes) {
      for (const kind of ['error', 'warn', 'log', 'status'] as const) {
        helper.getNode(node.id).on(`call:${kind}`, (call: never) => {
          const first = (call as { args: unknown[] }).args[0];
          const text = kind === 'status' ? String((first as { text?: unknown } | undefined)?.text ?? '') : first instanceof Error ? first.message : String(first);
          said.push({ node: node.id, kind, text });
        });
      }
    }
  });

  after(async function () {
    process.off('unhandledRejection', onRejection);
    const byCode = [...codes.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ');
    console.log(`      ${totals.runs} runs: ${totals.output} msgs out, ${totals.catch} at Catch (${byCode}), ${totals.requests} requests`);
    await helper.unload();
    await proxy?.close();
    await sim?.close();
    await helper.stopServer();
  });

  const waitForEnding = (id: string): Promise<boolean> => endings!.waitFor(id, ENDING_TIMEOUT_MS);

  /** A value as Node-RED copies it for a Catch node; as it is when Node-RED cannot copy it (too deep). */
  function nodeRedCopy(value: unknown): unknown {
    try {
      const red = (helper as unknown as { _RED: { util: { cloneMessage(msg: unknown): { value: unknown } } } })._RED;
      return red.util.cloneMessage({ value }).value;
    } catch {
      return value;
    }
  }

  /** Lets what a finished msg set off (a second ending, a late rejection) happen before it is checked. */
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

  async function runOnce(subject: Subject, input: RunInput): Promise<void> {
    const variant = variants.get(subject.type)![input.variant]!;
    const id = `run-${++counter}`;
    const binding = bind(subject, variant, input, id);
    const node = helper.getNode(nodeId(subject, input.variant)) as unknown as { context(): { flow: Ctx; global: Ctx } };
    const context = node.context();
    for (const [key, value] of Object.entries(binding.flow)) context.flow.set(key, value);
    for (const [key, value] of Object.entries(binding.global)) context.global.set(key, value);
    for (const [key, value] of Object.entries(binding.env)) process.env[key] = value;
    // The value as Node-RED will read it back (an env variable cannot hold every string).
    for (const name of [...subject.fields.map((f) => f.name), 'oboUser']) {
      const key = envName(name);
      if (key in binding.env) binding.known.set(name, process.env[key]);
    }
    const firstExchange = proxy!.exchanges.length;
    const firstLog = helper.log().args.length;
    const firstSaid = said.length;
    const firstRejection = rejections.length;
    const sent = new Map(Object.entries(binding.msg).map(([key, value]) => [key, fingerprint(value)]));
    // What the Catch node can show at best: Node-RED's own copy of the msg (its clone drops an own "__proto__" key).
    const copied = new Map(Object.entries(binding.msg).map(([key, value]) => [key, fingerprint(nodeRedCopy(value))]));
    const uncopyable = new Set(Object.entries(binding.msg).filter(([, value]) => depthOf(value) > UNCOPYABLE_DEPTH).map(([key]) => key));
    const ended = waitForEnding(id);
    try {
      helper.getNode(nodeId(subject, input.variant)).receive(binding.msg);
      const ok = await ended;
      await settle();
      const problems: string[] = [];
      const seen = endings!.byId.get(id) ?? [];
      if (!ok) problems.push(`the msg never ended (neither output nor Catch within ${ENDING_TIMEOUT_MS} ms)`);
      if (seen.length > 1) problems.push(`the msg ended ${seen.length} times: ${seen.map((e) => e.where).join(', ')}`);
      for (const reason of rejections.slice(firstRejection)) problems.push(`unhandled rejection: ${brief(reason instanceof Error ? reason.message : String(reason))}`);
      const ending = seen[0];
      if (ending) {
        totals[ending.where] += 1;
        if (ending.where === 'catch') {
          const code = String(ending.msg.error?.code ?? 'no code');
          codes.set(code, (codes.get(code) ?? 0) + 1);
          problems.push(...errorProblems(subject, variant, binding, ending.msg));
          problems.push(...keptProblems(copied, ending.msg, undefined, uncopyable));
        } else {
          if (subject.op && !(variant.outputProperty in ending.msg)) problems.push(`msg.${variant.outputProperty} is not set on the output`);
          problems.push(...keptProblems(sent, ending.msg, subject.op ? variant.outputProperty : undefined));
        }
      }
      const exchanges = proxy!.exchanges.slice(firstExchange);
      totals.requests += exchanges.length;
      const refused = refusedInput(subject, variant, binding);
      if (refused && (ending?.where === 'output' || exchanges.length > 0)) {
        problems.push(`${refused} is not refused before any request (${exchanges.length} made, ended at ${ending?.where ?? 'nothing'})`);
      }
      for (const exchange of exchanges) problems.push(...wireProblems(exchange, subject.op, spec));
      problems.push(...targetProblems(subject, binding, exchanges));
      for (const args of helper.log().args.slice(firstLog)) {
        const entry = args[0] as { msg?: unknown } | undefined;
        const line = String(entry?.msg ?? '');
        if (line.length >= MAX_MESSAGE) problems.push(`a log line is ${line.length} characters long: ${brief(line)}`);
      }
      for (const { node: from, kind, text } of said.slice(firstSaid)) {
        const limit = kind === 'status' ? MAX_STATUS : MAX_MESSAGE;
        if (text.length >= limit) problems.push(`${from} ${kind === 'status' ? 'shows a status' : `logs (${kind}) a line`} ${text.length} characters long: ${brief(text)}`);
      }
      if (problems.length > 0) throw new Problems(problems);
    } finally {
      totals.runs += 1;
      for (const key of Object.keys(binding.flow)) context.flow.set(key, undefined);
      for (const key of Object.keys(binding.global)) context.global.set(key, undefined);
      for (const key of Object.keys(binding.env)) delete process.env[key];
    }
  }

  const describeInput = (subject: Subject, input: RunInput): string =>
    describeRun(subject, variants.get(subject.type)![input.variant]!, nodeId(subject, input.variant), input);

  SUBJECTS.forEach((subject, index) => {
    it(`${subject.type}: each msg ends once, and nothing refused reaches the wire`, async function () {
      const seed = BASE_SEED + index;
      const list = variants.get(subject.type)!;
      const property = fc.asyncProperty(runInputArbitrary(subject, list), (input) => runOnce(subject, input));
      const examples = exampleInputs(subject, list).map((input): [RunInput] => [input]);
      const details = await fc.check<[RunInput]>(property, { seed, numRuns: RUNS_PER_TYPE, examples, plugins: [fc.interruptAfterTimeLimit(TYPE_BUDGET_MS)] });
      if (!details.failed) return;
      const input = details.counterexample?.[0];
      const cause = reportOf(details.errorInstance);
      throw new Error([
        `${subject.type} failed (property seed ${BASE_SEED}, type seed ${seed}, path ${details.counterexamplePath ?? '-'},`
          + ` after ${details.numRuns} runs and ${details.numShrinks} shrinks)`,
        input ? `  input:\n    ${describeInput(subject, input)}` : '  (no counterexample)',
        `  problems:\n    ${cause.split('\n').join('\n    ')}`,
      ].join('\n'));
    });
  });

  it('ends no msg twice over all runs, and Node-RED still answers', async function () {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const twice = [...endings!.byId.entries()].filter(([, list]) => list.length > 1).map(([id, list]) => `${id}: ${list.map((e) => e.where).join(', ')}`);
    if (twice.length > 0) throw new Error(`msgs that ended more than once: ${twice.slice(0, 10).join('; ')}`);
    await assertAlive();
  });

  it('ends each msg nested thousands of levels deep once, on any node type, and keeps Node-RED running', async function () {
    const deepInput: fc.Arbitrary<DeepInput> = fc.nat(SUBJECTS.length - 1).chain((index) => fc.tuple(
      fc.constant(index),
      runInputArbitrary(SUBJECTS[index]!, variants.get(SUBJECTS[index]!.type)!),
      veryDeep,
      fc.constantFrom('payload', 'field'),
    ));
    const property = fc.asyncProperty(deepInput, ([index, input, deep, where]) => runOnce(SUBJECTS[index]!, deepRun(SUBJECTS[index]!, input, deep, where)));
    const seed = BASE_SEED + SUBJECTS.length;
    const details = await fc.check<[DeepInput]>(property, { seed, numRuns: DEEP_RUNS, plugins: [fc.interruptAfterTimeLimit(TYPE_BUDGET_MS * 2)] });
    if (details.failed) {
      const [index, input, deep, where] = details.counterexample![0];
      const subject = SUBJECTS[index]!;
      throw new Error([
        `a msg nested ${depthOf(deep)} levels deep failed (property seed ${BASE_SEED}, seed ${seed}, path ${details.counterexamplePath ?? '-'})`,
        `  input:\n    ${describeInput(subject, deepRun(subject, input, deep, where))}`,
        `  problems:\n    ${reportOf(details.errorInstance).split('\n').join('\n    ')}`,
      ].join('\n'));
    }
    await assertAlive();
  });

  async function assertAlive(): Promise<void> {
    const id = `alive-${++counter}`;
    const ended = waitForEnding(id);
    helper.getNode(nodeId(SUBJECTS.find((s) => s.type === 'symphony-session-info')!, 0)).receive({ _msgid: id, payload: 'still there?' });
    if (!(await ended)) throw new Error('Node-RED no longer answers: session info never ended');
    const ending = endings!.byId.get(id)![0]!;
    if (ending.where !== 'output') throw new Error(`session info as the bot failed after the runs: ${ending.msg.error?.message ?? ''}`);
  }
});

/** A node type (by index), its run, a very deep value, and whether it is the payload or a field's msg value. */
type DeepInput = [number, RunInput, unknown, 'payload' | 'field'];

/** The run with the deep value in msg.payload, or as the first field's value wherever the node reads it. */
function deepRun(subject: Subject, input: RunInput, deep: unknown, where: DeepInput[3]): RunInput {
  const first = subject.fields[0];
  if (where === 'payload' || !first) return { ...input, payload: deep };
  return { ...input, fields: { ...input.fields, [first.name]: { ...input.fields[first.name]!, value: deep, present: true } } };
}

interface Ctx {
  set(key: string, value: unknown): void;
}
