/**
 * Node-RED with its editor running inside the test process, on a free loopback port, with this checkout linked
 * into a temporary user directory. In-process, so that a test can start the built-in simulator that the
 * package's admin routes serve (one module instance for both) without going through a deploy.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { linkPackage } from '../../scripts/demo/link-package';
import { ROOT } from '../helpers/demo';

interface EmbeddedRed {
  init(server: http.Server, settings: Record<string, unknown>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  httpAdmin: http.RequestListener;
}

export interface EmbeddedNodeRed {
  /** The editor's base URL, without a trailing slash. */
  editor: string;
  stop(): Promise<void>;
}

export async function startEmbeddedNodeRed(flows: Array<Record<string, unknown>>): Promise<EmbeddedNodeRed> {
  const { name } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string };
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symphony-chat-'));
  fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flows));
  linkPackage(userDir, ROOT, name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const RED = require('node-red') as EmbeddedRed;
  const server = http.createServer((req, res) => RED.httpAdmin(req, res));
  RED.init(server, {
    userDir,
    flowFile: 'flows.json',
    httpAdminRoot: '/',
    httpNodeRoot: false,
    credentialSecret: false,
    logging: { console: { level: 'error', metrics: false, audit: false } },
    editorTheme: { projects: { enabled: false }, tours: false },
    telemetry: { enabled: false, updateNotification: false },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await RED.start();
  const { port } = server.address() as { port: number };
  return {
    editor: `http://127.0.0.1:${port}`,
    stop: async () => {
      await RED.stop().catch(() => undefined);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(userDir, { recursive: true, force: true });
    },
  };
}
