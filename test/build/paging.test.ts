/// <reference path="../../nodes/editor/editor-data.d.ts" />
import assert from 'node:assert/strict';
import path from 'node:path';
import { catalogue } from '../../nodes/catalogue/index';
import type { OperationSpec, PagingSpec, ParamSpec } from '../../nodes/catalogue/types';
import type { OperationNodeConfig } from '../../nodes/runtime/operations/inputs';
import { DEFAULT_MAX_ITEMS, pagingChoice } from '../../nodes/runtime/operations/paging';
import { BuildError } from '../../scripts/build/errors';
import { type Catalog, readEditorCatalogs } from '../../scripts/build/locale';
import { renderBuild } from '../../scripts/build/render';
import { readEditorScript } from '../../scripts/build/run';
import { htmlBlocks, loadEditor, ROOT, type Sandbox, withTexts } from './support';

const INTEGER_TYPES = ['num', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const skip: ParamSpec = { name: 'skip', in: 'query', kind: 'integer', types: INTEGER_TYPES, advanced: true };
const limit: ParamSpec = { name: 'limit', in: 'query', kind: 'integer', types: INTEGER_TYPES, advanced: true };

function lookup(): OperationSpec {
  const found = catalogue.find((op) => op.type === 'symphony-users-lookup');
  assert.ok(found);
  return found;
}

/** users-lookup made a paged list operation, as the users area might declare one. */
function pagedEntry(paging: PagingSpec = { style: 'skip-limit', items: 'users', maxPageSize: 500 }): OperationSpec {
  const op = lookup();
  return { ...op, params: [...op.params, skip, limit], paging };
}

function texts(): Catalog {
  return withTexts(readEditorCatalogs(path.join(ROOT, 'locales', 'en-US')), {
    'users-lookup.params.skip.label': 'Skip', 'users-lookup.params.skip.description': 'Items to skip.',
    'users-lookup.params.limit.label': 'Limit', 'users-lookup.params.limit.description': 'Items per page.',
    'users-lookup.params.pages.label': 'Pages', 'users-lookup.params.pages.description': 'A parameter of that name.',
  });
}

function render(operations: readonly OperationSpec[]) {
  return renderBuild({
    packageName: '@test/pkg', setName: 'symphony', operations, editorCatalog: texts(), runtimeCatalog: {},
    editorScript: readEditorScript(ROOT), localeSource: 'editor.json',
  });
}

describe('build: paging of list operations', () => {
  const op = pagedEntry();
  const built = render([op, ...catalogue.filter((o) => o.type !== op.type)]);
  const html = built.files['symphony.html'] ?? '';
  const catalog = JSON.parse(built.files['locales/en-US/symphony.json'] ?? '{}') as Catalog;
  const editor: Sandbox = loadEditor(html, catalog);
  const definition = editor.definitions.get(op.type);
  const template = editor.templates.get(op.type) ?? '';
  const help = editor.expandHelp(htmlBlocks(built.files['locales/en-US/symphony.html'] ?? '', 'data-help-name').get(op.type)?.[0] ?? '');

  function newNode(): Record<string, unknown> {
    assert.ok(definition);
    return Object.fromEntries(Object.entries(definition.defaults).map(([name, prop]) => [name, prop.value]));
  }

  function validate(name: string, value: unknown): boolean | string | undefined {
    return definition?.defaults[name]?.validate?.call({}, value, { label: name });
  }

  describe('edit dialog', () => {
    it('has a Pages section after the parameters and options, before Output', () => {
      const at = (needle: string): number => template.indexOf(needle);
      assert.ok(at('symphony-section') > at('id="node-input-usernames"'), 'after the parameters');
      assert.ok(at('data-i18n="editor.paging.section"') > 0, 'titled Pages');
      assert.ok(at('id="node-input-pages"') > at('symphony-section'));
      assert.ok(at('id="node-input-maxItems"') > at('id="node-input-pages"'));
      assert.ok(at('id="node-input-split"') > at('id="node-input-maxItems"'));
      assert.ok(at('id="node-input-outputProperty"') > at('id="node-input-split"'), 'before Output');
    });

    it('offers one page / all pages, a whole-number cap with the default as placeholder, and list / per item', () => {
      assert.match(template, /<select id="node-input-pages"[^>]*><option value="one" data-i18n="editor\.paging\.pages\.one"><\/option><option value="all" data-i18n="editor\.paging\.pages\.all"><\/option><\/select>/);
      assert.match(template, new RegExp(`<div class="form-row" id="symphony-max-items-row">[\\s\\S]*?<input type="number" id="node-input-maxItems" min="1" step="1" placeholder="${DEFAULT_MAX_ITEMS}"`));
      assert.match(template, /<select id="node-input-split"[^>]*><option value="list" data-i18n="editor\.paging\.split\.list"><\/option><option value="items" data-i18n="editor\.paging\.split\.items"><\/option><\/select>/);
    });

    it('tells the editor helper the entry is paged', () => {
      const data = /SymphonyEditor\.init\((.*)\);\n<\/script>/.exec(html)?.[1] ?? '{}';
      const operations = (JSON.parse(data) as SymphonyEditorData.Catalogue).operations;
      assert.equal(operations[op.type]?.paged, true);
      assert.equal(operations['symphony-im-create']?.paged, false);
    });

    it('leaves entries without paging alone', () => {
      const other = editor.templates.get('symphony-im-create') ?? '';
      assert.ok(!other.includes('node-input-pages'));
      assert.deepEqual(Object.keys(editor.definitions.get('symphony-im-create')?.defaults ?? {}).filter((n) => ['pages', 'maxItems', 'split'].includes(n)), []);
    });
  });

  describe('node properties', () => {
    it('declares pages, maxItems and split with the runtime\'s defaults', () => {
      const node = newNode();
      assert.deepEqual({ pages: node.pages, maxItems: node.maxItems, split: node.split }, { pages: 'one', maxItems: DEFAULT_MAX_ITEMS, split: 'list' });
    });

    it('are the names and values the runtime reads', () => {
      const config = (extra: Record<string, unknown>): OperationNodeConfig => ({ id: 'n1', ...newNode(), ...extra });
      const defaults = { allPages: false, maxItems: DEFAULT_MAX_ITEMS, perItem: false };
      assert.deepEqual(pagingChoice(config({}), op), defaults, 'a new node does what the runtime does by default');
      assert.deepEqual(pagingChoice({ id: 'n1' }, op), defaults, 'an older node without the properties: the same');
      assert.deepEqual(pagingChoice(config({ pages: 'all', maxItems: '50', split: 'items' }), op), { allPages: true, maxItems: 50, perItem: true });
    });

    it('validates pages and split as their choices, maxItems as a positive whole number (blank: the default)', () => {
      for (const value of ['one', 'all', undefined]) assert.equal(validate('pages', value), true, String(value));
      assert.match(String(validate('pages', 'some')), /one, all/);
      for (const value of ['list', 'items', undefined]) assert.equal(validate('split', value), true, String(value));
      assert.match(String(validate('split', 'each')), /list, items/);
      for (const value of [1, 1000, '50', '', undefined]) assert.equal(validate('maxItems', value), true, String(value));
      for (const value of [0, -1, '1.5', 'many']) assert.match(String(validate('maxItems', value)), /whole number of at least 1/, String(value));
    });

    it('accepts a new node as it is, and keeps its label', () => {
      const node = newNode();
      assert.ok(definition);
      for (const [name, prop] of Object.entries(definition.defaults)) {
        if (prop.validate) assert.equal(prop.validate.call(node, node[name], {}), true, name);
      }
      const plain = render(catalogue);
      const plainEditor = loadEditor(plain.files['symphony.html'] ?? '', JSON.parse(plain.files['locales/en-US/symphony.json'] ?? '{}') as Catalog);
      const before = plainEditor.definitions.get(op.type);
      for (const fields of [{ usernames: 'alice', usernamesType: 'str' }, { name: 'mine' }, { actAs: 'userId' }]) {
        const after = { ...node, ...fields, pages: 'all', split: 'items' };
        assert.equal(definition.label.call(after), before?.label.call({ ...node, ...fields }));
      }
    });
  });

  describe('help', () => {
    it('explains pages, maxItems and split, where the items are and the API\'s page size', () => {
      const section = /<h4>Pages<\/h4>\n<p>([^\n]*)<\/p>/.exec(help)?.[1] ?? '';
      assert.ok(section, 'a Pages paragraph');
      for (const part of ['<code>pages</code>', '<code>maxItems</code>', '<code>split</code>', `<code>${DEFAULT_MAX_ITEMS}</code>`,
        '<code>500</code>', 'in the answer&#39;s <code>users</code> property', 'msg.parts']) {
        assert.ok(section.includes(part), part);
      }
      assert.ok(help.indexOf('<h4>Pages</h4>') < help.indexOf('<h4>Errors</h4>'));
    });

    it('says so when the answer is the list itself', () => {
      const root = render([pagedEntry({ style: 'skip-limit', items: '', maxPageSize: 100 })]);
      const text = htmlBlocks(root.files['locales/en-US/symphony.html'] ?? '', 'data-help-name').get(op.type)?.[0] ?? '';
      assert.match(text, /the items are the answer itself \(an array\)/);
      assert.match(text, /<code>100<\/code>/);
    });

    it('has no Pages part for an entry without paging', () => {
      const other = htmlBlocks(built.files['locales/en-US/symphony.html'] ?? '', 'data-help-name').get('symphony-im-create')?.[0] ?? '';
      assert.ok(!other.includes('<h4>Pages</h4>'));
    });
  });

  describe('fails the build', () => {
    for (const name of ['pages', 'maxItems', 'split']) {
      it(`when a paged entry has a parameter named ${name}`, () => {
        const clash: OperationSpec = { ...op, params: [...op.params, { name, in: 'query', kind: 'string', types: ['str'] }] };
        assert.throws(() => render([clash]), (err: unknown) => err instanceof BuildError
          && new RegExp(`symphony-users-lookup: property "${name}" is defined twice \\(a paged entry's node has pages, maxItems, split`).test(err.message));
      });
    }

    it('when skip-limit paging lacks its skip or limit parameter', () => {
      const noSkip: OperationSpec = { ...op, params: op.params.filter((p) => p.name !== 'skip') };
      assert.throws(() => render([noSkip]), /symphony-users-lookup: paging style skip-limit needs a parameter named "skip"/);
    });

    it('when cursor paging has no after parameter or no cursorPath', () => {
      const cursor = pagedEntry({ style: 'cursor', items: 'users', maxPageSize: 100 });
      assert.throws(() => render([cursor]), (err: unknown) => err instanceof BuildError
        && /needs a parameter named "after"/.test(err.message) && /needs cursorPath/.test(err.message));
    });

    it('when cursor paging names a cursor parameter the entry does not have', () => {
      const cursor = pagedEntry({ style: 'cursor', items: 'users', maxPageSize: 100, cursorParam: 'next', cursorPath: 'nextOffset' });
      assert.throws(() => render([cursor]), /symphony-users-lookup: paging style cursor needs a parameter named "next"/);
    });

    it('when numbered pages lack their page parameter', () => {
      assert.throws(() => render([pagedEntry({ style: 'page-number', items: 'users', maxPageSize: 50 })]),
        /symphony-users-lookup: paging style page-number needs a parameter named "page"/);
    });

    it('when the page size is not a positive whole number', () => {
      assert.throws(() => render([pagedEntry({ style: 'skip-limit', items: 'users', maxPageSize: 0 })]), /maxPageSize must be a positive whole number/);
    });

    it('but not for an unpaged entry with a parameter named like them', () => {
      const plain: OperationSpec = { ...lookup(), params: [...lookup().params, { name: 'pages', in: 'query', kind: 'string', types: ['str'] }] };
      assert.doesNotThrow(() => render([plain]));
    });
  });
});
