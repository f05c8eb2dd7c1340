import assert from 'node:assert/strict';
import { CONFIG_ID, configNode, helper, loadFlow, useSimulator, type FlowNode } from '../helpers/flow';
import { opNode, output, failure } from '../helpers/presence-flow';
import { USERS } from '../helpers/simulator';

/** Every log line Node-RED got, as text. */
function logText(): string {
  return helper.log().args.map((args) => JSON.stringify(args[0] ?? '')).join('\n');
}

describe('config migrations: flows saved by an older version', function () {
  const sim = useSimulator();

  it('v0 connection list: the saved `status` filter still applies, with a warning to save the node again', async () => {
    const accepted = await output(sim(), opNode('symphony-connection-list', { status: 'ACCEPTED', statusType: 'str' }));
    assert.deepEqual((accepted.payload as Array<{ userId: number }>).map((c) => c.userId), [USERS.erin.id]);
    assert.equal(sim().requests.at(-1)?.query, 'status=ACCEPTED');
    assert.match(logText(), /config version 0\): runs upgraded to version 1 \(.*connectionStatus/);
  });

  it('v0 admin streams list: the saved `status` is the stream status filter', async () => {
    const all = await output(sim(), opNode('symphony-admin-streams-list'));
    assert.ok((all.payload as { count: number }).count > 0);
    const inactive = await output(sim(), opNode('symphony-admin-streams-list', { status: 'INACTIVE', statusType: 'str' }));
    assert.equal((inactive.payload as { count: number }).count, 0);
    const bad = await failure(sim(), opNode('symphony-admin-streams-list', { status: 'CLOSED', statusType: 'str' }));
    assert.equal(bad.error?.cause?.field, 'streamStatus');
  });

  it('v0 config node (no schemaVersion): works, and only gets stamped (no warning)', async () => {
    const config = configNode(sim());
    assert.equal('schemaVersion' in config, false);
    const msg = await output(sim(), opNode('symphony-session-info', { schemaVersion: 1 }));
    assert.equal((msg.payload as { displayName: string }).displayName, 'Demo Bot');
    assert.doesNotMatch(logText(), /node-red-symphony \(config version/);
  });

  it('a newer schema version: a clear warning naming both versions, and the node still runs', async () => {
    const nodes: FlowNode[] = [
      configNode(sim(), { schemaVersion: 42 }),
      { id: 'node', type: 'symphony-session-info', config: CONFIG_ID, schemaVersion: 42, wires: [['out']] },
      { id: 'out', type: 'helper' },
    ];
    await loadFlow(nodes);
    const reply = new Promise((resolve) => helper.getNode('out').once('input', resolve));
    helper.getNode('node').receive({});
    assert.equal(((await reply) as { payload: { displayName: string } }).payload.displayName, 'Demo Bot');
    const warnings = helper.log().args.map((args) => args[0] as { level?: number; msg?: unknown }).filter((entry) => entry.level === 30);
    const texts = warnings.map((entry) => String(entry.msg));
    assert.equal(texts.filter((text) => /newer node-red-symphony \(config version 42; this one knows up to 1\)/.test(text)).length, 2, texts.join('\n'));
  });
});
