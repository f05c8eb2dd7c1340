import assert from 'node:assert/strict';
import { catalogue } from '../../nodes/catalogue/index';
import type { OperationSpec, ParamSpec } from '../../nodes/catalogue/types';
import { buildCall, type ApiCall } from '../../nodes/runtime/operations/request-builder';
import { MultipartBody } from '../../nodes/runtime/http/multipart';
import { ApiSpec, type SpecOperation } from './spec';

/**
 * Every enumerated value a node offers goes out as the official spec spells it. The spec is the oracle: each value
 * of each enum field is run through the node's own request building (prepare hook included), and wherever it lands
 * (a query parameter or a JSON body property) the spec's enum for that place must hold it letter for letter; where
 * the spec has no enum there, the spec's description of that place must name it letter for letter.
 */

const PROBE = 'probe-value-unknown-to-the-spec';

/** The values a field offers: its enum, or the enum of its schema or of its schema's items. */
function offeredValues(param: ParamSpec): readonly string[] | undefined {
  const schema = param.schema as { enum?: unknown; items?: { enum?: unknown } } | undefined;
  const values = param.enum ?? schema?.enum ?? schema?.items?.enum;
  return Array.isArray(values) ? values.map(String) : undefined;
}

/**
 * The call a node builds with only this field set. A prepare hook that needs other fields (share needs a title)
 * is left out: the field then goes where its entry declares.
 */
async function callWith(op: OperationSpec, param: ParamSpec, value: string): Promise<ApiCall> {
  const values = { [param.name]: param.kind === 'string-list' ? [value] : value };
  const options = Object.fromEntries((op.options ?? []).map((option) => [option.name, option.default]));
  try {
    return buildCall(op, op.prepare ? await op.prepare(values, options) : values);
  } catch {
    return buildCall(op, values);
  }
}

/** Property paths of the body where the value is. */
function bodyPaths(body: unknown, value: string, at: string[] = []): string[][] {
  if (body === value) return [at];
  if (!body || typeof body !== 'object' || body instanceof MultipartBody) return [];
  return Object.entries(body).flatMap(([key, inner]) => bodyPaths(inner, value, [...at, key]));
}

/** What the spec says may go at one place: its enum, else the text describing it. */
interface Allowed {
  where: string;
  enum?: readonly string[];
  descriptions: string[];
}

/** The places of the call that hold the value, with what the spec allows at each. */
function allowedAt(specOp: SpecOperation, call: ApiCall, value: string): Allowed[] {
  const places: Allowed[] = [];
  for (const [name, sent] of Object.entries(call.query)) {
    if (!sent.split(',').includes(value)) continue;
    const param = specOp.parameters.find((p) => p.in === 'query' && p.name === name);
    places.push({ where: `query ${name}`, enum: param?.enum, descriptions: param?.description ? [param.description] : [] });
  }
  for (const path of bodyPaths(call.body, value)) {
    const levels = specOp.bodySchemaPath?.(path) ?? [];
    const last = levels[levels.length - 1] ?? [];
    const enumNode = last.find((node) => Array.isArray(node.enum));
    const descriptions = levels.flat().map((node) => node.description).filter((d): d is string => typeof d === 'string');
    places.push({ where: `body ${path.join('.')}`, enum: enumNode?.enum as string[] | undefined, descriptions });
  }
  return places;
}

const namedIn = (text: string, value: string): boolean =>
  new RegExp(`(^|[^A-Za-z0-9_])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9_]|$)`).test(text);

describe('enumerated values against the official spec', function () {
  before(function () {
    if (!ApiSpec.available()) {
      console.log('      ../shared/symphony-api-spec is absent: the enum check is skipped');
      this.skip();
    }
  });

  it('sends every enum value of every node as the spec spells it for that parameter or property', async function () {
    const spec = new ApiSpec();
    const problems: string[] = [];
    const checked: string[] = [];
    for (const op of catalogue) {
      if (op.dynamicTarget) continue; // the generic node's method is the HTTP method, not a value on the wire
      const specOp = spec.find(op.method, op.path);
      if (!specOp) {
        problems.push(`${op.type}: ${op.method} ${op.path} is not in the spec`);
        continue;
      }
      for (const param of op.params) {
        const offered = offeredValues(param);
        if (!offered) continue;
        const field = `${op.type} ${param.name}`;
        const places = allowedAt(specOp, await callWith(op, param, PROBE), PROBE);
        if (places.length === 0) problems.push(`${field}: the value goes nowhere the spec describes`);
        for (const place of places) {
          if (!place.enum && place.descriptions.length === 0) {
            problems.push(`${field}: the spec has neither an enum nor a description at ${place.where}`);
            continue;
          }
          checked.push(field);
          for (const value of offered) {
            const sent = allowedAt(specOp, await callWith(op, param, value), value).some((at) => at.where === place.where);
            const spelled = place.enum ? place.enum.includes(value) : place.descriptions.some((text) => namedIn(text, value));
            if (!sent || !spelled) {
              problems.push(`${field}: ${value} at ${place.where}; the spec has ${place.enum ? `enum ${place.enum.join(', ')}` : `"${place.descriptions.join(' / ').trim()}"`}`);
            }
          }
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(checked.includes('symphony-connection-list connectionStatus'), `checked: ${checked.join(', ')}`);
  });
});
