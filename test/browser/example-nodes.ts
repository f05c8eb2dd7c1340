/**
 * The nodes of examples/*.json whose dialogs the invariant opens: every node of this package, and of Node-RED's
 * own nodes one per distinct setting (their dialogs are Node-RED's, and two with the same settings but for name,
 * position and wires behave alike).
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLES } from '../helpers/demo';

interface ExampleNode {
  id: string;
  type: string;
  [property: string]: unknown;
}

/** What does not shape a dialog: identity, name, place and wiring. */
const LAYOUT = new Set(['id', 'name', 'x', 'y', 'z', 'g', 'wires']);

export function exampleNodesToCheck(): Array<{ id: string; label: string }> {
  const picked = new Map<string, string>();
  const settingsSeen = new Set<string>();
  for (const file of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort()) {
    const nodes = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as ExampleNode[];
    for (const node of nodes) {
      if (node.type === 'tab' || picked.has(node.id)) continue;
      if (!node.type.startsWith('symphony-')) {
        const settings = JSON.stringify(Object.entries(node).filter(([key]) => !LAYOUT.has(key)));
        if (settingsSeen.has(settings)) continue;
        settingsSeen.add(settings);
      }
      picked.set(node.id, `(examples/${file.replace(/ .*/, '')} ${node.id})`);
    }
  }
  return [...picked].map(([id, label]) => ({ id, label }));
}
