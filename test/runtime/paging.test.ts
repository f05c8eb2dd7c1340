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

  it('follows a cursor parameter of another name (the DLP violations\' next and nextOffset)', async function () {
    const calls: ParamValues[] = [];
    const fetch = async (values: ParamValues): Promise<unknown> => {
      calls.push(values);
      const start = values.next === undefined ? 0 : Number(values.next);
      const end = start + Number(values.limit);
      return { violations: numbers.slice(start, end), ...(end < numbers.length ? { nextOffset: String(end) } : {}) };
    };
    const spec: PagingSpec = { style: 'cursor', items: 'violations', maxPageSize: 10, cursorParam: 'next', cursorPath: 'nextOffset' };
    const result = await readPages(spec, ALL, {}, fetch, 'op');
    assert.deepEqual(result.items, numbers);
    assert.deepEqual(calls.map((c) => [c.next, c.after]), [[undefined, undefined], ['10', undefined], ['20', undefined]]);
  });

  describe('numbered pages', function () {
    /** A fake API over `numbers` paged by number from 0, saying how many pages there are (or not). */
    function pagesApi(withCount: boolean): { fetch: (v: ParamValues) => Promise<unknown>; calls: ParamValues[] } {
      const calls: ParamValues[] = [];
      const fetch = async (values: ParamValues): Promise<unknown> => {
        calls.push(values);
        const size = Number(values.limit);
        const page = Number(values.page);
        const items = numbers.slice(page * size, (page + 1) * size);
        return withCount ? { items, page, pageCount: Math.ceil(numbers.length / size) } : { items };
      };
      return { fetch, calls };
    }
    const spec: PagingSpec = { style: 'page-number', items: 'items', maxPageSize: 10, pageCountPath: 'pageCount' };

    it('walks the pages from the given one to the last the answer counts', async function () {
      const { fetch, calls } = pagesApi(true);
      const result = await readPages(spec, ALL, { page: 1 }, fetch, 'op');
      assert.deepEqual(result.items, numbers.slice(10));
      assert.deepEqual(calls.map((c) => [c.page, c.limit]), [[1, 10], [2, 10]]);
    });

    it('stops on a short page when the answer does not count them', async function () {
      const { fetch, calls } = pagesApi(false);
      const result = await readPages({ ...spec, pageCountPath: undefined }, ALL, {}, fetch, 'op');
      assert.deepEqual(result.items, numbers);
      assert.equal(calls.length, 3);
    });

    it('keeps the page size when the cap wants fewer items, so page numbers keep addressing the same items', async function () {
      const { fetch, calls } = pagesApi(true);
      const result = await readPages(spec, { ...ALL, maxItems: 15 }, {}, fetch, 'op');
      assert.deepEqual(result.items, numbers.slice(0, 15));
      assert.equal(result.truncated, true);
      assert.deepEqual(calls.map((c) => [c.page, c.limit]), [[0, 10], [1, 10]]);
    });
  });

  it('refuses to read backwards through all pages', async function () {
    const { fetch } = api('cursor');
    await assert.rejects(
      readPages({ style: 'cursor', items: 'items', maxPageSize: 5, cursorPath: 'x' }, ALL, { before: 'abc' }, fetch, 'op'),
      /^before: reads backwards/,
    );
  });
});
