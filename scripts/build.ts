/**
 * Generates the editor side of the node set from the catalogue: node HTML, help, merged message catalogue,
 * catalogue.json and the README's tables (operations, OBO endpoints). Runs after tsc; fails (exit 1) on any
 * missing locale text or inconsistent catalogue entry.
 *
 *   node dist/scripts/build.js [--locales <dir>] [--out <dir>] [--readme <file>|--no-readme]
 */
import path from 'node:path';
import { BuildError } from './build/errors';
import { type BuildOptions, runBuild } from './build/run';

function parseArgs(args: readonly string[], root: string): BuildOptions {
  const options: BuildOptions = { root };
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    const value = (): string => {
      const next = args[i + 1];
      if (next === undefined) throw new BuildError(`${flag} needs a value`);
      i += 1;
      return path.resolve(next);
    };
    if (flag === '--locales') options.localesDir = value();
    else if (flag === '--out') options.outDir = value();
    else if (flag === '--readme') options.readme = value();
    else if (flag === '--no-readme') options.readme = null;
    else throw new BuildError(`unknown option ${flag}`);
  }
  return options;
}

function main(): void {
  // Compiled to dist/scripts/build.js: the package root is two levels up.
  const root = path.resolve(__dirname, '..', '..');
  try {
    const report = runBuild(parseArgs(process.argv.slice(2), root));
    const files = report.written.map((f) => path.relative(root, f)).join(', ');
    console.log(`build: generated ${files}${report.readmeUpdated ? '; updated the README\'s generated tables' : ''}`);
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    console.error(`build failed: ${err.message}`);
    process.exitCode = 1;
  }
}

main();
