/**
 * The node types the package gives the editor, read from the built files: every operation of the catalogue and
 * every type the generated HTML registers (the config node and the dedicated nodes, such as symphony-events).
 */
import fs from 'node:fs';
import path from 'node:path';

/** dist/nodes (this file runs as dist/test/browser/node-types.js). */
const NODES_DIR = path.resolve(__dirname, '..', '..', 'nodes');

export interface NodeTypeInfo {
  type: string;
  /** The palette category the HTML registers it under ('config' for config nodes). */
  category: string;
}

export function catalogueTypes(): string[] {
  const catalogue = JSON.parse(fs.readFileSync(path.join(NODES_DIR, 'catalogue.json'), 'utf8')) as { operations: Array<{ type: string }> };
  return catalogue.operations.map((operation) => operation.type);
}

/**
 * `RED.nodes.registerType('type', { category: 'category'` in the generated HTML (the flow library's form; for the
 * operations `RED` is the editor helper's registry, which completes the definition from the catalogue data).
 */
export function htmlRegisteredTypes(): NodeTypeInfo[] {
  const html = fs.readFileSync(path.join(NODES_DIR, 'symphony.html'), 'utf8');
  const found: NodeTypeInfo[] = [];
  for (const match of html.matchAll(/RED\.nodes\.registerType\(\s*'([^']+)'\s*,\s*\{\s*category:\s*'([^']+)'/g)) {
    found.push({ type: match[1]!, category: match[2]! });
  }
  return found;
}

/** Every type, catalogue order first, then the HTML's others; each with its category. */
export function expectedNodeTypes(): NodeTypeInfo[] {
  const registered = htmlRegisteredTypes();
  const category = new Map(registered.map((r) => [r.type, r.category]));
  const types = [...new Set([...catalogueTypes(), ...registered.map((r) => r.type)])];
  return types.map((type) => ({ type, category: category.get(type) ?? '' }));
}
