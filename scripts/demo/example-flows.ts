import fs from 'node:fs';
import path from 'node:path';

/** The config node every example references; the demo keeps one copy of it. */
export const DEMO_CONFIG_ID = 'symphony-demo-config';

export type FlowNode = Record<string, unknown> & { id: string; type: string };

export interface Example {
  /** The file name without `.json`: the label Node-RED shows under Import > Examples. */
  label: string;
  nodes: FlowNode[];
}

function isFlowNode(value: unknown): value is FlowNode {
  if (value === null || typeof value !== 'object') return false;
  const { id, type } = value as Record<string, unknown>;
  return typeof id === 'string' && id !== '' && typeof type === 'string' && type !== '';
}

/** Every `*.json` in the examples folder, in file name order; a file that is not a flow fails with its name. */
export function readExamples(examplesDir: string): Example[] {
  const files = fs.readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort();
  return files.map((file) => {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8'));
    if (!Array.isArray(parsed) || !parsed.every(isFlowNode)) {
      throw new Error(`examples/${file} is not a Node-RED flow (an array of nodes with id and type)`);
    }
    return { label: file.slice(0, -'.json'.length), nodes: parsed };
  });
}

/**
 * One flows.json holding every example as it is, with a single copy of the config node they share (it connects to
 * the built-in simulator). Any other id used twice is an error: Node-RED would silently keep only one of the nodes.
 */
export function buildDemoFlows(examples: readonly Example[]): FlowNode[] {
  const flows: FlowNode[] = [];
  const seen = new Map<string, string>();
  for (const example of examples) {
    for (const node of example.nodes) {
      if (node.id === DEMO_CONFIG_ID && seen.has(node.id)) continue;
      const first = seen.get(node.id);
      if (first !== undefined) throw new Error(`node id ${node.id} is used in both "${first}" and "${example.label}"`);
      seen.set(node.id, example.label);
      flows.push(node);
    }
  }
  if (!seen.has(DEMO_CONFIG_ID)) throw new Error(`no example holds the config node ${DEMO_CONFIG_ID}`);
  return flows;
}
