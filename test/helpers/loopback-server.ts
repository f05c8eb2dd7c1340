import type http from 'node:http';
import type net from 'node:net';

export interface LoopbackServer {
  url: string;
  /** Ends every connection at once (a test's server never waits for its clients), then stops listening. */
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 at a free port, keeping track of connections so that close() can end them. */
export async function listenOnLoopback(server: http.Server, beforeClose: () => void = () => undefined): Promise<LoopbackServer> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      beforeClose();
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A request's or an answer's whole body. */
export function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
