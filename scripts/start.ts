/**
 * `npm start`: the offline demo. Writes a Node-RED user directory in `.demo/` (DEMO_DIR) with every example
 * deployed as it is, and runs Node-RED from this checkout. The examples' config node connects to the built-in
 * simulator, which runs inside Node-RED: there is no key, credential or separate simulator process to set up.
 *
 *   PORT (editor, 1880)  DEMO_DIR (.demo)
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildDemoFlows, readExamples } from './demo/example-flows';
import { ensureCredentialSecret } from './demo/credential-secret';
import { runNodeRed } from './demo/node-red-process';
import { demoOptions } from './demo/options';
import { ensurePrivateDir } from './demo/private-files';
import { writeUserDir } from './demo/user-dir';
import { waitForHttp } from './demo/wait-for-http';

const EDITOR_START_TIMEOUT_MS = 120_000;

async function main(): Promise<number> {
  // Compiled to dist/scripts/start.js: the package root is two levels up.
  const root = path.resolve(__dirname, '..', '..');
  const options = demoOptions(root, process.env);
  const { name: packageName } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string };
  const examples = readExamples(path.join(root, 'examples'));

  ensurePrivateDir(options.demoDir);
  // For credentials a user adds in the editor (a config node for a real pod): Node-RED encrypts them with it.
  const credentialSecret = ensureCredentialSecret(options.demoDir);
  writeUserDir({
    userDir: options.demoDir,
    packageRoot: root,
    packageName,
    uiPort: options.uiPort,
    credentialSecret,
    flows: buildDemoFlows(examples),
  });
  console.log(`[demo] reset ${options.demoDir}: flows.json rewritten from examples/ and flows_cred.json removed (edits made in the editor are discarded on every start; the credential secret is kept)`);

  let exited = false;
  const nodeRed = runNodeRed(root, options.demoDir).finally(() => {
    exited = true;
  });
  const editorUrl = `http://127.0.0.1:${options.uiPort}`;
  let editorUp = false;
  void waitForHttp(`${editorUrl}/`, EDITOR_START_TIMEOUT_MS, () => exited).then((up) => {
    editorUp = up;
    if (up) {
      const labels = examples.map((e) => `"${e.label}"`).join(', ');
      console.log(`[demo] editor at ${editorUrl}/ | simulator: built into Node-RED | examples deployed: ${labels} | Ctrl-C stops it`);
    }
  });
  const exitCode = await nodeRed;
  if (exitCode !== 0 && !editorUp) {
    console.error(`[demo] Node-RED stopped (exit code ${exitCode}) before the editor answered; if port ${options.uiPort} is in use, set PORT`);
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[demo] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
