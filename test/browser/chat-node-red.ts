/**
 * Runs as a child process of the chat tab's browser test: Node-RED with its editor on a free loopback port, this
 * checkout linked into a temporary user directory, and the built-in simulator started and driven on request over
 * IPC. A process of its own, because the node tests' node-red-node-test-helper initialises the Node-RED module
 * of the test process; and in Node-RED's process, because the chat routes serve the simulator running there.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { linkPackage } from '../../scripts/demo/link-package';
import { acquireBuiltInSimulator, stopBuiltInSimulator, type BuiltInSimulatorLease } from '../../nodes/runtime/simulator-host/built-in-simulator';
import type { InjectMessage, V4EventJson } from '../../simulator';

/** What the test asks; each answered with `{ id, result }` or `{ id, error }`. */
export type ChatHostCommand =
  | { id: number; type: 'start-simulator' }
  | { id: number; type: 'inject-message'; input: InjectMessage }
  | { id: number; type: 'state' }
  | { id: number; type: 'events' };

/** The simulator's streams and who sent each message, as the test checks them. */
export interface ChatHostState {
  streams: Array<{ id: string; type: string; members: number[]; senders: number[] }>;
}

interface EmbeddedRed {
  init(server: http.Server, settings: Record<string, unknown>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  httpAdmin: http.RequestListener;
}

/** The package root (this file runs as dist/test/browser/chat-node-red.js). */
const ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const { name } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string };
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symphony-chat-'));
  process.on('exit', () => fs.rmSync(userDir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify([{ id: 'tab1', type: 'tab', label: 'Flow 1' }]));
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

  let lease: BuiltInSimulatorLease | undefined;
  const events: V4EventJson[] = [];
  const simulator = () => {
    if (!lease) throw new Error('the built-in simulator is not started');
    return lease.instance.simulator;
  };
  const answer = async (command: ChatHostCommand): Promise<unknown> => {
    switch (command.type) {
      case 'start-simulator':
        lease = await acquireBuiltInSimulator();
        lease.instance.simulator.onEvent((event) => events.push(event));
        return { bot: lease.instance.bot.username };
      case 'inject-message':
        return simulator().injectMessage(command.input);
      case 'state': {
        const { state } = simulator();
        const streams = [...state.streams.values()].map((s) => ({
          id: s.id, type: s.type, members: [...s.members], senders: (state.messages.get(s.id) ?? []).map((m) => m.userId),
        }));
        return { streams } satisfies ChatHostState;
      }
      case 'events':
        return events;
    }
  };
  process.on('message', (command: ChatHostCommand) => {
    answer(command).then(
      (result) => process.send?.({ id: command.id, result }),
      (err: unknown) => process.send?.({ id: command.id, error: err instanceof Error ? err.message : String(err) }),
    );
  });
  // The test going away (or closing the channel) ends this process.
  process.on('disconnect', () => {
    void stopBuiltInSimulator().finally(() => process.exit(0));
  });
  const { port } = server.address() as { port: number };
  process.send?.({ ready: `http://127.0.0.1:${port}` });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
