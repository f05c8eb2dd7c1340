/**
 * Where an operation node puts its result: `msg.<outputProperty>`. A plain name is written directly, anything else
 * through Node-RED; either way the msg must come out as Node-RED's own property expressions would make it, which
 * is the oracle here (@node-red/util, not the package's code), for random names and paths.
 *
 * PROPERTY_SEED replays a run (the seed is printed with a failure).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { NodeAPI, NodeMessage } from '../../nodes/runtime/core/node-red';
import { outputProperty } from '../../nodes/runtime/operations/output-property';

interface NodeRedUtil {
  getMessageProperty(msg: NodeMessage, property: string): unknown;
  setMessageProperty(msg: NodeMessage, property: string, value: unknown, createMissing?: boolean): boolean;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { util } = require('@node-red/util') as { util: NodeRedUtil };
const SEED = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RED = { util } as unknown as NodeAPI;

const identifier = fc.stringMatching(/^[A-Za-z_$][\w$]{0,8}$/);
/** Plain names, the names objects already have, paths with dots and brackets, and names outside ASCII. */
const property = fc.oneof(
  identifier,
  fc.constantFrom('payload', 'constructor', 'toString', 'hasOwnProperty', '__proto__', 'é', 'prix€'),
  fc.array(identifier, { minLength: 2, maxLength: 4 }).map((parts) => parts.join('.')),
  fc.tuple(identifier, fc.string({ maxLength: 6 }).filter((key) => !/["\\]/.test(key))).map(([head, key]) => `${head}["${key}"]`),
);
const value = fc.oneof(fc.jsonValue(), fc.constant(undefined));
/** A msg as it arrives: a payload and maybe other properties, some of which the path may cross. */
const message = fc.dictionary(identifier, fc.jsonValue(), { maxKeys: 4 }).map((rest) => ({ payload: 'in', ...rest }) as NodeMessage);

/** What a call gives back, or that it threw. */
function outcome(call: () => unknown): { value: unknown } | { threw: true } {
  try {
    return { value: call() };
  } catch {
    return { threw: true };
  }
}

describe('output property (msg.<outputProperty>)', function () {
  it('writes and reads the msg exactly as Node-RED\'s property expressions do, whatever the name or path', function () {
    fc.assert(fc.property(property, value, message, (name, result, msg) => {
      const expected = structuredClone(msg);
      let refused: unknown;
      try {
        util.setMessageProperty(expected, name, result, true);
      } catch (err) {
        refused = err;
      }
      const ours = structuredClone(msg);
      const output = outputProperty(RED, name);
      if (refused !== undefined) {
        assert.throws(() => output.set(ours, result));
        return;
      }
      output.set(ours, result);
      assert.deepEqual(ours, expected);
      // Reading through a path that crosses a non-object throws in Node-RED: it must throw here too.
      assert.deepEqual(outcome(() => output.get(ours)), outcome(() => util.getMessageProperty(expected, name)));
    }), { seed: SEED, numRuns: 500 });
  });
});
