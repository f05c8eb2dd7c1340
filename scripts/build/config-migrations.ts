import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BuildError } from './errors';

/** The global the editor helper reads the migrations from (declared in nodes/editor/admin-api.d.ts). */
export const MIGRATIONS_GLOBAL = 'SymphonyMigrations';

/**
 * The runtime's migrations (dist/nodes/runtime/migrations/migrations.js, CommonJS without imports) wrapped as a browser
 * global, so the editor upgrades a node with the very code the runtime uses.
 */
export function migrationsScript(root: string): string {
  const compiled = path.join(root, 'dist', 'nodes', 'runtime', 'migrations', 'migrations.js');
  if (!existsSync(compiled)) throw new BuildError(`${compiled} is missing: run "tsc -p tsconfig.json" first`);
  const code = readFileSync(compiled, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '').trim();
  if (/\brequire\(/.test(code)) throw new BuildError('nodes/runtime/migrations/migrations.ts must import nothing: the editor embeds it');
  return `var ${MIGRATIONS_GLOBAL} = (function (exports) {\n${code}\nreturn exports;\n})({});`;
}
