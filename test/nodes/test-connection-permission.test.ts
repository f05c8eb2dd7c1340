import assert from 'node:assert/strict';
import type { NodeAPI } from '../../nodes/runtime/core/node-red';
import { registerTestConnectionRoute } from '../../nodes/runtime/admin/test-connection-route';

/**
 * node-red-node-test-helper stubs RED.auth.needsPermission with a pass-through, so the permission is checked
 * here with a RED whose admin app records routes and whose auth refuses whoever lacks the permission, as
 * Node-RED's own does.
 */
type Handler = (req: { body?: unknown; user?: string[] }, res: { json(body: unknown): void; status(code: number): { end(): void } }, next: () => void) => void;

interface Route {
  path: string;
  handlers: Handler[];
}

function fakeRed(routes: Route[], asked: string[]): NodeAPI {
  const red = {
    httpAdmin: { post: (path: string, ...handlers: Handler[]) => routes.push({ path, handlers }) },
    auth: {
      needsPermission: (permission: string): Handler => {
        asked.push(permission);
        return (req, res, next) => (req.user?.includes(permission) ? next() : res.status(401).end());
      },
    },
    nodes: { createNode: () => undefined, registerType: () => undefined, getNode: () => null, getCredentials: () => undefined },
    util: {},
    _: (key: string) => key,
  };
  return red as unknown as NodeAPI;
}

/** Runs a route's middleware chain the way Express does; resolves with the status or the JSON answer. */
function call(route: Route, user: string[]): Promise<{ status: number; body?: unknown }> {
  return new Promise((resolve) => {
    const res = { json: (body: unknown) => resolve({ status: 200, body }), status: (code: number) => ({ end: () => resolve({ status: code }) }) };
    const req = { body: { id: 'x', config: {}, credentials: {} }, user };
    const run = (index: number): void => route.handlers[index]?.(req, res, () => run(index + 1));
    run(0);
  });
}

describe('config node: Test connection permission', () => {
  const routes: Route[] = [];
  const asked: string[] = [];
  before(() => registerTestConnectionRoute(fakeRed(routes, asked), (key) => key));

  it('registers one POST route on the admin app, relative to the editor', () => {
    assert.deepEqual(routes.map((r) => r.path), ['/symphony/test-connection']);
    assert.deepEqual(asked, ['symphony-config.write']);
    assert.equal(routes[0]?.handlers.length, 2, 'the permission check comes before the handler');
  });

  it('refuses an editor user without symphony-config.write before doing anything', async () => {
    assert.equal((await call(routes[0]!, ['symphony-config.read'])).status, 401);
  });

  it('answers a user with the permission (here: a config that names its missing field)', async () => {
    const answer = await call(routes[0]!, ['symphony-config.write']);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { ok: false, reason: 'podUrl: is required (e.g. https://acme.symphony.com)', code: 'INVALID_CONFIG', field: 'podUrl' });
  });
});
