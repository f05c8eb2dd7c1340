/**
 * The example flows, read as Node-RED reads them: each is one importable tab whose operation nodes set every
 * field explicitly, sharing the one config node, which connects to the built-in simulator.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { findOperation } from '../../nodes/catalogue/index';
import { dedicatedNodes } from '../../nodes/dedicated/index';
import { buildDemoFlows, DEMO_CONFIG_ID, readExamples, type Example, type FlowNode } from '../../scripts/demo/example-flows';
import { SIMULATOR_URL_ENV } from '../../nodes/runtime/simulator-host/built-in-simulator';

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', '..', 'examples');

/**
 * The config node each example carries: the built-in simulator, so an import runs as it is; no credentials (none
 * needed, and exported flows never hold secrets); the pod's fields blank for whoever switches it to a pod.
 */
const CONFIG_NODE = {
  id: DEMO_CONFIG_ID, type: 'symphony-config', connectTo: 'simulator', name: '', podUrl: '', agentUrl: '',
  keyManagerUrl: '', authType: 'rsa', sessionAuthUrl: '', keyAuthUrl: '', botUsername: '', appId: '',
  proxyUrl: '', proxyUsername: '', caCertificates: '', timeout: 30, maxRetries: 3, retryUnsafe: false, oboCacheSize: 100,
};

const CHAIN = ['inject', 'lookup', 'im', 'send', 'presence'] as const;
const STEP_DEBUG: Record<string, [string, string]> = {
  lookup: ['debug-user', '1 user found'],
  im: ['debug-im', '2 IM'],
  send: ['debug-sent', '3 message sent'],
  presence: ['debug-presence', '4 presence'],
};

function node(example: Example, id: string): FlowNode {
  const found = example.nodes.find((n) => n.id === id);
  assert.ok(found, `${example.label} has a node ${id}`);
  return found;
}

function targets(n: FlowNode): string[] {
  return (n.wires as string[][]).flat();
}

/** How the flows that simulate a person find the simulator: the variable the built-in simulator sets. */
const SIMULATOR_URL = `$env('${SIMULATOR_URL_ENV}')`;
/** A simulator address written into a node: none may hold one, the built-in simulator's port is free. */
const HARD_CODED_ADDRESS = /127\.0\.0\.1|localhost|:7400\b/;

describe('examples', function () {
  const examples = readExamples(EXAMPLES_DIR);

  /** The two chains every reader starts with; the files after them show one area each. */
  const CHAINS = ['01 Lookup, IM, message, presence', '02 The same chain on behalf of a user (OBO)'];
  const isChain = (example: Example): boolean => CHAINS.includes(example.label);

  it('start with the two chains, then one file per area, numbered in menu order', function () {
    assert.deepEqual(examples.slice(0, 2).map((e) => e.label), CHAINS);
    const numbers = examples.map((e) => e.label.slice(0, 2));
    for (const [i, label] of examples.map((e) => e.label).entries()) {
      assert.match(label, /^\d\d [^:\\/*?"<>|]+$/, `${label}: two digits, a space, a name that is a valid file name everywhere`);
      assert.equal(numbers.indexOf(numbers[i]!), i, `${label}: its number is used once`);
    }
  });

  for (const example of examples) {
    const prefix = `ex${example.label.slice(0, 2)}`;

    describe(example.label, function () {
      it('is one tab whose nodes all sit on it, with readable ids and wires that lead somewhere', function () {
        const tabs = example.nodes.filter((n) => n.type === 'tab');
        assert.deepEqual(tabs.map((t) => t.id), [`${prefix}-tab`]);
        const ids = new Set(example.nodes.map((n) => n.id));
        assert.equal(ids.size, example.nodes.length, 'ids are unique');
        for (const n of example.nodes) {
          if (n.type === 'tab' || n.id === DEMO_CONFIG_ID) continue;
          assert.ok(n.id.startsWith(`${prefix}-`), `${n.id} starts with ${prefix}-`);
          assert.equal(n.z, `${prefix}-tab`, `${n.id} is on the tab`);
          assert.ok(typeof n.x === 'number' && typeof n.y === 'number', `${n.id} has a position`);
          assert.ok(Array.isArray(n.wires), `${n.id} has wires`);
          for (const target of targets(n)) assert.ok(ids.has(target), `${n.id} is wired to ${target}, which exists`);
        }
      });

      it('carries the shared config node, without credentials', function () {
        assert.deepEqual(node(example, DEMO_CONFIG_ID), CONFIG_NODE);
      });

      if (isChain(example)) it('chains inject, lookup, IM, message, presence, each step shown by a named debug node', function () {
        assert.equal(node(example, `${prefix}-inject`).payload, 'bob');
        assert.equal(node(example, `${prefix}-inject`).payloadType, 'str');
        for (let i = 0; i < CHAIN.length - 1; i += 1) {
          assert.ok(targets(node(example, `${prefix}-${CHAIN[i]}`)).includes(`${prefix}-${CHAIN[i + 1]}`), `${CHAIN[i]} -> ${CHAIN[i + 1]}`);
        }
        for (const [step, [debugId, name]] of Object.entries(STEP_DEBUG)) {
          assert.ok(targets(node(example, `${prefix}-${step}`)).includes(`${prefix}-${debugId}`), `${step} -> ${debugId}`);
          const debug = node(example, `${prefix}-${debugId}`);
          assert.deepEqual({ type: debug.type, name: debug.name, active: debug.active, tosidebar: debug.tosidebar }, { type: 'debug', name, active: true, tosidebar: true });
        }
        assert.deepEqual(targets(node(example, `${prefix}-catch`)), [`${prefix}-errors`]);
        assert.equal(node(example, `${prefix}-errors`).name, 'errors');
        assert.equal(node(example, `${prefix}-comment`).type, 'comment');
      });

      it('explains itself in a comment, and sends every failure to a debug node named "errors"', function () {
        assert.equal(node(example, `${prefix}-comment`).type, 'comment');
        assert.ok(String(node(example, `${prefix}-comment`).info).length > 0, 'the comment has an info text');
        assert.equal(node(example, `${prefix}-catch`).type, 'catch');
        assert.deepEqual(targets(node(example, `${prefix}-catch`)), [`${prefix}-errors`]);
        assert.deepEqual({ type: node(example, `${prefix}-errors`).type, name: node(example, `${prefix}-errors`).name }, { type: 'debug', name: 'errors' });
      });

      it('sets every field of every Symphony node explicitly', function () {
        const operations = example.nodes.filter((n) => findOperation(n.type));
        if (isChain(example)) assert.equal(operations.length, 4);
        else assert.ok(operations.length > 0 || example.nodes.some((n) => dedicatedNodes.some((spec) => spec.type === n.type)), 'has Symphony nodes');
        for (const n of operations) {
          const op = findOperation(n.type)!;
          assert.equal(n.config, DEMO_CONFIG_ID, n.id);
          assert.equal(n.outputProperty, 'payload', n.id);
          assert.ok(['bot', 'userId', 'username'].includes(String(n.actAs)), `${n.id} actAs`);
          assert.equal(typeof n.oboUser, 'string', `${n.id} oboUser`);
          for (const param of op.params) {
            assert.equal(typeof n[param.name], 'string', `${n.id}.${param.name}`);
            assert.ok(param.types.includes(n[`${param.name}Type`] as never), `${n.id}.${param.name}Type is one of ${param.types.join(', ')}`);
          }
          for (const option of op.options ?? []) assert.ok(option.values.includes(String(n[option.name])), `${n.id}.${option.name}`);
        }
      });

      const dedicated = example.nodes.filter((n) => dedicatedNodes.some((spec) => spec.type === n.type));
      if (dedicated.length > 0) it('sets every field of its events and parse message nodes explicitly', function () {
        for (const n of dedicated) {
          const spec = dedicatedNodes.find((d) => d.type === n.type)!;
          // A password is a credential: never in a flow.
          for (const field of spec.fields.filter((f) => f.input.kind !== 'password')) {
            assert.ok(n[field.name] !== undefined, `${n.id}.${field.name} is set`);
            if (field.input.kind === 'config') assert.equal(n[field.name], DEMO_CONFIG_ID, `${n.id}.${field.name}`);
          }
        }
      });

      const requests = example.nodes.filter((n) => n.type === 'http request');
      if (requests.length > 0) it(`simulates people through the simulator's control API at ${SIMULATOR_URL}, and says it only works there`, function () {
        for (const request of requests) {
          assert.equal(request.url, '', `${request.id} takes msg.url`);
          assert.equal(request.method, 'POST', `${request.id}.method`);
          const feeders = example.nodes.filter((n) => Array.isArray(n.wires) && targets(n).includes(request.id));
          assert.ok(feeders.length > 0, `${request.id} is fed`);
          for (const feeder of feeders) {
            const rules = (feeder.rules as Array<{ p: string; to: string; tot: string }> | undefined) ?? [];
            const url = rules.find((r) => r.p === 'url');
            assert.ok(url?.tot === 'jsonata' && url.to.startsWith(`${SIMULATOR_URL} & '/_sim/`), `${feeder.id} sets msg.url from ${SIMULATOR_URL}`);
          }
        }
        assert.match(String(node(example, `${prefix}-comment`).info), /only with the built-in simulator/);
      });
    });
  }

  it('runs 01 as the bot and 02 on behalf of alice', function () {
    const actAs = (example: Example): unknown[] => example.nodes.filter((n) => findOperation(n.type))
      .map((n) => ({ actAs: n.actAs, oboUser: n.oboUser, oboUserType: n.oboUserType }));
    assert.deepEqual(new Set(actAs(examples[0]!).map((a) => JSON.stringify(a))), new Set([JSON.stringify({ actAs: 'bot', oboUser: '', oboUserType: 'str' })]));
    assert.deepEqual(new Set(actAs(examples[1]!).map((a) => JSON.stringify(a))), new Set([JSON.stringify({ actAs: 'username', oboUser: 'alice', oboUserType: 'str' })]));
  });

  it('hold no simulator address, not even in the config node', function () {
    for (const example of examples) {
      for (const n of example.nodes) {
        assert.doesNotMatch(JSON.stringify(n), HARD_CODED_ADDRESS, `${example.label}: ${n.id}`);
      }
    }
  });

  it('show the events, parse message, form and command nodes in bots driven by events', function () {
    const used = (type: string): string[] => examples.filter((e) => e.nodes.some((n) => n.type === type)).map((e) => e.label.slice(0, 2));
    assert.deepEqual(used('symphony-events'), ['10', '11', '12', '13', '23', '24', '25']);
    assert.deepEqual(used('symphony-health'), ['25']);
    assert.deepEqual(used('symphony-form'), ['23']);
    assert.deepEqual(used('symphony-command'), ['24']);
    assert.deepEqual(used('symphony-message-parse'), ['14']);
  });

  describe('deployed together by the demo', function () {
    it('keep one config node, as the examples hold it', function () {
      const flows = buildDemoFlows(examples);
      const configs = flows.filter((n) => n.id === DEMO_CONFIG_ID);
      assert.deepEqual(configs, [CONFIG_NODE]);
      assert.equal(flows.length, examples.reduce((sum, e) => sum + e.nodes.length, 0) - (examples.length - 1));
    });

    it('refuse an id used by two examples', function () {
      const clash: Example = { label: 'clash', nodes: [{ id: 'ex01-inject', type: 'inject' }] };
      assert.throws(() => buildDemoFlows([...examples, clash]), /ex01-inject is used in both/);
    });
  });
});
