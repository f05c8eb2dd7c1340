import assert from 'node:assert/strict';
import type { PagingSpec, ParamValues } from '../../nodes/catalogue/types';
import { readPages } from '../../nodes/runtime/operations/paging';

const ALL = { allPages: true, maxItems: 1000, perItem: false };
const numbers = Array.from({ length: 23 }, (_, i) => ({ userId: i + 1 }));

/** A fake API over `numbers`, recording the values of every page request. */
function api(style: PagingSpec['style']): { fetch: (v: ParamValues) => Promise<unknown>; calls: ParamValues[] } {
  const calls: ParamValues[] = [];
  const fetch = async (values: ParamValues): Promise<unknown> => {
    calls.push(values);
    const limit = Number(values.limit);
    if (style === 'skip-limit') return { items: numbers.slice(Number(values.skip ?? 0), Number(values.skip ?? 0) + limit) };
    if (style === 'cursor') {
      const start = values.after === undefined ? 0 : Number(values.after);
      const page = numbers.slice(start, start + limit);
      const next = start + limit < numbers.length ? String(start + limit) : undefined;
      return { items: page, pagination: { cursors: { after: next } } };
    }
    // last-item: the page starts at the given id, included.
    const from = values.lastUserId === undefined ? 0 : numbers.findIndex((n) => n.userId === values.lastUserId);
    return numbers.slice(from, from + limit);
  };
  return { fetch, calls };
}

describe('reading all pages', function () {
  it('walks skip/limit pages to the end', async function () {
    const { fetch, calls } = api('skip-limit');
    const result = await readPages({ style: 'skip-limit', items: 'items', maxPageSize: 10 }, ALL, {}, fetch, 'op');
    assert.deepEqual(result.items, numbers);
    assert.equal(result.truncated, false);
    assert.deepEqual(calls.map((c) => [c.skip, c.limit]), [[0, 10], [10, 10], [20, 10]]);
  });

  it('follows the cursor until there is none', async function () {
    const { fetch } = api('cursor');
    const result = await readPages({ style: 'cursor', items: 'items', maxPageSize: 5, cursorPath: 'pagination.cursors.after' }, ALL, {}, fetch, 'op');
    assert.deepEqual(result.items, numbers);
  });

  it('passes the last item on and drops its repetition', async function () {
    const { fetch, calls } = api('last-item');
    const spec: PagingSpec = { style: 'last-item', items: '', maxPageSize: 7, cursorParam: 'lastUserId', cursorField: 'userId' };
    const result = await readPages(spec, ALL, {}, fetch, 'op');
    assert.deepEqual(result.items, numbers, 'every user once, in order');
    assert.deepEqual(calls.map((c) => c.lastUserId), [undefined, 7, 13, 19]);
  });

  it('stops at the cap and says the list was cut short', async function () {
    const { fetch } = api('skip-limit');
    const result = await readPages({ style: 'skip-limit', items: 'items', maxPageSize: 10 }, { ...ALL, maxItems: 15 }, {}, fetch, 'op');
    assert.equal(result.items.length, 15);
    assert.equal(result.truncated, true);
  });

  it('refuses to read backwards through all pages', async function () {
    const { fetch } = api('cursor');
    await assert.rejects(
      readPages({ style: 'cursor', items: 'items', maxPageSize: 5, cursorPath: 'x' }, ALL, { before: 'abc' }, fetch, 'op'),
      /^before: reads backwards/,
    );
  });
});
