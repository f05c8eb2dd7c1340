import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogue } from '../../nodes/catalogue/index';
import { escapeHtml } from '../../scripts/build/html';
import { type Catalog, lookupText, mergeCatalogs } from '../../scripts/build/locale';
import { builtCatalog, readBuilt, ROOT } from './support';

function leaves(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`));
}

describe('build: locale catalogue', () => {
  const catalog = builtCatalog();

  it('has every key the generated HTML uses (data-i18n; the operations\' dialogs: build/node-html.test)', () => {
    const html = readBuilt('symphony.html').replace(/<script type="text\/javascript">[\s\S]*?<\/script>/g, '');
    const keys = [...html.matchAll(/data-i18n="([^"]+)"/g), ...html.matchAll(/data-symphony-tab="([^"]+)"/g)]
      .flatMap((m) => (m[1] ?? '').split(';'))
      .map((key) => key.replace(/^\[[^\]]+\]/, ''));
    assert.ok(keys.length > 0);
    for (const key of keys) assert.notEqual(lookupText(catalog, key), undefined, key);
  });

  it('has every key the editor helper translates', () => {
    const helper = readBuilt('symphony.html').split('SymphonyEditor.init(')[0] ?? '';
    const keys = [...helper.matchAll(/'((?:editor|config)\.[A-Za-z0-9_.]+)'/g)].map((m) => m[1] ?? '');
    assert.ok(keys.includes('editor.validation.required'));
    for (const key of keys) assert.notEqual(lookupText(catalog, key), undefined, key);
  });

  it('is editor.json, every ops-<area>.json and node-<key>.json, and runtime.json merged, but the operations\' help texts (in the help file)', () => {
    const read = (name: string): Catalog => {
      const file = path.join(ROOT, 'locales', 'en-US', name);
      return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as Catalog : {};
    };
    const areaFiles = readdirSync(path.join(ROOT, 'locales', 'en-US')).filter((f) => /^(ops|node)-.*\.json$/.test(f));
    const sources = [read('editor.json'), ...areaFiles.map(read), read('runtime.json')];
    const helpTexts = new Set(catalogue.map((op) => `${op.id}.help.`));
    const served = sources.flatMap((c) => leaves(c)).filter((key) => !helpTexts.has(key.slice(0, key.indexOf('.help.') + 6)));
    assert.deepEqual(leaves(catalog).sort(), served.sort());
    assert.ok(served.length < sources.flatMap((c) => leaves(c)).length, 'operations have help texts, left out');
    const help = readBuilt('locales/en-US/symphony.html');
    for (const op of catalogue) {
      const summary = sources.map((c) => lookupText(c, `${op.id}.help.summary`)).find((text) => text !== undefined) ?? '';
      assert.ok(summary && help.includes(`<p>${escapeHtml(summary)}</p>`), `${op.type}: its summary is in the help file`);
    }
  });

  it('refuses a key defined in both files', () => {
    assert.throws(() => mergeCatalogs({ a: { b: 'x' } }, { a: { b: 'y' } }), /"a\.b" is defined in both/);
    assert.deepEqual(mergeCatalogs({ a: { b: 'x' } }, { a: { c: 'y' } }), { a: { b: 'x', c: 'y' } });
  });
});
