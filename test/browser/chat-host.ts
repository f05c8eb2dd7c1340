/** The test's side of chat-node-red.ts: forks it, waits for the editor, sends commands, stops it by its PID. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChatHostCommand } from './chat-node-red';

type Command = ChatHostCommand extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

export interface ChatHost {
  /** The editor's base URL, without a trailing slash. */
  editor: string;
  call<T>(command: Command): Promise<T>;
  stop(): Promise<void>;
}

export async function startChatHost(timeoutMs = 45_000): Promise<ChatHost> {
  const child: ChildProcess = fork(path.join(__dirname, 'chat-node-red.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  let next = 0;
  const editor = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Node-RED did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`Node-RED exited (code ${code}) before it was ready`)));
    child.on('message', (message: { ready?: string; id?: number; result?: unknown; error?: string }) => {
      if (message.ready) {
        clearTimeout(timer);
        resolve(message.ready);
        return;
      }
      const waiting = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id!);
      if (message.error !== undefined) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    });
  }).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  return {
    editor,
    call: <T>(command: Command) => new Promise<T>((resolve, reject) => {
      next += 1;
      pending.set(next, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...command, id: next });
    }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.disconnect();
      const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
      if (!stopped) child.kill('SIGKILL');
    },
  };
}
