import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalogue } from '../../nodes/catalogue/index';
import type { OperationSpec } from '../../nodes/catalogue/types';
import { BuildError } from '../../scripts/build/errors';
import { readEditorCatalogs, type Catalog } from '../../scripts/build/locale';
import { renderBuild } from '../../scripts/build/render';
import { ROOT } from './support';

const LOCALES = path.join(ROOT, 'locales', 'en-US');

/** editor.json merged with the ops-<area>.json files, as the build reads them. */
function editorLocale(): Catalog {
  return readEditorCatalogs(LOCALES);
}

function render(operations: readonly OperationSpec[], editorCatalog: Catalog) {
  return renderBuild({
    packageName: '@test/pkg', setName: 'symphony', operations, editorCatalog, runtimeCatalog: {},
    editorScript: "t('editor.label.name');", localeSource: 'editor.json',
  });
}

function without(catalog: Catalog, key: string): Catalog {
  const copy = JSON.parse(JSON.stringify(catalog)) as Catalog;
  const parts = key.split('.');
  let node: Catalog = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Catalog;
  delete node[parts[parts.length - 1] ?? ''];
  return copy;
}

describe('build: fails on gaps', () => {
  const presence = catalogue.find((op) => op.type === 'symphony-presence-set');

  it('renders with the real locale texts', () => {
    assert.ok(render(catalogue, editorLocale()).files['symphony.html']);
  });

  it('names the node type and the key of a missing operation text', () => {
    assert.throws(() => render(catalogue, without(editorLocale(), 'presence-set.help.example')),
      (err: unknown) => err instanceof BuildError && /symphony-presence-set: missing locale text "presence-set\.help\.example"/.test(err.message));
  });

  it('names both places a parameter label may come from', () => {
    assert.ok(presence);
    const op: OperationSpec = { ...presence, params: [...presence.params, { name: 'mood', in: 'body', kind: 'string', types: ['str'] }] };
    assert.throws(() => render([op], editorLocale()),
      /symphony-presence-set: missing locale text "presence-set\.params\.mood\.label" or "editor\.params\.mood\.label"/);
  });

  it('fails on a shared text the editor helper uses', () => {
    assert.throws(() => render(catalogue, without(editorLocale(), 'editor.label.name')), /"editor\.label\.name"/);
  });

  it('rejects a parameter that would overwrite a common property', () => {
    assert.ok(presence);
    const op: OperationSpec = { ...presence, params: [{ name: 'config', in: 'body', kind: 'string', types: ['str'] }] };
    assert.throws(() => render([op], editorLocale()), /symphony-presence-set: property "config" is defined twice/);
  });

  it('exits non-zero from the command line and writes nothing', () => {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'symphony-build-'));
    try {
      const locales = path.join(temp, 'locales');
      cpSync(LOCALES, locales, { recursive: true });
      const usersTexts = JSON.parse(readFileSync(path.join(LOCALES, 'ops-users.json'), 'utf8')) as Catalog;
      writeFileSync(path.join(locales, 'ops-users.json'), JSON.stringify(without(usersTexts, 'users-lookup.label')));
      const out = path.join(temp, 'out');
      const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'build.js'), '--locales', locales, '--out', out, '--no-readme'], { encoding: 'utf8' });
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, /symphony-users-lookup: missing locale text "users-lookup\.label"/);
      assert.ok(!existsSync(out) || readdirSync(out).length === 0);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
