import assert from 'node:assert/strict';
import type { NodeAPI } from '../../nodes/runtime/core/node-red';
import { registerLivenessRoute } from '../../nodes/runtime/admin/liveness-route';

/**
 * node-red-node-test-helper stubs RED.auth.needsPermission with a pass-through, so the permission is checked
 * here with a RED whose admin app records routes and whose auth refuses whoever lacks the permission, as
 * Node-RED's own does: the liveness route needs symphony-config.read.
 */
interface Res {
  status(code: number): Res;
  json(body: unknown): void;
  end(): void;
}
type Handler = (req: { query?: Record<string, unknown>; user?: string[] }, res: Res, next: () => void) => void;

function fakeRed(routes: Array<{ path: string; handlers: Handler[] }>, asked: string[]): NodeAPI {
  const red = {
    httpAdmin: { get: (path: string, ...handlers: Handler[]) => routes.push({ path, handlers }) },
    auth: {
      needsPermission: (permission: string): Handler => {
        asked.push(permission);
        return (req, res, next) => (req.user?.includes(permission) ? next() : res.status(401).end());
      },
    },
    nodes: { createNode: () => undefined, registerType: () => undefined, getNode: () => null },
    util: {},
    _: (key: string) => key,
  };
  return red as unknown as NodeAPI;
}

function call(handlers: Handler[], user: string[], query: Record<string, unknown> = {}): Promise<{ status: number; body?: unknown }> {
  return new Promise((resolve) => {
    let code = 200;
    const res: Res = {
      status(c) {
        code = c;
        return res;
      },
      json: (body) => resolve({ status: code, body }),
      end: () => resolve({ status: code }),
    };
    const run = (index: number): void => handlers[index]?.({ query, user }, res, () => run(index + 1));
    run(0);
  });
}

describe('GET /symphony/liveness: permission', () => {
  const routes: Array<{ path: string; handlers: Handler[] }> = [];
  const asked: string[] = [];
  before(() => registerLivenessRoute(fakeRed(routes, asked), (key, subs) => (key === 'runtime.errors.liveness.maxSilence' ? `bad ${JSON.stringify(subs)}` : key)));

  it('registers one GET route that asks for symphony-config.read before its handler', () => {
    assert.deepEqual(routes.map((r) => r.path), ['/symphony/liveness']);
    assert.deepEqual(asked, ['symphony-config.read']);
    assert.equal(routes[0]?.handlers.length, 2);
  });

  it('refuses a user without the read permission', async () => {
    assert.equal((await call(routes[0]!.handlers, [])).status, 401);
    assert.equal((await call(routes[0]!.handlers, ['flows.read'])).status, 401);
  });

  it('answers a user with it (no feed runs here: healthy), and a bad parameter with 400', async () => {
    assert.deepEqual(await call(routes[0]!.handlers, ['symphony-config.read']), { status: 200, body: { healthy: true, maxSilenceSeconds: 120, feeds: [] } });
    const bad = await call(routes[0]!.handlers, ['symphony-config.read'], { maxSilenceSeconds: 'soon' });
    assert.deepEqual(bad, { status: 400, body: { error: 'bad {"min":1,"max":86400}', field: 'maxSilenceSeconds' } });
  });
});
