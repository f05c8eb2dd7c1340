/** Starts a server on a loopback address and closes it promptly, destroying open and idle keep-alive sockets. */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ServedPort {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** The simulator must never be reachable from another machine. */
export function assertLoopbackHost(host: string): void {
  if (!LOOPBACK_HOSTS.has(host) && !/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) {
    throw new Error(`The simulator only binds loopback addresses, not ${host}`);
  }
}

export async function serve(server: Server, host: string, port: number, scheme: 'http' | 'https'): Promise<ServedPort> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${scheme}://${urlHost}:${actualPort}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }),
  };
}
