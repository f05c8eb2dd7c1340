/**
 * A reverse proxy on loopback in front of the simulator that keeps every request's body, which the simulator's
 * own request log (method, path, query, headers) does not.
 */
import http from 'node:http';
import type net from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  body: string;
}

export interface BodyRecorder {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startBodyRecorder(target: string): Promise<BodyRecorder> {
  const upstream = new URL(target);
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://recorder');
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.search.slice(1), body: body.toString('utf8') });
      const forward = http.request({
        host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent: false,
      }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
