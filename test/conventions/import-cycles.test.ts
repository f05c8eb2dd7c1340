/**
 * No module of the package or the simulator imports itself through others: each folder's code can be read (and
 * loaded lazily) from the leaves up. Type-only imports count too: a cycle of types still ties the files together.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The relative imports of each file, resolved to files of the set. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const match of code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
      const base = path.resolve(path.dirname(file), match[1]!);
      const target = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => known.has(candidate));
      if (target) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, as the files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string): void => {
    const at = onPath.indexOf(file);
    if (at >= 0) {
      found.push([...onPath.slice(at), file].map((f) => path.relative(ROOT, f)));
      return;
    }
    if (done.has(file)) return;
    onPath.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    onPath.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

describe('imports: no cycles', function () {
  for (const folder of ['nodes', 'simulator']) {
    it(`${folder}/ imports nothing that imports it back`, function () {
      const dir = path.join(ROOT, folder);
      assert.ok(existsSync(dir), dir);
      const files = sources(dir);
      assert.ok(files.length > 20, `only ${files.length} files read`);
      assert.deepEqual(cycles(importGraph(files)).map((cycle) => cycle.join(' -> ')), []);
    });
  }

  it('finds a cycle when there is one', function () {
    const a = path.join(ROOT, 'a.ts');
    const b = path.join(ROOT, 'b.ts');
    assert.deepEqual(cycles(new Map([[a, [b]], [b, [a]]])), [['a.ts', 'b.ts', 'a.ts']]);
  });
});
