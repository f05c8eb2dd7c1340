import assert from 'node:assert/strict';
import type { NodeAPI } from '../../nodes/runtime/core/node-red';
import { registerChatRoutes } from '../../nodes/runtime/chat/chat-routes';

/**
 * node-red-node-test-helper stubs RED.auth.needsPermission with a pass-through, so the permissions are checked
 * here with a RED whose admin app records routes and whose auth refuses whoever lacks the permission, as
 * Node-RED's own does: reading the chat needs symphony-config.read, acting as someone symphony-config.write.
 */
interface Res {
  status(code: number): Res;
  json(body: unknown): void;
  end(): void;
}
type Handler = (req: { query?: unknown; body?: unknown; user?: string[] }, res: Res, next: () => void) => void;

interface Route {
  method: string;
  path: string;
  handlers: Handler[];
}

function fakeRed(routes: Route[]): NodeAPI {
  const add = (method: string) => (path: string, ...handlers: Handler[]) => routes.push({ method, path, handlers });
  const red = {
    httpAdmin: { get: add('GET'), post: add('POST') },
    auth: {
      // The check remembers its permission, so that the test can tell which one a route asks for.
      needsPermission: (permission: string): Handler => Object.assign(
        (req: { user?: string[] }, res: Res, next: () => void) => (req.user?.includes(permission) ? next() : res.status(401).end()), { permission }),
    },
    nodes: { createNode: () => undefined, registerType: () => undefined, getNode: () => null },
    util: {},
    _: (key: string) => key,
  };
  return red as unknown as NodeAPI;
}

function call(route: Route, user: string[]): Promise<number> {
  return new Promise((resolve) => {
    const res: Res = { status: (code) => ({ ...res, json: () => resolve(code), end: () => resolve(code) }), json: () => resolve(200), end: () => resolve(200) };
    const run = (index: number): void => route.handlers[index]?.({ query: {}, body: {}, user }, res, () => run(index + 1));
    run(0);
  });
}

describe('chat view routes: permissions', () => {
  const routes: Route[] = [];
  before(() => registerChatRoutes(fakeRed(routes), (key) => key));

  const permissionOf = (route: Route): string => (route.handlers[0] as unknown as { permission: string }).permission;

  it('reads with symphony-config.read, acts as someone with symphony-config.write', () => {
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path} ${permissionOf(r)}`), [
      'GET /symphony/chat/users symphony-config.read',
      'GET /symphony/chat/streams symphony-config.read',
      'GET /symphony/chat/messages symphony-config.read',
      'POST /symphony/chat/messages symphony-config.write',
      'POST /symphony/chat/ims symphony-config.write',
      'POST /symphony/chat/forms symphony-config.write',
    ]);
    for (const route of routes) assert.equal(route.handlers.length, 2, 'the permission check comes before the handler');
  });

  it('refuses an editor user without the permission before doing anything', async () => {
    for (const route of routes) {
      assert.equal(await call(route, []), 401, `${route.method} ${route.path}`);
    }
    const post = routes.find((r) => r.method === 'POST' && r.path.endsWith('/messages'))!;
    assert.equal(await call(post, ['symphony-config.read']), 401, 'reading does not let anyone type as someone');
    const users = routes.find((r) => r.path.endsWith('/users'))!;
    assert.equal(await call(users, ['symphony-config.read']), 200);
  });
});
