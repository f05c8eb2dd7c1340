import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The flow library scorecard (`node-red-dev validate`), run offline with ../shared/tools/scorecard-offline.js
 * as DESIGN.md says, on the built package. Every check must pass; a regression fails the suite.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const PRELOAD = path.resolve(ROOT, '..', 'shared', 'tools', 'scorecard-offline.js');
const CLI = path.join(ROOT, 'node_modules', 'node-red-dev', 'bin', 'run');

/** What each check means, as the scorecard names it. */
const CHECKS: Record<string, string> = {
  P01: 'has a licence',
  P03: 'has a repository or bugs URL',
  P04: 'has the node-red keyword',
  P05: 'has a node-red section',
  P06: 'node-red.version covers the latest Node-RED',
  P07: 'engines.node accepts what the latest Node-RED needs',
  P08: 'name is scoped or unique in the flow library',
  N01: 'node types are unique in the flow library',
  N02: 'every node is used in an example flow',
  D01: 'at most 6 runtime dependencies',
  D02: 'no incompatible packages in the dependency tree',
  D03: 'runtime dependencies at their latest major',
};

interface Check {
  test?: boolean;
  [detail: string]: unknown;
}

interface Run {
  scorecard: Record<string, Check>;
  output: string;
}

function runValidate(outFile: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-r', PRELOAD, CLI, 'validate', '-p', '.', '-o', outFile], { cwd: ROOT, timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        if (!existsSync(outFile)) {
          reject(new Error(`node-red-dev validate wrote no scorecard${err ? ` (${err.message})` : ''}:\n${output}`));
          return;
        }
        resolve({ scorecard: JSON.parse(readFileSync(outFile, 'utf8')) as Record<string, Check>, output });
      });
  });
}

/**
 * Node types registered in the built editor HTML, except config nodes (the scorecard's own rules: it takes a
 * `RED.nodes.registerType('<type>', { category: '<category>', ... })` call and leaves config nodes out).
 */
function nodeTypes(): string[] {
  const html = readFileSync(path.join(ROOT, 'dist', 'nodes', 'symphony.html'), 'utf8');
  const found = [...html.matchAll(/\.registerType\(\s*'([^']+)'\s*,\s*\{\s*category\s*:\s*'([^']+)'/g)];
  return found.filter((m) => m[2] !== 'config').map((m) => m[1] ?? '');
}

function typesInExamples(): Set<string> {
  const dir = path.join(ROOT, 'examples');
  const types = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const flow = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Array<{ type?: string }>;
    for (const node of flow) if (node.type) types.add(node.type);
  }
  return types;
}

describe('conventions: node-red-dev validate (flow library scorecard)', function () {
  this.timeout(150_000);
  let run: Run | undefined;
  let tmp = '';

  before(async function () {
    if (!existsSync(PRELOAD)) {
      console.log(`      skipped: ${PRELOAD} is absent (the scorecard needs its offline preload from ../shared/tools)`);
      this.skip();
    }
    tmp = mkdtempSync(path.join(os.tmpdir(), 'scorecard-'));
    run = await runValidate(path.join(tmp, 'scorecard.json'));
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('passes every check but the examples one', () => {
    const scorecard = run?.scorecard ?? {};
    const failing = Object.keys(CHECKS).filter((id) => id !== 'N02').filter((id) => scorecard[id]?.test !== true)
      .map((id) => `${id} (${CHECKS[id]}): ${scorecard[id] ? JSON.stringify(scorecard[id]) : 'not reported'}`);
    assert.deepEqual(failing, [], `failing checks:\n  ${failing.join('\n  ')}\n\nnode-red-dev said:\n${run?.output ?? ''}`);
  });

  it('N02: every node is used in an example flow', () => {
    const used = typesInExamples();
    const missing = nodeTypes().filter((type) => !used.has(type));
    assert.ok(missing.length === 0, `${missing.length} node type(s) in no example flow (examples/*.json):\n  ${missing.join('\n  ')}`);
    assert.equal(run?.scorecard.N02?.test, true, `the scorecard's N02: ${JSON.stringify(run?.scorecard.N02)}`);
  });
});
