/**
 * A new node's connection (nodes/editor/config-pick.ts through each type's generated `onadd`): the one config
 * node in scope is taken; several, none, a disabled one or one scoped to another flow leave it blank. Runs the
 * generated symphony.html against a fake RED holding the given config nodes.
 */
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { catalogue } from '../../nodes/catalogue/index';
import { dedicatedNodes } from '../../nodes/dedicated/index';
import { javascriptBlocks, readBuilt } from './support';

interface FakeConfig {
  id: string;
  type: string;
  z?: string;
  d?: boolean;
  users: unknown[];
}

interface Definition {
  defaults: Record<string, { value: unknown; type?: string }>;
  onadd?: (this: Record<string, unknown>) => void;
}

describe('build: a new node takes the one Symphony connection there is', () => {
  const definitions = new Map<string, Definition>();
  let configs: FakeConfig[] = [];
  let registered: Record<string, unknown> | null = null;
  const changed: unknown[] = [];

  before(() => {
    const context = vm.createContext({
      RED: {
        _: (key: string) => key,
        nodes: {
          registerType: (type: string, def: Definition) => definitions.set(type, def),
          eachConfig: (visit: (config: FakeConfig) => void) => configs.forEach(visit),
          node: () => registered,
        },
        events: { emit: (_event: string, subject: unknown) => changed.push(subject) },
      },
      // No dialog open; the operations' templates are there to fill.
      $: (selector: string) => (selector.startsWith('script[') ? { length: 1, text: () => undefined } : { length: 0 }),
      URL,
    });
    for (const code of javascriptBlocks(readBuilt('symphony.html'))) vm.runInContext(code, context);
  });

  /** A new node of `type` on flow `z` with its defaults, after `onadd`. */
  function added(type: string, z = 'flow-1', preset: Record<string, unknown> = {}): Record<string, unknown> {
    const def = definitions.get(type);
    assert.ok(def?.onadd, `${type} has an onadd`);
    const node: Record<string, unknown> = { id: 'new', type, z, ...Object.fromEntries(Object.entries(def.defaults).map(([k, p]) => [k, p.value])), ...preset };
    def.onadd.call(node);
    return node;
  }

  const config = (id: string, extra: Partial<FakeConfig> = {}): FakeConfig => ({ id, type: 'symphony-config', users: [], ...extra });

  it('every node type with a connection property picks it when added: the operations and the events node', () => {
    const types = [...definitions].filter(([, def]) => Object.values(def.defaults).some((p) => p.type === 'symphony-config')).map(([type]) => type);
    assert.deepEqual(types.sort(), [...catalogue.map((op) => op.type), ...dedicatedNodes.filter((s) => s.fields.some((f) => f.input.kind === 'config')).map((s) => s.type)].sort());
    assert.ok(types.includes('symphony-events'));
    configs = [config('only')];
    for (const type of types) assert.equal(added(type).config, 'only', type);
  });

  it('none when there are two, none, or the one is disabled or scoped to another flow; a node set already keeps its own', () => {
    configs = [config('a'), config('b')];
    assert.equal(added('symphony-users-lookup').config, '');
    configs = [];
    assert.equal(added('symphony-users-lookup').config, '');
    configs = [config('off', { d: true })];
    assert.equal(added('symphony-users-lookup').config, '');
    configs = [config('elsewhere', { z: 'flow-2' })];
    assert.equal(added('symphony-users-lookup').config, '');
    configs = [config('here', { z: 'flow-1' }), { id: 'other-type', type: 'mqtt-broker', users: [] }];
    assert.equal(added('symphony-events').config, 'here', 'scoped to its own flow; other config types do not count');
    configs = [config('only')];
    assert.equal(added('symphony-users-lookup', 'flow-1', { config: 'mine' }).config, 'mine');
  });

  it('a pasted node (registered before onadd) is counted among the config node users', () => {
    const only = config('only');
    configs = [only];
    changed.length = 0;
    added('symphony-presence-set');
    assert.deepEqual(only.users, [], 'from the palette: Node-RED counts it itself when it registers the node');
    registered = { id: 'new', registered: true };
    added('symphony-presence-set');
    assert.deepEqual([only.users, changed], [[registered], [only]]);
    registered = null;
  });
});
