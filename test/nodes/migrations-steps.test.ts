import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { catalogue } from '../../nodes/catalogue/index';
import { CONFIG_TYPE } from '../../nodes/runtime/config/config-node';
import { MIGRATIONS, SCHEMA_VERSION, renameParam, schemaVersionOf, upgradeConfig, type Migration } from '../../nodes/runtime/migrations/migrations';

const V0_CONNECTION_LIST = { id: 'n', type: 'symphony-connection-list', status: 'ACCEPTED', statusType: 'str', userIds: '', userIdsType: 'str' };

describe('config migrations: the steps', () => {
  it('renames the v0 status parameters and stamps the current version, leaving the saved config untouched', () => {
    const saved = { ...V0_CONNECTION_LIST };
    const upgrade = upgradeConfig('symphony-connection-list', saved);
    assert.deepEqual(upgrade.config, { id: 'n', type: 'symphony-connection-list', connectionStatus: 'ACCEPTED', connectionStatusType: 'str', userIds: '', userIdsType: 'str', schemaVersion: SCHEMA_VERSION });
    assert.deepEqual(upgrade.changed.sort(), ['connectionStatus', 'connectionStatusType', 'status', 'statusType']);
    assert.equal(upgrade.from, 0);
    assert.deepEqual(saved, V0_CONNECTION_LIST, 'pure: the argument is not changed');

    const streams = upgradeConfig('symphony-admin-streams-list', { status: 'INACTIVE', statusType: 'str' }).config;
    assert.deepEqual(streams, { streamStatus: 'INACTIVE', streamStatusType: 'str', schemaVersion: 1 });
  });

  it('only stamps a v0 config node, and a v0 node of another type', () => {
    const config = { id: 'cfg', podUrl: 'https://pod', botUsername: 'bot' };
    assert.deepEqual(upgradeConfig(CONFIG_TYPE, config), { config: { ...config, schemaVersion: 1 }, from: 0, changed: [], unknown: false });
    assert.deepEqual(upgradeConfig('symphony-users-lookup', { status: 'kept' }).config, { status: 'kept', schemaVersion: 1 });
  });

  it('keeps a current config as it is and marks a newer or unreadable version as unknown', () => {
    const current = { connectionStatus: 'ALL', schemaVersion: 1 };
    assert.equal(upgradeConfig('symphony-connection-list', current).config, current);
    for (const version of [2, 99, 'next', -1, 1.5]) {
      const upgrade = upgradeConfig('symphony-connection-list', { status: 'x', schemaVersion: version });
      assert.equal(upgrade.unknown, true, String(version));
      assert.deepEqual(upgrade.config, { status: 'x', schemaVersion: version }, 'left as saved');
    }
    assert.equal(schemaVersionOf({ schemaVersion: '1' }), 1, 'a version saved as text');
    assert.equal(schemaVersionOf({ schemaVersion: '' }), 0);
  });

  it('runs the steps one version at a time, in order, for the types they name', () => {
    const steps: Migration[] = [
      { from: 1, types: 'all', up: (c) => ({ ...c, trail: `${String(c.trail)}>1` }) },
      { from: 0, types: ['a'], up: (c) => ({ ...c, trail: '0' }) },
      { from: 0, types: ['b'], up: (c) => ({ ...c, trail: 'wrong type' }) },
    ];
    assert.deepEqual(upgradeConfig('a', {}, steps, 2).config, { trail: '0>1', schemaVersion: 2 });
    assert.deepEqual(upgradeConfig('a', { schemaVersion: 1, trail: 'x' }, steps, 2).config, { trail: 'x>1', schemaVersion: 2 });
  });

  it('renameParam never overwrites a value set under the new name with a blank old one', () => {
    assert.deepEqual(renameParam({ status: '', statusType: 'str', connectionStatus: 'ALL' }, 'status', 'connectionStatus'), { connectionStatus: 'ALL' });
    assert.deepEqual(renameParam({ connectionStatus: 'ALL' }, 'status', 'connectionStatus'), { connectionStatus: 'ALL' });
    assert.deepEqual(renameParam({ status: 'msg.x', statusType: 'jsonata' }, 'status', 'connectionStatus'), { connectionStatus: 'msg.x', connectionStatusType: 'jsonata' });
  });

  it('names only node types of this package, and only versions below the current one', () => {
    const types = new Set([CONFIG_TYPE, ...catalogue.map((op) => op.type)]);
    for (const migration of MIGRATIONS) {
      assert.ok(migration.from >= 0 && migration.from < SCHEMA_VERSION, `step from ${migration.from}`);
      if (migration.types !== 'all') for (const type of migration.types) assert.ok(types.has(type), `unknown type ${type}`);
    }
  });
});

describe('config migrations: the editor runs the same steps', () => {
  interface EditorMigrations {
    SCHEMA_VERSION: number;
    upgradeConfig: typeof upgradeConfig;
  }
  interface EditorHelper {
    upgradeDialog(node: Record<string, unknown>, prefix: string): void;
    stampVersion(node: Record<string, unknown>): void;
  }
  let context: { SymphonyMigrations?: EditorMigrations; SymphonyEditor?: EditorHelper };

  before(() => {
    const html = readFileSync(path.resolve(__dirname, '..', '..', 'nodes', 'symphony.html'), 'utf8');
    // No dialog inputs, and a deployed flow that holds nothing to recover.
    const $ = Object.assign((selector: string) => (selector.startsWith('script[') ? { length: 1, text: () => undefined } : { length: 0 }),
      { ajax: () => ({ done: () => undefined }) });
    context = vm.createContext({ RED: { _: (key: string) => key, notify: () => undefined, nodes: { registerType: () => undefined } }, $, URL });
    for (const match of html.matchAll(/<script type="text\/javascript">([\s\S]*?)<\/script>/g)) vm.runInContext(match[1] ?? '', context);
  });

  it('embeds the runtime migrations in symphony.html', () => {
    const embedded = context.SymphonyMigrations;
    assert.ok(embedded, 'SymphonyMigrations is defined in the editor');
    assert.equal(embedded.SCHEMA_VERSION, SCHEMA_VERSION);
    for (const [type, config] of [['symphony-connection-list', V0_CONNECTION_LIST], ['symphony-admin-streams-list', { status: 'ACTIVE' }], [CONFIG_TYPE, {}], ['symphony-users-lookup', { schemaVersion: 5 }]] as const) {
      assert.deepEqual(JSON.parse(JSON.stringify(embedded.upgradeConfig(type, config))), JSON.parse(JSON.stringify(upgradeConfig(type, config))), type);
    }
  });

  it('saves a node in the current version when its dialog showed it upgraded; Done leaves any other version as it is', () => {
    const editor = context.SymphonyEditor;
    assert.ok(editor);
    /** A node as the editor holds it: its declared properties (here the v0 ones too) and their values. */
    const editorNode = (config: Record<string, unknown>): Record<string, unknown> => ({
      ...config, _def: { defaults: Object.fromEntries(Object.keys(config).concat('schemaVersion').map((name) => [name, {}])) },
    });
    const saveDialog = (node: Record<string, unknown>): unknown => {
      editor.upgradeDialog(node, 'node-input');
      editor.stampVersion(node);
      return node.schemaVersion;
    };
    assert.equal(saveDialog(editorNode(V0_CONNECTION_LIST)), SCHEMA_VERSION, 'shown upgraded: saved in the new version');
    assert.equal(saveDialog(editorNode({ id: 'u', type: 'symphony-users-lookup', usernames: 'alice' })), undefined,
      'no step changes it: the version it had (none), so that an untouched Done changes nothing');
    assert.equal(saveDialog(editorNode({ id: 'w', type: 'symphony-connection-list', schemaVersion: 7 })), 7, 'a newer version is kept');
  });
});
