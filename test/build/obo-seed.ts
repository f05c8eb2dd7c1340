/**
 * Symphony's table of OBO-enabled endpoints, as kept in `../shared/seeds/obo-endpoints.txt` (a copy of the
 * documentation page): an endpoint line `"METHOD" "/path"`, then a line of permission(s) separated by a
 * literal `\n`, then possibly documentation lines. Its quirks are normalised here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './support';

export const OBO_SEED_FILE = path.join(ROOT, '..', 'shared', 'seeds', 'obo-endpoints.txt');

export interface SeedEndpoint {
  method: string;
  /** Normalised: under /pod, /agent or /login, `{:sid}` written `{sid}`. */
  path: string;
  /** Sorted. */
  permissions: string[];
}

const ENDPOINT_LINE = /^"(GET|POST|PUT|DELETE)" "(\/[^"]*)"$/;
const SERVICE = /^\/(pod|agent|login)\//;

/**
 * The seed's path as the API serves it: rows without a service prefix (`/v1/user/{uid}/follow`,
 * `/v1/admin/messagesuppression/...`) are Pod endpoints, and `{:sid}` is `{sid}`.
 */
export function normaliseSeedPath(raw: string): string {
  const unquoted = raw.replace(/\{:(\w+)\}/g, '{$1}');
  return SERVICE.test(unquoted) ? unquoted : `/pod${unquoted}`;
}

/** Placeholder names aside: `/pod/v1/streams/{sid}/info` and `/pod/v1/streams/{streamId}/info` are the same. */
export function seedKey(method: string, endpointPath: string): string {
  return `${method} ${endpointPath.replace(/\{[^}]*\}/g, '{}')}`;
}

export function parseOboSeed(text: string): SeedEndpoint[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const rows: SeedEndpoint[] = [];
  lines.forEach((line, index) => {
    const match = ENDPOINT_LINE.exec(line);
    if (!match) return;
    const permissions = (lines[index + 1] ?? '').split(/\\n|\s+/).filter((p) => /^[A-Z_]+$/.test(p)).sort();
    rows.push({ method: match[1] ?? '', path: normaliseSeedPath(match[2] ?? ''), permissions });
  });
  return rows;
}

/** The seed's rows, or `undefined` when the shared folder is not beside the project. */
export function readOboSeed(): SeedEndpoint[] | undefined {
  return existsSync(OBO_SEED_FILE) ? parseOboSeed(readFileSync(OBO_SEED_FILE, 'utf8')) : undefined;
}
