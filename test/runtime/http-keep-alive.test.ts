import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HttpClient } from '../../nodes/runtime/http/http-client';
import { DEFAULT_RETRY_SETTINGS } from '../../nodes/runtime/http/retry-policy';

interface Stub {
  url: string;
  /** Requests the handler saw, by method. */
  seen: string[];
  connections: Socket[];
  close(): Promise<void>;
}

/**
 * A server that keeps connections open forever and says nothing of its keep-alive timeout; with `closeOnReuse`
 * it drops a connection the moment a second request arrives on it, as a server does that closed an idle
 * connection just as the client reused it.
 */
async function stub(closeOnReuse: boolean): Promise<Stub> {
  const seen: string[] = [];
  const connections: Socket[] = [];
  const served = new WeakMap<Socket, number>();
  const server = http.createServer((req, res) => {
    seen.push(req.method ?? '');
    const count = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, count);
    if (closeOnReuse && count > 1) {
      req.socket.destroy();
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
  server.keepAliveTimeout = 0;
  server.on('connection', (socket: Socket) => connections.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    connections,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const client = (maxRetries: number): HttpClient => new HttpClient({ timeoutMs: 5_000, retry: { ...DEFAULT_RETRY_SETTINGS, maxRetries } });

describe('kept-alive connections', function () {
  it('closes an idle connection by itself, before a server that keeps it would', async function () {
    const server = await stub(false);
    const http = client(0);
    try {
      await http.send({ method: 'GET', url: `${server.url}/x`, idempotent: true });
      assert.equal(server.connections.length, 1);
      await new Promise((resolve) => server.connections[0]!.once('close', resolve));
    } finally {
      http.close();
      await server.close();
    }
  });

  it('sends a read again at once when a reused connection fails before any answer, even with no retries allowed', async function () {
    const server = await stub(true);
    const http = client(0);
    try {
      await http.send({ method: 'GET', url: `${server.url}/x`, idempotent: true });
      const second = await http.send({ method: 'GET', url: `${server.url}/x`, idempotent: true });
      assert.deepEqual(second.data, { ok: true });
      assert.equal(server.connections.length, 2, 'the second read went out on a new connection');
    } finally {
      http.close();
      await server.close();
    }
  });

  it('does not send a non-idempotent request again when its reused connection fails', async function () {
    const server = await stub(true);
    const http = client(3);
    try {
      await http.send({ method: 'GET', url: `${server.url}/x`, idempotent: true });
      await assert.rejects(http.send({ method: 'POST', url: `${server.url}/x`, body: {}, idempotent: false }), { code: 'NETWORK' });
      assert.deepEqual(server.seen, ['GET', 'POST']);
    } finally {
      http.close();
      await server.close();
    }
  });

  it('sends nothing once closed', async function () {
    const server = await stub(false);
    const http = client(0);
    http.close();
    try {
      await assert.rejects(http.send({ method: 'GET', url: `${server.url}/x`, idempotent: true }), { code: 'ABORTED' });
      assert.deepEqual(server.seen, []);
    } finally {
      await server.close();
    }
  });
});
