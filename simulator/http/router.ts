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

/**
 * The media types of a route's operation, as the spec declares them: what a request body may be (`none`: the
 * operation takes no body) and what the answer is. Requests the route cannot serve get 406 or 415.
 */
export interface RouteMedia {
  body: 'application/json' | 'multipart/form-data' | 'none';
  produces: 'application/json' | 'application/octet-stream';
}

/** Declarations for routes whose operation differs from the defaults below. */
export const NO_BODY: Partial<RouteMedia> = { body: 'none' };
export const MULTIPART_BODY: Partial<RouteMedia> = { body: 'multipart/form-data' };
export const FILE_ANSWER: Partial<RouteMedia> = { produces: 'application/octet-stream' };

/** Unless a route declares otherwise: a JSON answer, and a JSON body for POST, PUT and PATCH, none for GET and DELETE. */
function mediaOf(method: string, declared: Partial<RouteMedia>): RouteMedia {
  return { body: method === 'POST' || method === 'PUT' || method === 'PATCH' ? 'application/json' : 'none', produces: 'application/json', ...declared };
}

interface RouteBase {
  method: string;
  template: string;
  media: RouteMedia;
}

/** `public` routes authenticate themselves (login, health); `user` routes need a valid user session. */
export type Route =
  | RouteBase & { access: 'public'; handler: PublicHandler }
  | RouteBase & { access: 'user'; handler: UserHandler };

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

  public(method: string, template: string, handler: PublicHandler, media: Partial<RouteMedia> = {}): this {
    return this.add({ method, template, media: mediaOf(method, media), access: 'public', handler });
  }

  user(method: string, template: string, handler: UserHandler, media: Partial<RouteMedia> = {}): this {
    return this.add({ method, template, media: mediaOf(method, media), access: 'user', handler });
  }

  /** Every route, in the order registered. */
  list(): readonly Route[] {
    return this.routes.map((compiled) => compiled.route);
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
