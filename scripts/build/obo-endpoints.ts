import type { HttpMethod, OperationSpec } from '../../nodes/catalogue/types';

/** One OBO-enabled endpoint an entry claims to serve (its own, or a deprecated version it replaces). */
export interface OboEndpointClaim {
  method: HttpMethod;
  path: string;
  /** The node type that serves it. */
  type: string;
  /** The entry's OBO permissions; empty for the generic node (the called endpoint's). */
  permissions: readonly string[];
}

const ENDPOINT = /^(GET|POST|PUT|DELETE) (\/[A-Za-z0-9._~{}:/-]*)$/;

/** `"GET /pod/v1/sessioninfo"` as method and path; `undefined` when it is not "METHOD /path". */
export function parseOboEndpoint(text: string): { method: HttpMethod; path: string } | undefined {
  const match = ENDPOINT.exec(text);
  return match ? { method: match[1] as HttpMethod, path: match[2] ?? '' } : undefined;
}

/** The same endpoint whatever its path placeholders are named: `/pod/v1/streams/{sid}/info` = `.../{streamId}/info`. */
export function endpointKey(method: string, path: string): string {
  return `${method} ${path.replace(/\{[^}]*\}/g, '{}')}`;
}

export interface OboEndpoints {
  /** Every claim, sorted by path then method. */
  claims: OboEndpointClaim[];
  /** What is wrong, one line each, naming the node type(s); empty when the claims are sound. */
  problems: string[];
}

function byPathThenMethod(a: OboEndpointClaim, b: OboEndpointClaim): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.method < b.method ? -1 : a.method > b.method ? 1 : 0;
}

/**
 * The OBO endpoints every entry claims in `oboEndpoints`. A claim must read "METHOD /path", come from an
 * OBO-enabled entry, and be made by one entry only (placeholder names aside).
 */
export function collectOboEndpoints(operations: readonly OperationSpec[]): OboEndpoints {
  const claims: OboEndpointClaim[] = [];
  const problems: string[] = [];
  const owners = new Map<string, string>();
  for (const op of operations) {
    if (op.oboEndpoints && op.oboPermissions === null) {
      problems.push(`${op.type}: claims OBO endpoints (oboEndpoints) but is not OBO-enabled (oboPermissions is null)`);
    }
    for (const text of op.oboEndpoints ?? []) {
      const endpoint = parseOboEndpoint(text);
      if (!endpoint) {
        problems.push(`${op.type}: oboEndpoints entry "${text}" is not "METHOD /path" (GET, POST, PUT or DELETE, one space, a path)`);
        continue;
      }
      const key = endpointKey(endpoint.method, endpoint.path);
      const owner = owners.get(key);
      if (owner !== undefined) {
        problems.push(owner === op.type
          ? `${op.type}: claims the OBO endpoint ${text} twice`
          : `${owner} and ${op.type}: both claim the OBO endpoint ${text}; one node type serves each endpoint`);
        continue;
      }
      owners.set(key, op.type);
      claims.push({ ...endpoint, type: op.type, permissions: op.oboPermissions ?? [] });
    }
  }
  return { claims: claims.sort(byPathThenMethod), problems };
}
