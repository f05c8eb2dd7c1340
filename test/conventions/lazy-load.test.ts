import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * What Node-RED loads when it starts with the package: the entry registers every node type, and loads none of the
 * code of the node types themselves, so start-up stays small however large the catalogue grows.
 */
function loadedAtStart(): { types: string[]; modules: string[] } {
  const script = `
    const registered = [];
    const RED = {
      _: (key) => key,
      nodes: { registerType: (type) => registered.push(type), createNode() {}, getNode() {} },
      httpAdmin: { post() {}, get() {} },
      auth: { needsPermission: () => () => undefined },
      util: {},
    };
    require(${JSON.stringify(path.join(ROOT, 'dist', 'nodes', 'symphony.js'))})(RED);
    process.stdout.write(JSON.stringify({ types: registered, modules: Object.keys(require.cache) }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { types: string[]; modules: string[] };
}

describe('start-up: what loading the node set loads', () => {
  const { types, modules } = loadedAtStart();
  const catalogueTypes = (JSON.parse(readFileSync(path.join(ROOT, 'dist', 'nodes', 'catalogue.json'), 'utf8')) as { operations: Array<{ type: string }> })
    .operations.map((op) => op.type);

  it('registers the config node, every catalogue node type, the events, datahose, parse message, command, form and health nodes', () => {
    assert.deepEqual([...types].sort(), ['symphony-command', 'symphony-config', 'symphony-datahose', 'symphony-events', 'symphony-form', 'symphony-health', 'symphony-message-parse', ...catalogueTypes].sort());
  });

  it('loads no library a flow may not need (ajv, axios, fast-xml-parser, mime-types)', () => {
    const libraries = modules.filter((file) => file.includes(`${path.sep}node_modules${path.sep}`));
    assert.deepEqual(libraries, []);
  });

  it('loads neither the catalogue nor the code of the operation, events, datahose, parse message, command, form and health nodes, nor the simulator', () => {
    const ours = modules.map((file) => path.relative(path.join(ROOT, 'dist', 'nodes'), file));
    for (const lazy of ['catalogue/', 'runtime/operations/operation-node.js', 'runtime/operations/inputs.js', 'runtime/events/events-node.js', 'runtime/events/datahose-node.js',
      'runtime/messages/message-parse-node.js', 'runtime/commands/', 'runtime/forms/', 'runtime/health/', 'runtime/events/feed-liveness.js', 'runtime/events/events-status.js', 'runtime/simulator-host/', 'runtime/chat/chat-service.js',
      'runtime/config/simulator-connection.js', 'runtime/http/connection.js', 'runtime/http/http-client.js', 'runtime/auth/token-manager.js',
      'runtime/admin/test-connection.js']) {
      assert.deepEqual(ours.filter((file) => file.startsWith(lazy)), [], lazy);
    }
  });
});
