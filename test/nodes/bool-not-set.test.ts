/**
 * A yes/no field left at "not set" (blank, type `bool`, as the editor saves a new node) sends nothing: the API's
 * own default applies. Each node is built from the editor's own defaults for a new node (the generated
 * symphony.html), with only the fields a user would fill in; what went over the wire is read from the
 * simulator's request log (query) and from a recording proxy in front of it (bodies).
 */
import assert from 'node:assert/strict';
import { CONFIG_ID, configNode, helper, loadFlow, useSimulator, type FlowNode, type Msg } from '../helpers/flow';
import { startRecordingProxy, type RecordingProxy } from '../conformance/recording-proxy';
import { USERS } from '../helpers/simulator';
import { builtCatalog, loadEditor, readBuilt, type Sandbox } from '../build/support';

describe('yes/no fields left at "not set" send nothing', function () {
  const sim = useSimulator();
  let editor: Sandbox;
  let recorder: RecordingProxy;

  before(async function () {
    editor = loadEditor(readBuilt('symphony.html'), builtCatalog());
    recorder = await startRecordingProxy(sim().url);
  });

  after(async function () {
    await recorder?.close();
  });

  beforeEach(function () {
    recorder.exchanges.length = 0;
  });

  /** A new node of `type` as the editor makes it (its declared defaults), with `fields` filled in. */
  function newNode(type: string, fields: Record<string, unknown>): FlowNode {
    const defaults = editor.definitions.get(type)?.defaults;
    assert.ok(defaults, `${type} is registered`);
    const node = Object.fromEntries(Object.entries(defaults).map(([name, prop]) => [name, prop.value]));
    return { ...node, ...fields, id: 'node', type, config: CONFIG_ID, wires: [['out']] };
  }

  /** Runs the node once against the simulator, through the recording proxy; the msg out. */
  async function run(node: FlowNode, msg: Record<string, unknown> = {}): Promise<Msg> {
    await helper.unload();
    await loadFlow([configNode(sim(), { podUrl: recorder.url }), node, { id: 'out', type: 'helper' }]);
    const outcome = new Promise<Msg>((resolve, reject) => {
      helper.getNode('out').once('input', (m: never) => resolve(m as Msg));
      helper.getNode('caught').once('input', (m: never) => reject(new Error(`${node.type} failed: ${(m as Msg).error?.message}`)));
    });
    helper.getNode('node').receive(msg);
    return outcome;
  }

  function queryOf(method: string, path: string): URLSearchParams {
    const found = sim().requests.filter((r) => r.method === method && r.path === path);
    assert.equal(found.length, 1, `one ${method} ${path}`);
    return new URLSearchParams(found[0]!.query);
  }

  function bodyOf(method: string, path: string): Record<string, unknown> {
    const found = recorder.exchanges.filter((r) => r.method === method && r.path === path);
    assert.equal(found.length, 1, `one ${method} ${path}`);
    return JSON.parse(found[0]!.body.toString('utf8')) as Record<string, unknown>;
  }

  it('a new lookup users node: no local, no active in the query, whatever msg holds', async function () {
    const node = newNode('symphony-users-lookup', { usernames: 'alice', usernamesType: 'str' });
    assert.deepEqual([node.local, node.localType, node.active, node.activeType], ['', 'bool', '', 'bool'], 'the editor saves both blank, as bool');
    await run(node, { local: true, active: true });
    const query = queryOf('GET', '/pod/v3/users');
    assert.equal(query.get('username'), 'alice');
    assert.deepEqual([query.has('local'), query.has('active')], [false, false], `query: ${query}`);
  });

  it('a new set presence node: BUSY without soft; set to false, soft=false goes out', async function () {
    await run(newNode('symphony-presence-set', { category: 'BUSY' }));
    assert.equal(queryOf('POST', '/pod/v2/user/presence').has('soft'), false);
    sim().clearRequests();
    await run(newNode('symphony-presence-set', { category: 'BUSY', soft: 'false' }));
    assert.equal(queryOf('POST', '/pod/v2/user/presence').get('soft'), 'false', 'a value set is sent');
  });

  it('a new update user status node: only the status in the body, the user stays unsuspended', async function () {
    const userId = USERS.frank.id;
    await run(newNode('symphony-user-status-update', { userId: String(userId), accountStatus: 'ENABLED' }));
    assert.deepEqual(bodyOf('POST', `/pod/v1/admin/user/${userId}/status/update`), { status: 'ENABLED' });
    const status = await run(newNode('symphony-user-status-get', { userId: String(userId) }));
    assert.deepEqual(status.payload, { status: 'ENABLED', suspended: false });
    recorder.exchanges.length = 0;
    await run(newNode('symphony-user-status-update', { userId: String(userId), accountStatus: 'ENABLED', suspended: 'false' }));
    assert.deepEqual(bodyOf('POST', `/pod/v1/admin/user/${userId}/status/update`), { status: 'ENABLED', suspended: false }, 'a value set is sent');
  });

  it('a new create room node: only the name in the body, no public, read-only, discoverable or invite flags', async function () {
    const out = await run(newNode('symphony-room-create', { roomName: 'Quiet room' }));
    const body = bodyOf('POST', '/pod/v3/room/create');
    assert.deepEqual(body, { name: 'Quiet room' });
    const attributes = (out.payload as { roomAttributes?: Record<string, unknown> }).roomAttributes ?? {};
    assert.notEqual(attributes.public, true, 'the room is not public');
    assert.notEqual(attributes.readOnly, true, 'the room is not read-only');
  });
});
