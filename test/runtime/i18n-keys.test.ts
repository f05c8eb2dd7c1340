/**
 * The runtime's user-visible texts live in locales/en-US/runtime.json: every `runtime.*` key the sources use
 * exists there, every text there is used (no dead texts), and text() renders them in English without Node-RED.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator, text, useTranslator, type Translate } from '../../nodes/runtime/core/i18n';
import type { NodeAPI } from '../../nodes/runtime/core/node-red';

/** From dist/test/runtime to the repository's TypeScript sources and locale files. */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const NODES = path.join(ROOT, 'nodes');

interface Catalog {
  [key: string]: string | Catalog;
}

function leaves(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`));
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Use {
  key: string;
  file: string;
}

const files = sources(NODES).map((file) => ({ file: path.relative(ROOT, file), code: readFileSync(file, 'utf8') }));
/** Editor code translates with the editor's own catalogue (checked by the build); the rest is runtime code. */
const runtimeFiles = files.filter(({ file }) => !file.split(path.sep).includes('editor'));

/** Every string literal naming a runtime text, wherever it is (a call, a table of keys...). */
const runtimeKeys: Use[] = files.flatMap(({ file, code }) =>
  [...code.matchAll(/(['"`])(runtime\.[A-Za-z0-9_.-]+)\1/g)].map((m) => ({ key: m[2] ?? '', file })));

/** The first argument of every t(...), this.t(...) and text(...) call that is a literal catalogue key. */
const calledKeys: Use[] = runtimeFiles.flatMap(({ file, code }) =>
  [...code.matchAll(/(?<![\w$])(?:t|text)\(\s*(['"`])([a-z][\w-]*(?:\.[\w-]+)+)\1/g)].map((m) => ({ key: m[2] ?? '', file })));

const runtimeJson = JSON.parse(readFileSync(path.join(ROOT, 'locales', 'en-US', 'runtime.json'), 'utf8')) as Catalog;
const runtimeTexts = new Set(leaves(runtimeJson));
const builtTexts = new Set(leaves(JSON.parse(readFileSync(path.join(ROOT, 'dist', 'nodes', 'locales', 'en-US', 'symphony.json'), 'utf8')) as Catalog));

describe('runtime texts (locales/en-US/runtime.json)', function () {
  it('finds the sources and their keys', function () {
    assert.ok(runtimeFiles.some(({ file }) => file === path.join('nodes', 'runtime', 'operations', 'normalise.ts')));
    assert.ok(runtimeKeys.length >= 100, `only ${runtimeKeys.length} keys found`);
    assert.ok(runtimeKeys.some(({ key }) => key === 'runtime.errors.input.required'));
  });

  it('holds every runtime.* key the sources use', function () {
    const missing = runtimeKeys.filter(({ key }) => !runtimeTexts.has(key)).map(({ key, file }) => `${key} (${file})`);
    assert.deepEqual(missing, []);
  });

  it('names every runtime text by a literal key, so that this scan sees them all', function () {
    const dynamic = files.flatMap(({ file, code }) => [...code.matchAll(/`runtime\.[^`]*\$\{/g)].map(() => file));
    assert.deepEqual(dynamic, []);
  });

  it('has every other key the runtime code translates in the built catalogue', function () {
    const missing = calledKeys.filter(({ key }) => !builtTexts.has(key)).map(({ key, file }) => `${key} (${file})`);
    assert.deepEqual(missing, []);
  });

  it('has no dead texts: every key in runtime.json is used', function () {
    const used = new Set(runtimeKeys.map(({ key }) => key));
    assert.deepEqual([...runtimeTexts].filter((key) => !used.has(key)), []);
  });

  it('only uses substitutions its texts have a placeholder for, and fills every placeholder', function () {
    // Key and literal substitutions of one call, e.g. text('runtime.x', { field, min: 1 }): names only.
    const problems: string[] = [];
    for (const { file, code } of runtimeFiles) {
      for (const m of code.matchAll(/(?<![\w$])(?:t|text|message)\(\s*'(runtime\.[\w.-]+)'\s*(?:,\s*\{([^{}]*)\})?\s*\)/g)) {
        const key = m[1] ?? '';
        const template = lookup(runtimeJson, key);
        if (template === undefined) continue;
        const given = propertyNames(m[2] ?? '');
        const wanted = [...template.matchAll(/__(\w+?)__/g)].map((p) => p[1] ?? '');
        for (const name of wanted) if (!given.includes(name)) problems.push(`${key} needs __${name}__ (${file})`);
        for (const name of given) if (!wanted.includes(name)) problems.push(`${key} has no __${name}__ (${file})`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

/** The property names of an object literal's body (`a, b: f(x, y), c: 'd, e'` gives a, b, c). */
function propertyNames(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const ch of body) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
    } else if (ch === '(' || ch === '[') {
      depth++;
    } else if (ch === ')' || ch === ']') {
      depth--;
    } else if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((part) => /^\s*([A-Za-z_$][\w$]*)\s*(?::|$)/.exec(part)?.[1] ?? '').filter(Boolean);
}

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

describe('text()', function () {
  afterEach(function () {
    useTranslator(undefined);
  });

  it('is English from the built catalogue when no translator is set', function () {
    assert.equal(text('runtime.errors.config.minimum', { min: 0 }), 'must be a number of at least 0');
    assert.equal(text('runtime.errors.input.listItem', { index: 2, error: 'must be a positive id' }), 'item 2: must be a positive id');
    assert.equal(text('runtime.no.such.key'), 'runtime.no.such.key');
  });

  it('goes through the translator set by useTranslator', function () {
    const seen: string[] = [];
    const t: Translate = (key, substitutions) => {
      seen.push(key);
      return `[${key}|${JSON.stringify(substitutions ?? {})}]`;
    };
    useTranslator(t);
    assert.equal(text('runtime.errors.config.minimum', { min: 1 }), '[runtime.errors.config.minimum|{"min":1}]');
    assert.deepEqual(seen, ['runtime.errors.config.minimum']);
  });

  it('falls back to English when the host does not know the key', function () {
    const RED = { _: (key: string) => key } as unknown as NodeAPI;
    useTranslator(createTranslator(RED));
    assert.equal(text('runtime.errors.http.timeout', { where: 'GET https://pod/x' }), 'no answer in time from GET https://pod/x');
    const namespaced = { _: (key: string) => `symphony:${key}` } as unknown as NodeAPI;
    useTranslator(createTranslator(namespaced));
    assert.equal(text('runtime.errors.keys.notRsa', { type: 'ec' }), 'is a ec key: Symphony needs an RSA key');
  });
});
