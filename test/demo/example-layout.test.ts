/**
 * Every example fits a 1600 x 1000 editor without scrolling, and no two of its nodes overlap. Node boxes are
 * estimated the way Node-RED sizes nodes (x, y is the centre; the width grows with the label in steps of 20 px,
 * at least 100 px; the height is 30 px, 15 px per port when more), with a conservative 8 px per character.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { readExamples, type FlowNode } from '../../scripts/demo/example-flows';
import { builtCatalog, loadEditor, readBuilt, type NodeDefinition } from '../build/support';

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', '..', 'examples');
export const EDITOR = { width: 1600, height: 1000 };
const CHAR_PX = 8;
/** The icon (30 px) and the padding either side of the label. */
const ICON_AND_PADDING_PX = 50;
const MIN_WIDTH = 100;
const NODE_HEIGHT = 30;
const PORT_HEIGHT = 15;

export interface Box {
  id: string;
  label: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Nodes that are not drawn on the workspace. */
const NOT_DRAWN = new Set(['tab', 'group', 'subflow']);

function ports(node: FlowNode): number {
  const wires = Array.isArray(node.wires) ? node.wires.length : 0;
  return Math.max(wires, typeof node.outputs === 'number' ? node.outputs : 0, 1);
}

export function boxOf(node: FlowNode, label: string): Box {
  const x = Number(node.x);
  const y = Number(node.y);
  // Node-RED draws a label's lines apart where it holds "\n".
  const lines = label.split('\\n');
  const longest = Math.max(...lines.map((line) => [...line].length));
  const width = Math.max(MIN_WIDTH, 20 * Math.ceil((CHAR_PX * longest + ICON_AND_PADDING_PX) / 20));
  const height = Math.max(NODE_HEIGHT * lines.length, PORT_HEIGHT * ports(node));
  return { id: node.id, label, left: x - width / 2, top: y - height / 2, right: x + width / 2, bottom: y + height / 2 };
}

const overlap = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('examples: laid out for a 1600 x 1000 editor', function () {
  const examples = readExamples(EXAMPLES_DIR);
  let definitions: Map<string, NodeDefinition>;

  before(() => {
    definitions = loadEditor(readBuilt('symphony.html'), builtCatalog()).definitions;
  });

  /** The label the editor shows: the name, else this package's own label function, else the type. */
  function labelOf(node: FlowNode): string {
    if (typeof node.name === 'string' && node.name) return node.name;
    const definition = definitions.get(node.type);
    return definition ? definition.label.call(node) : node.type;
  }

  const drawn = (nodes: readonly FlowNode[]): FlowNode[] => nodes.filter((n) => !NOT_DRAWN.has(n.type) && typeof n.x === 'number' && typeof n.y === 'number');

  it('estimates boxes as Node-RED draws them', function () {
    const node = { id: 'n', type: 'debug', x: 200, y: 100, wires: [] };
    assert.deepEqual(boxOf(node, 'x'), { id: 'n', label: 'x', left: 150, top: 85, right: 250, bottom: 115 });
    const long = boxOf(node, 'a label of thirty characters..');
    assert.equal(long.right - long.left, 300, '30 characters: 240 + 50, in steps of 20');
    assert.equal(boxOf({ ...node, wires: [[], [], [], []] }, 'x').bottom - 100, 30, 'four ports: 60 px high');
    assert.ok(overlap(boxOf(node, 'x'), boxOf({ ...node, x: 290 }, 'x')));
    assert.ok(!overlap(boxOf(node, 'x'), boxOf({ ...node, x: 300 }, 'x')), 'side by side, touching');
  });

  for (const example of examples) {
    it(`${example.label}: every node inside 1600 x 1000, none over another`, function () {
      const boxes = drawn(example.nodes).map((n) => boxOf(n, labelOf(n)));
      assert.ok(boxes.length > 0);
      const outside = boxes.filter((b) => b.left < 0 || b.top < 0 || b.right > EDITOR.width || b.bottom > EDITOR.height)
        .map((b) => `${b.id} "${b.label}" spans x ${b.left}..${b.right}, y ${b.top}..${b.bottom}`);
      assert.deepEqual(outside, [], 'nodes outside the editor');
      const overlapping: string[] = [];
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
        if (overlap(a, b)) overlapping.push(`${a.id} "${a.label}" and ${b.id} "${b.label}"`);
      }));
      assert.deepEqual(overlapping, [], 'nodes over each other');
    });
  }
});
