/**
 * Shared by the build tests: where the built files are, and a sandbox that runs the generated
 * `<script type="text/javascript">` blocks the way the editor does (one global scope, in order) against a
 * fake RED, so the registered definitions and the editor helper can be exercised without a browser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { type Catalog, lookupText } from '../../scripts/build/locale';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const NODES_DIR = path.join(ROOT, 'dist', 'nodes');

export function readBuilt(relative: string): string {
  return readFileSync(path.join(NODES_DIR, relative), 'utf8');
}

export function builtCatalog(): Catalog {
  return JSON.parse(readBuilt('locales/en-US/symphony.json')) as Catalog;
}

/**
 * The scorecard's way of finding node types: a literal `RED.nodes.registerType('<type>', { category: '<category>'`
 * call (for the operations `RED` is the editor helper's registry, which completes them from the catalogue data).
 */
export const REGISTER_TYPE = /RED\.nodes\.registerType\(\s*'([^']+)'\s*,\s*\{\s*category\s*:\s*'([^']+)'/g;

export interface EditorNode {
  [property: string]: unknown;
}

type Validator = (this: EditorNode, value: unknown, opt?: { label?: string }) => boolean | string;

export interface PropertyDefinition {
  value: unknown;
  type?: string;
  required?: boolean;
  validate?: Validator;
}

export interface NodeDefinition {
  category: string;
  defaults: Record<string, PropertyDefinition>;
  credentials?: Record<string, { type: string }>;
  icon?: string;
  color?: string;
  label: (this: EditorNode) => string;
  paletteLabel?: (this: NodeDefinition) => string;
  oneditprepare?: (this: EditorNode) => void;
}

function scriptBlocks(html: string, type: string): string[] {
  const pattern = new RegExp(`<script type="${type}"([^>]*)>([\\s\\S]*?)</script>`, 'g');
  return [...html.matchAll(pattern)].map((m) => `${m[1] ?? ''}\u0000${m[2] ?? ''}`);
}

export function javascriptBlocks(html: string): string[] {
  return scriptBlocks(html, 'text/javascript').map((block) => block.split('\u0000')[1] ?? '');
}

/** `data-template-name` or `data-help-name` values of the `text/html` blocks, with their content. */
export function htmlBlocks(html: string, attribute: 'data-template-name' | 'data-help-name'): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  for (const block of scriptBlocks(html, 'text/html')) {
    const [attributes = '', content = ''] = block.split('\u0000');
    const name = new RegExp(`${attribute}="([^"]+)"`).exec(attributes)?.[1];
    if (name) blocks.set(name, [...(blocks.get(name) ?? []), content]);
  }
  return blocks;
}

export interface Sandbox {
  definitions: Map<string, NodeDefinition>;
  /** Each type's edit template as the editor reads it: the HTML's, or what the helper filled it with. */
  templates: Map<string, string>;
  /** A help text of locales/<lang>/symphony.html as the editor shows it, shared parts put in (expandHelp). */
  expandHelp: (help: string) => string;
  /** Type value the fake `$('#node-input-<x>').val()` answers, as an open dialog would. */
  dialogValues: Map<string, string>;
}

/** Runs the generated scripts with a fake RED whose `_` translates from the built catalogue. */
export function loadEditor(html: string, catalog: Catalog): Sandbox {
  const definitions = new Map<string, NodeDefinition>();
  const dialogValues = new Map<string, string>();
  const templates = new Map([...htmlBlocks(html, 'data-template-name')].map(([type, [content = ''] = []]) => [type, content]));
  const translate = (key: string, vars: Record<string, string> = {}): string => {
    const local = key.slice(key.indexOf(':') + 1);
    const text = lookupText(catalog, local);
    return text === undefined ? key : text.replace(/__(\w+)__/g, (whole, name: string) => vars[name] ?? whole);
  };
  const validateTypedProperty = (value: string, type: string): true | string => {
    if (type === 'num') return /^[+-]?\d+(\.\d+)?$/.test(value) || 'invalid number';
    if (type === 'json') {
      try {
        JSON.parse(value);
        return true;
      } catch {
        return 'invalid JSON';
      }
    }
    if (type === 'msg') return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(value) || 'invalid property';
    return true;
  };
  const context = vm.createContext({
    RED: {
      _: translate,
      nodes: { registerType: (type: string, def: NodeDefinition) => definitions.set(type, def) },
      utils: { validateTypedProperty },
    },
    $: (selector: string) => {
      const template = /^script\[data-template-name="([^"]+)"\]$/.exec(selector)?.[1];
      if (template !== undefined) {
        return { length: templates.has(template) ? 1 : 0, text: (content: string) => templates.set(template, content) };
      }
      const value = dialogValues.get(selector.replace(/^#node-input-/, ''));
      return { length: value === undefined ? 0 : 1, val: () => value };
    },
    URL,
  });
  for (const code of javascriptBlocks(html)) vm.runInContext(code, context);
  const helper = vm.runInContext('SymphonyEditor', context) as { expandHelp: (help: string) => string };
  return { definitions, templates, dialogValues, expandHelp: (help) => helper.expandHelp(help) };
}

/** A copy of `catalog` with the given dotted keys set, e.g. texts for a made-up entry. */
export function withTexts(catalog: Catalog, texts: Record<string, string>): Catalog {
  const copy = JSON.parse(JSON.stringify(catalog)) as Catalog;
  for (const [key, text] of Object.entries(texts)) {
    const parts = key.split('.');
    let node: Catalog = copy;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = typeof next === 'object' ? next : (node[part] = {});
    }
    node[parts[parts.length - 1] ?? ''] = text;
  }
  return copy;
}
