import http from 'node:http';
import { listenOnLoopback, readAll } from '../helpers/loopback-server';

/** One request a node sent and the answer it got, as seen on the wire. */
export interface Exchange {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  status: number;
  responseHeaders: http.IncomingHttpHeaders;
  responseBody: Buffer;
}

export interface RecordingProxy {
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

/** A reverse proxy on loopback in front of the simulator that keeps every exchange, bodies included. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const exchanges: Exchange[] = [];
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer(async (req, res) => {
    const body = await readAll(req);
    const url = new URL(req.url ?? '/', target);
    const forwarded = http.request({
      host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, agent,
      headers: { ...req.headers, host: upstream.host },
    }, async (answer) => {
      const responseBody = await readAll(answer);
      exchanges.push({
        method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body,
        status: answer.statusCode ?? 0, responseHeaders: answer.headers, responseBody,
      });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.end(responseBody);
    });
    forwarded.on('error', () => res.destroy());
    forwarded.end(body);
  });
  const listening = await listenOnLoopback(server, () => agent.destroy());
  return { ...listening, exchanges };
}
