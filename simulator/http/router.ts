/** A small method + path-template router; `{name}` matches one (percent-decoded) path segment. */
import type { IncomingMessage } from 'node:http';
import type { SimulatorCore } from '../core';
import type { SimUser, UserSession } from '../model';

export interface Reply {
  status: number;
  /** Sent as JSON unless it is a string or Buffer; omitted for 204. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly method: string;
  /** The URL path as received (still percent-encoded), without query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
  readonly sim: SimulatorCore;
}

/** The authenticated user a request acts as, and the session it used. */
export interface Caller {
  user: SimUser;
  session: UserSession;
}

export interface UserContext extends RequestContext {
  readonly caller: Caller;
}

export type PublicHandler = (ctx: RequestContext) => Promise<Reply> | Reply;
export type UserHandler = (ctx: UserContext) => Promise<Reply> | Reply;

/** `public` routes authenticate themselves (login, health); `user` routes need a valid user session. */
export type Route =
  | { method: string; template: string; access: 'public'; handler: PublicHandler }
  | { method: string; template: string; access: 'user'; handler: UserHandler };

interface CompiledRoute {
  route: Route;
  segments: string[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

const splitPath = (path: string): string[] => path.split('/').slice(1);

export class Router {
  private readonly routes: CompiledRoute[] = [];

  public(method: string, template: string, handler: PublicHandler): this {
    return this.add({ method, template, access: 'public', handler });
  }

  user(method: string, template: string, handler: UserHandler): this {
    return this.add({ method, template, access: 'user', handler });
  }

  match(method: string, path: string): RouteMatch | undefined {
    let segments: string[];
    try {
      segments = splitPath(path).map(decodeURIComponent);
    } catch {
      return undefined; // malformed percent-encoding matches nothing
    }
    for (const compiled of this.routes) {
      if (compiled.route.method !== method || compiled.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const matched = compiled.segments.every((expected, i) => {
        if (expected.startsWith('{') && expected.endsWith('}')) {
          params[expected.slice(1, -1)] = segments[i];
          return segments[i] !== '';
        }
        return expected === segments[i];
      });
      if (matched) return { route: compiled.route, params };
    }
    return undefined;
  }

  private add(route: Route): this {
    this.routes.push({ route, segments: splitPath(route.template) });
    return this;
  }
}
