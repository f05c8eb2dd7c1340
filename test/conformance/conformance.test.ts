import assert from 'node:assert/strict';
import { catalogue } from '../../nodes/catalogue/index';
import type { Simulator } from '../../simulator';
import { CONFIG_ID, configNode, helper, loadFlow, type FlowNode, type Msg } from '../helpers/flow';
import { UNPRIVILEGED_APP_ID, startTestSimulator } from '../helpers/simulator';
import { checkExchange } from './check-exchange';
import { STEPS, type Saved, type Step } from './fixtures';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy';
import { ApiSpec } from './spec';

/** The node of one step: every parameter field blank (read from msg), acting as the step says. */
function stepNode(step: Step, index: number): FlowNode {
  const op = catalogue.find((entry) => entry.type === step.type);
  if (!op) throw new Error(`no catalogue entry ${step.type}`);
  const fields = Object.fromEntries(op.params.flatMap((p) => [[p.name, ''], [`${p.name}Type`, p.types.includes('bool') ? 'bool' : 'str']]));
  return {
    id: `step${index}`, type: step.type, config: CONFIG_ID, ...fields,
    actAs: step.as === 'bot' ? 'bot' : 'username', oboUser: step.as === 'bot' ? '' : step.as, oboUserType: 'str',
    outputProperty: 'payload', ...step.props, wires: [['out']],
  };
}

/** Sends one msg to a node; resolves with the output msg or the Catch msg, whichever comes. */
function run(index: number, msg: Record<string, unknown>): Promise<Msg> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`step ${index} gave no answer`)), 10_000);
    const settle = (m: never): void => {
      clearTimeout(timer);
      helper.getNode('out').removeAllListeners('input');
      helper.getNode('caught').removeAllListeners('input');
      resolve(m as Msg);
    };
    helper.getNode('out').once('input', settle);
    helper.getNode('caught').once('input', settle);
    helper.getNode(`step${index}`).receive({ ...msg, _step: index });
  });
}

describe('conformance to the official Symphony API spec', function () {
  let sim: Simulator;
  let proxy: RecordingProxy;
  let spec: ApiSpec;
  /** What the steps returned, reused by the permission check. */
  const saved: Saved = {};

  before(async function () {
    if (!ApiSpec.available()) {
      console.log('      ../shared/symphony-api-spec is absent: the conformance test is skipped');
      this.skip();
    }
    spec = new ApiSpec();
    await helper.startServer();
    sim = await startTestSimulator();
    proxy = await startRecordingProxy(sim.url);
  });
  after(async function () {
    if (!spec) return; // skipped: nothing was started
    await helper.unload();
    await proxy?.close();
    await sim?.close();
    await helper.stopServer();
  });

  it('has a step for every node type, as the bot and, when OBO-enabled, on behalf of a user', function () {
    const missing: string[] = [];
    for (const op of catalogue) {
      if (!STEPS.some((s) => s.type === op.type && s.as === 'bot')) missing.push(`${op.type} as the bot`);
      if (op.oboPermissions !== null && !STEPS.some((s) => s.type === op.type && s.as !== 'bot')) missing.push(`${op.type} on behalf of a user`);
    }
    assert.deepEqual(missing, []);
  });

  it('sends only requests the spec describes and gets only answers the spec describes', async function () {
    this.timeout(120_000);
    await loadFlow([configNode(sim, { podUrl: proxy.url }), ...STEPS.map(stepNode), { id: 'out', type: 'helper' }]);
    const problems: string[] = [];
    for (const [index, step] of STEPS.entries()) {
      const label = `${step.type} as ${step.as}`;
      const before = proxy.exchanges.length;
      const out = await run(index, step.msg(saved));
      if (out.error) {
        problems.push(`${label}: failed: ${out.error.message}`);
        continue;
      }
      step.save?.(saved, out.payload);
      const exchanges = proxy.exchanges.slice(before);
      if (!exchanges.some((e) => !/\/(pubkey|sessionauth|keyauth)\//.test(e.path))) problems.push(`${label}: made no API request`);
      for (const exchange of exchanges) problems.push(...checkExchange(spec, exchange).map((p) => `${label}: ${p}`));
    }
    assert.deepEqual(problems, []);
  });

  it('refuses every OBO call of an app without the permission, naming the permission', async function () {
    this.timeout(120_000);
    await helper.unload();
    await loadFlow([configNode(sim, { appId: UNPRIVILEGED_APP_ID }), ...STEPS.map(stepNode), { id: 'out', type: 'helper' }]);
    const problems: string[] = [];
    const checked = new Set<string>();
    for (const [index, step] of STEPS.entries()) {
      const op = catalogue.find((entry) => entry.type === step.type);
      if (step.as === 'bot' || !op?.oboPermissions?.length || checked.has(step.type)) continue;
      checked.add(step.type);
      const out = await run(index, step.msg(saved));
      const named = op.oboPermissions.some((permission) => out.error?.message.includes(permission));
      if (out.error?.cause?.status !== 403 || !named) {
        problems.push(`${step.type}: expected a 403 naming ${op.oboPermissions.join(' or ')}, got ${out.error ? out.error.message : 'success'}`);
      }
    }
    assert.ok(checked.size > 0);
    assert.deepEqual(problems, []);
  });
});
