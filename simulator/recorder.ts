/** Keeps a log of the requests the simulator served (control requests excluded), with secrets redacted. */
import type { IncomingMessage } from 'node:http';
import { matchesMethod, matchesPath } from './path-pattern';

export interface RequestRecord {
  method: string;
  path: string;
  query: string;
  /** Response status; 0 while in flight or when the socket was destroyed before a response. */
  status: number;
  at: number;
  headers: Record<string, string>;
}

const REDACTED_HEADERS = new Set(['sessiontoken', 'keymanagertoken', 'authorization']);
/** Bounds memory in long demo or benchmark runs; the oldest records are dropped first. */
const MAX_RECORDS = 100_000;

export class RequestRecorder {
  /** One array for the simulator's lifetime, so references handed out stay current after clear(). */
  readonly records: RequestRecord[] = [];

  start(req: IncomingMessage, path: string, query: string): RequestRecord {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      headers[name] = REDACTED_HEADERS.has(name) ? '<redacted>' : Array.isArray(value) ? value.join(', ') : value;
    }
    const record: RequestRecord = { method: req.method ?? 'GET', path, query, status: 0, at: Date.now(), headers };
    if (this.records.length >= MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS + 1);
    this.records.push(record);
    return record;
  }

  count(method: string, pathOrPrefix: string): number {
    return this.records.filter((r) => matchesMethod(method, r.method) && matchesPath(pathOrPrefix, r.path)).length;
  }

  clear(): void {
    this.records.length = 0;
  }
}
