import type http from 'node:http';
import type https from 'node:https';
import type net from 'node:net';
import tls from 'node:tls';

export interface LoopbackServer {
  url: string;
  /** Ends every connection at once (a test's server never waits for its clients), then stops listening. */
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 at a free port, keeping track of connections so that close() can end them. An HTTPS
 * server's url is https://.
 */
export async function listenOnLoopback(server: http.Server | https.Server, beforeClose: () => void = () => undefined): Promise<LoopbackServer> {
  const sockets = new Set<net.Socket>();
  // A TLS server's 'connection' is the raw socket, before the handshake: ended as well.
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `${server instanceof tls.Server ? 'https' : 'http'}://127.0.0.1:${port}`,
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
