/**
 * `npm start`: the offline demo. Starts the Symphony simulator on loopback, writes a Node-RED user directory in
 * `.demo/` (DEMO_DIR) with every example deployed against it, and runs Node-RED from this checkout.
 *
 *   PORT (editor, 1880)  SIM_PORT (7400)  SIM_MTLS_PORT (7401)  DEMO_DIR (.demo)
 */
import fs from 'node:fs';
import path from 'node:path';
import { startDemoSimulator } from './demo/demo-simulator';
import { buildDemoFlows, DEMO_CONFIG_ID, demoIdentities, readExamples } from './demo/example-flows';
import { ensureCredentialSecret } from './demo/credential-secret';
import { ensureKeyPair } from './demo/keys';
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
  const keysDir = path.join(options.demoDir, 'keys');
  const botKeys = ensureKeyPair(keysDir, 'bot');
  const appKeys = ensureKeyPair(keysDir, 'obo-app');
  const credentialSecret = ensureCredentialSecret(options.demoDir);

  const sim = await startDemoSimulator({
    port: options.simPort, mtlsPort: options.simMtlsPort, ...demoIdentities(examples), botKeys, appKeys,
  });
  let exitCode = 1;
  try {
    writeUserDir({
      userDir: options.demoDir,
      packageRoot: root,
      packageName,
      uiPort: options.uiPort,
      credentialSecret,
      flows: buildDemoFlows(examples, sim.url),
      credentials: { [DEMO_CONFIG_ID]: { privateKey: botKeys.privatePem, appPrivateKey: appKeys.privatePem } },
    });
    console.log(`[demo] reset ${options.demoDir}: flows.json and flows_cred.json rewritten from examples/ (edits made in the editor are discarded on every start; keys and credential secret kept)`);

    let exited = false;
    const nodeRed = runNodeRed(root, options.demoDir, sim.url).finally(() => {
      exited = true;
    });
    const editorUrl = `http://127.0.0.1:${options.uiPort}`;
    let editorUp = false;
    void waitForHttp(`${editorUrl}/`, EDITOR_START_TIMEOUT_MS, () => exited).then((up) => {
      editorUp = up;
      if (up) {
        const labels = examples.map((e) => `"${e.label}"`).join(', ');
        console.log(`[demo] editor at ${editorUrl}/ | simulator at ${sim.url} | examples deployed: ${labels} | Ctrl-C stops both`);
      }
    });
    exitCode = await nodeRed;
    if (exitCode !== 0 && !editorUp) {
      console.error(`[demo] Node-RED stopped (exit code ${exitCode}) before the editor answered; if port ${options.uiPort} is in use, set PORT`);
    }
  } finally {
    await sim.close();
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
