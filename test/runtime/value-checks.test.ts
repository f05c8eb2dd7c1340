import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_ERROR_MESSAGE, SymphonyError } from '../../nodes/runtime/core/errors';
import { normalise } from '../../nodes/runtime/operations/normalise';
import { describeValue, jsonProblem, MAX_JSON_DEPTH, pathSegmentProblem, QUOTE_LIMIT, quoteText } from '../../nodes/runtime/operations/value-checks';
import type { ParamKind, ParamSpec } from '../../nodes/catalogue/types';

/**
 * The oracle of "JSON carries it faithfully": JSON.stringify succeeds, its text is well-formed Unicode (a lone
 * surrogate would be mangled on its way into UTF-8), and parsing it gives the value back. Undefined members and
 * -0 count as carried: JSON drops or flattens them and no API can tell.
 */
function survivesJson(value: unknown): boolean {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return false;
  }
  if (text === undefined || Buffer.from(text, 'utf8').toString('utf8') !== text) return false;
  return sameJson(JSON.parse(text), value);
}

function sameJson(parsed: unknown, original: unknown): boolean {
  if (original === undefined) return parsed === null || parsed === undefined;
  if (typeof original === 'number') return parsed === original || (parsed === 0 && original === 0);
  if (original === null || typeof original !== 'object') return parsed === original;
  if (Array.isArray(original)) {
    return Array.isArray(parsed) && parsed.length === original.length && original.every((item, i) => sameJson(parsed[i], item));
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
  const kept = Object.entries(original).filter(([, v]) => v !== undefined);
  const parsedRecord = parsed as Record<string, unknown>;
  return Object.keys(parsedRecord).length === kept.length && kept.every(([k, v]) => Object.prototype.hasOwnProperty.call(parsedRecord, k) && sameJson(parsedRecord[k], v));
}

const KINDS: ParamKind[] = ['id', 'id-list', 'string-list', 'stream-id', 'string', 'number', 'integer', 'boolean', 'json'];

describe('values that can and cannot be sent', function () {
  it('refuses exactly the JSON values that JSON would not carry faithfully (random values of every type and depth)', function () {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withBoxedValues: false, withNullPrototype: true, withObjectString: true, withSparseArray: false, withTypedArray: false, withDate: false, withMap: false, withSet: false, maxDepth: 6 }), (value) => {
      fc.pre(value !== undefined); // a blank field never gets this far
      const problem = jsonProblem(value);
      if (problem === undefined) assert.ok(survivesJson(value), `accepted but not carried: ${describeValue(value)}`);
      else assert.ok(!survivesJson(value), `refused although JSON carries it: ${problem.at} ${problem.problem}`);
    }), { numRuns: 2000 });
  });

  it('refuses lone surrogates anywhere, keeps well-formed text of any script', function () {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (good, any) => {
      assert.equal(jsonProblem({ a: [good] }), undefined);
      const wellFormed = Buffer.from(any, 'utf8').toString('utf8') === any;
      assert.equal(jsonProblem({ a: [any] }) === undefined, wellFormed);
    }), { numRuns: 1000 });
  });

  it('refuses nesting past the limit without exhausting the stack, and cycles', function () {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) deep = { d: deep };
    assert.match(jsonProblem(deep)?.problem ?? '', new RegExp(`deeper than ${MAX_JSON_DEPTH} levels`));
    let fine: unknown = 1;
    for (let i = 0; i < MAX_JSON_DEPTH; i++) fine = [fine];
    assert.equal(jsonProblem(fine), undefined);
    const cycle: Record<string, unknown> = { a: { b: [] } };
    ((cycle.a as Record<string, unknown[]>).b).push(cycle);
    assert.deepEqual(jsonProblem(cycle), { at: '.a.b.0', problem: 'refers to itself (a circular structure)' });
    const shared = { x: 1 };
    assert.equal(jsonProblem({ one: shared, two: shared }), undefined, 'the same object twice is not a cycle');
  });

  it('takes a path segment only when it stays exactly one segment of the URL, as the URL parser sees it', function () {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('.', '..', ' ', '', '\t', 'a/b', '%2e%2e', '?x', '#y')), (value) => {
      const problem = pathSegmentProblem(value);
      if (problem !== undefined) return;
      const url = new URL(`http://h/base/${encodeURIComponent(value)}/end`);
      const segments = url.pathname.split('/');
      assert.equal(segments.length, 4, `${JSON.stringify(value)} became ${url.pathname}`);
      assert.equal(decodeURIComponent(segments[2]!), value);
      assert.equal(url.search, '');
      assert.equal(url.hash, '');
    }), { numRuns: 2000 });
    for (const bad of ['.', '..', '', '   ', 'a\u0000b', 'a\nb', '\uD800x']) assert.notEqual(pathSegmentProblem(bad), undefined, JSON.stringify(bad));
  });

  it('quotes at most about 200 characters of any value, and every normalising error stays short', function () {
    const huge = 'x'.repeat(1_000_000);
    assert.ok(quoteText(huge).length < QUOTE_LIMIT + 60);
    assert.ok(describeValue(BigInt(huge.replace(/x/g, '9').slice(0, 5000))).length < QUOTE_LIMIT + 60);
    fc.assert(fc.property(
      fc.constantFrom(...KINDS),
      fc.oneof(fc.anything({ withBigInt: true, maxDepth: 3 }), fc.string({ unit: 'binary', minLength: 5000, maxLength: 20000 }), fc.constant(huge), fc.constant(Number.NaN), fc.constant(Infinity)),
      (kind, value) => {
        const spec: ParamSpec = { name: 'field', in: 'body', kind, types: ['str'] };
        const result = normalise(spec, value);
        if (!result.ok) assert.ok(result.error.length < 600, `${kind}: ${result.error.length} characters`);
      },
    ), { numRuns: 1000 });
  });

  it('caps every error message, whatever was put in it', function () {
    const error = new SymphonyError('INVALID_INPUT', `field: ${'\uD83D\uDE00'.repeat(5000)}`, { operation: 'x', field: 'field' });
    assert.ok(error.message.length <= MAX_ERROR_MESSAGE);
    assert.equal(Buffer.from(error.message, 'utf8').toString('utf8'), error.message, 'no surrogate pair is cut in two');
  });

  it('refuses NaN and Infinity as text, and a BigInt or a lone surrogate anywhere, saying where', function () {
    const text: ParamSpec = { name: 'message', in: 'body', kind: 'string', types: ['str'] };
    for (const value of [Number.NaN, Infinity, -Infinity]) assert.equal(normalise(text, value).ok, false, String(value));
    assert.deepEqual(normalise(text, 12), { ok: true, value: '12' });
    const json: ParamSpec = { name: 'body', in: 'body-root', kind: 'json', types: ['json'] };
    assert.deepEqual(normalise(json, { a: [1, { b: 2n }] }), { ok: false, error: 'item a.1.b is a BigInt: pass a number or a string of digits' });
    assert.deepEqual(normalise(json, { text: 'ok \uDC00' }), { ok: false, error: 'item text has a lone surrogate at character 3: it is not valid Unicode text and cannot be sent' });
    assert.equal(normalise({ ...text, kind: 'string-list' }, ['fine', 'bad\uD800']).ok, false);
  });
});
