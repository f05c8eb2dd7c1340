import assert from 'node:assert/strict';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { catalogue } from '../../nodes/catalogue/index';
import { AJV_OPTIONS, inputSchema, inputValidator, validatorFile } from '../../nodes/runtime/operations/input-schema';
import { NODES_DIR } from './support';

/** Values of each kind a field may wrongly hold, and a few right ones, to compare two validators' verdicts. */
const SAMPLES: unknown[] = ['', 'x', 'abc-DEF_1', ' x', 0, 1, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, true, null, [], [1, 2], [''], ['a'], [0], {}, { name: 'a', content: 'b' }, [{ name: '', content: 1 }]];

describe('build: generated input validators (dist/nodes/validators)', () => {
  const ajv = new Ajv(AJV_OPTIONS);

  for (const op of catalogue) {
    it(`${op.type}: made from the catalogue's schema, and judges input as ajv compiling that schema does`, () => {
      const generated = require(path.join(NODES_DIR, validatorFile(op))) as ValidateFunction & { sourceSchema?: string };
      assert.equal(generated.sourceSchema, JSON.stringify(inputSchema(op)));
      assert.equal(inputValidator(op), generated, 'the runtime uses the generated validator');
      const compiled = ajv.compile(inputSchema(op));
      const inputs: unknown[] = [{}, { unknown: 1 }];
      for (const param of op.params) for (const sample of SAMPLES) inputs.push({ [param.name]: sample });
      for (const input of inputs) {
        assert.equal(generated(input), compiled(input), JSON.stringify(input));
        assert.deepEqual(generated.errors ?? null, compiled.errors ?? null, JSON.stringify(input));
      }
    });
  }
});
