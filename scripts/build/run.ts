import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { catalogue } from '../../nodes/catalogue/index';
import type { OperationSpec } from '../../nodes/catalogue/types';
import { dedicatedNodes } from '../../nodes/dedicated/index';
import type { DedicatedNodeSpec } from '../../nodes/dedicated/types';
import { migrationsScript } from './config-migrations';
import { BuildError } from './errors';
import { readCatalog, readEditorCatalogs } from './locale';
import { areaIcon } from './palette';
import { type BuildInputs, renderBuild } from './render';
import { updateReadme } from './readme';
import { validatorFiles } from './validators';

export interface BuildOptions {
  /** Package root (holds package.json, dist/editor, locales/, README.md). */
  root: string;
  /** Folder of editor.json and runtime.json; default `<root>/locales/en-US`. */
  localesDir?: string;
  /** Where the generated files go; default the folder of the runtime entry named in package.json. */
  outDir?: string;
  /** README whose generated tables to update (between their markers); default `<root>/README.md`; `null`: none. */
  readme?: string | null;
  /** Default: the compiled catalogue. */
  operations?: readonly OperationSpec[];
  /** Default: every node of nodes/dedicated. */
  dedicated?: readonly DedicatedNodeSpec[];
}

export interface BuildReport {
  written: string[];
  readmeUpdated: boolean;
}

interface PackageInfo {
  name: string;
  setName: string;
  entryDir: string;
}

function readPackage(root: string): PackageInfo {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name?: string; 'node-red'?: { nodes?: Record<string, string> } };
  const entries = Object.entries(pkg['node-red']?.nodes ?? {});
  const entry = entries[0];
  if (!pkg.name || entries.length !== 1 || !entry) {
    throw new BuildError('package.json needs a name and exactly one "node-red".nodes entry (the runtime entry)');
  }
  return { name: pkg.name, setName: path.basename(entry[1], '.js'), entryDir: path.join(root, path.dirname(entry[1])) };
}

/**
 * The editor helper compiled by tsconfig.editor.json, one file per source in nodes/editor (a stale output of a
 * deleted source is left out). Namespace files: their order does not matter.
 */
export function readEditorScript(root: string): string {
  const sources = readdirSync(path.join(root, 'nodes', 'editor')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const code = sources.map((source) => {
    const compiled = path.join(root, 'dist', 'editor', source.replace(/\.ts$/, '.js'));
    if (!existsSync(compiled)) throw new BuildError(`${compiled} is missing: run "tsc -p tsconfig.editor.json" first`);
    return readFileSync(compiled, 'utf8').replace(/^"use strict";\s*$/m, '').trim();
  });
  return `"use strict";\n${code.join('\n')}`;
}

/**
 * The icons go beside the runtime entry: for an installed module Node-RED 4 looks only in `<dir of the .js>/icons`
 * (registry localfilesystem getModuleNodeFiles), not in the package root's icons/. Every area in use needs one.
 */
function iconFiles(root: string, operations: readonly OperationSpec[], dedicated: readonly DedicatedNodeSpec[]): Record<string, string> {
  const dir = path.join(root, 'icons');
  const icons = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.svg')) : [];
  const missing = [...new Set([...operations.map((op) => areaIcon(op.area)), ...dedicated.map((spec) => spec.icon)])].filter((icon) => !icons.includes(icon));
  if (missing.length > 0) throw new BuildError(`missing palette icon(s) in icons/: ${missing.join(', ')}`);
  return Object.fromEntries(icons.map((icon) => [`icons/${icon}`, readFileSync(path.join(dir, icon), 'utf8')]));
}

function writeIfChanged(file: string, content: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export function runBuild(options: BuildOptions): BuildReport {
  const pkg = readPackage(options.root);
  const localesDir = options.localesDir ?? path.join(options.root, 'locales', 'en-US');
  const outDir = options.outDir ?? pkg.entryDir;
  const editorLocale = path.join(localesDir, 'editor.json');
  const inputs: BuildInputs = {
    packageName: pkg.name,
    setName: pkg.setName,
    operations: options.operations ?? catalogue,
    dedicated: options.dedicated ?? dedicatedNodes,
    editorCatalog: readEditorCatalogs(localesDir),
    runtimeCatalog: readCatalog(path.join(localesDir, 'runtime.json'), true),
    editorScript: `${readEditorScript(options.root)}\n${migrationsScript(options.root)}`,
    localeSource: path.relative(options.root, editorLocale) || editorLocale,
  };
  const icons = iconFiles(options.root, inputs.operations, inputs.dedicated ?? []);
  const outputs = renderBuild(inputs);
  const written = Object.entries({ ...outputs.files, ...icons, ...validatorFiles(inputs.operations) }).map(([relative, content]) => {
    const file = path.join(outDir, relative);
    writeIfChanged(file, content);
    return file;
  });

  const readmeFile = options.readme === undefined ? path.join(options.root, 'README.md') : options.readme;
  let readmeUpdated = false;
  if (readmeFile && existsSync(readmeFile)) {
    const current = readFileSync(readmeFile, 'utf8');
    const updated = updateReadme(current, outputs.readmeSections);
    if (updated !== current) {
      writeFileSync(readmeFile, updated);
      readmeUpdated = true;
    }
  }
  return { written, readmeUpdated };
}
