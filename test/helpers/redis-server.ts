/**
 * A real redis-server for the shared-claim tests: started on a free loopback port without persistence, stopped by
 * its PID. A machine without redis-server fails these tests with a message saying so (CI installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RedisServer {
  port: number;
  url: string;
  pid: number;
  /** SIGKILL; resolves once the process has exited. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const exited = (child: ChildProcess): Promise<void> => new Promise((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve();
  else child.once('exit', () => resolve());
});

/** Starts redis-server (on `port`, else a free one), optionally with a password; resolves once it accepts clients. */
export async function startRedis(options: { port?: number; password?: string } = {}): Promise<RedisServer> {
  const port = options.port ?? await freePort();
  const args = ['--save', '', '--appendonly', 'no', '--port', String(port), '--bind', '127.0.0.1'];
  if (options.password) args.push('--requirepass', options.password);
  const child = spawn(process.env.REDIS_SERVER ?? 'redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(err.code === 'ENOENT'
        ? new Error('redis-server is not installed: these tests need a real Redis (apt-get install redis-server, or set REDIS_SERVER to its path)')
        : err);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
  });
  const pid = child.pid as number;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pid,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
      await exited(child);
    },
  };
}

/** A plain client of the test's own, to read and set keys. */
export interface TestRedis {
  sendCommand(args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function redisClient(url: string, password?: string): Promise<TestRedis> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createClient } = require('@redis/client') as { createClient: (o: object) => TestRedis & { connect(): Promise<unknown>; on(e: string, f: () => void): void } };
  const client = createClient({ url, password });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
