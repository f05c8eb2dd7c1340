/**
 * What the palette test expects of an example's debug sidebar, read from its wiring (flow-expectations.ts),
 * checked on two examples whose steps are known: a straight chain (01) and a form whose replies come later (23).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLES } from '../helpers/demo';
import { expectationsOf, type GraphNode } from './flow-expectations';

interface FileNode {
  id: string;
  type: string;
  name?: string;
  x?: number;
  y?: number;
  wires?: string[][];
}

function graphOf(prefix: string): GraphNode[] {
  const file = fs.readdirSync(EXAMPLES).find((f) => f.startsWith(prefix))!;
  const nodes = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as FileNode[];
  return nodes.filter((n) => n.type !== 'tab' && n.x !== undefined).map((n) => ({
    id: n.id, type: n.type, name: n.name ?? '', x: n.x ?? 0, y: n.y ?? 0, outputs: n.wires?.length ?? 0,
    links: (n.wires ?? []).flatMap((targets, port) => targets.map((target) => [port, target] as [number, string])),
  }));
}

describe('the palette test reads what an example must show from its wiring', function () {
  it('01: the inject surely reaches its four steps; the errors debug only a Catch reaches', function () {
    const graph = graphOf('01 ');
    const names = (ids: string[]) => ids.map((id) => graph.find((n) => n.id === id)?.name).sort();
    const { injects, sources, errorDebugs } = expectationsOf(graph);
    assert.equal(injects.length, 1);
    assert.deepEqual(names(injects[0]!.sure), ['1 user found', '2 IM', '3 message sent', '4 presence']);
    assert.deepEqual(injects[0]!.reachable, injects[0]!.sure);
    assert.deepEqual(sources, []);
    assert.deepEqual(names(errorDebugs), ['errors']);
  });

  it('23: the form node picks one output, so nothing behind it is sure; the events node is a source', function () {
    const graph = graphOf('23 ');
    const names = (ids: string[]) => ids.map((id) => graph.find((n) => n.id === id)?.name).sort();
    const { injects, sources } = expectationsOf(graph);
    assert.deepEqual(injects.map((i) => i.name), ['send the order form to alice', 'alice submits the form'], 'top to bottom');
    assert.deepEqual(injects[0]!.sure, []);
    assert.deepEqual(names(injects[0]!.reachable), ['1 form sent', '2 reply, typed', '3 confirmation sent']);
    assert.deepEqual(names(injects[1]!.sure), ["simulated: alice's answer"]);
    assert.deepEqual(sources.map((s) => s.type), ['symphony-events']);
    assert.deepEqual(names(sources[0]!.reachable), ['1 form sent', '2 reply, typed', '3 confirmation sent']);
  });
});
