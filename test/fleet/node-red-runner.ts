/**
 * One Node-RED instance of the fleet test (three-processes.test.ts), run as a child process:
 *   node node-red-runner.js <userDir>
 * The user directory holds flows.json, flows_cred.json (unencrypted: a throwaway tmp dir) and node_modules with a
 * link to this checkout. Node-RED runs through its embedding API (no editor, no HTTP); the flow's function nodes
 * write what it processed (records.txt) and the events node's statuses (status.txt) there, through the global
 * context, one synchronous append per line. SIGTERM stops the flows as a shutdown does, then
 * exits; the test uses SIGKILL for a crash.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

interface EmbeddedNodeRed {
  init(server: http.Server, settings: Record<string, unknown>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  const userDir = process.argv[2];
  if (!userDir) throw new Error('usage: node-red-runner <userDir>');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const RED = require(require.resolve(process.env.NODE_RED_PATH || 'node-red')) as EmbeddedNodeRed;
  RED.init(http.createServer(), {
    userDir,
    flowFile: 'flows.json',
    credentialSecret: false,
    httpAdminRoot: false,
    httpNodeRoot: false,
    functionGlobalContext: {
      pid: process.pid,
      record: (line: string) => fs.appendFileSync(path.join(userDir, 'records.txt'), `${line}\n`),
      showStatus: (line: string) => fs.appendFileSync(path.join(userDir, 'status.txt'), `${line}\n`),
    },
    logging: { console: { level: 'warn', metrics: false, audit: false } },
    editorTheme: { tours: false },
    externalModules: { autoInstall: false },
  });
  await RED.start();
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    RED.stop().then(() => process.exit(0), () => process.exit(1));
  });
}

main().catch((err: unknown) => {
  console.error(`node-red-runner: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
