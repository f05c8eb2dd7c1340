/**
 * The `npm start` editor in a real browser (Debian's Chromium, headless, driven by playwright-core): what a
 * newcomer sees in the palette, every node's edit dialog (Done on an untouched dialog changes nothing), a new
 * node's connection, a config node made through its dialog and checked with "Test connection", and an example
 * imported from the menu, deployed and run. Screenshots go to test-artifacts/browser/.
 */
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { Simulator } from '../../simulator';
import { catalogue, type OperationSpec } from '../../nodes/catalogue/index';
import { delay, launchDemo, type Demo } from '../helpers/demo';
import { keyPair } from '../helpers/keys';
import { startTestSimulator } from '../helpers/simulator';
import { launchChromium } from './chromium';
import {
  clearFailureScreenshots,
  describeEntries,
  dropFromPalette,
  editNode,
  importAsSaved,
  openEditor,
  screenshot,
  TAB_CLICK_GAP_MS,
  waitForTraysClosed,
  type EditorPage,
  type EditorWindow,
} from './editor-page';
import { describeOutcomes, pressDoneOnEach } from './dialog-invariant';
import { exampleNodesToCheck } from './example-nodes';
import { filledOperation, invariantNodes } from './node-variants';
import { expectedNodeTypes, type NodeTypeInfo } from './node-types';

const PACKAGE_NAME = '@symphony-nodes/node-red-symphony';
/** The config node every example uses: the built-in simulator (scripts/demo/example-flows.ts). */
const DEMO_CONFIG_ID = 'symphony-demo-config';
/** The dialog kept as a screenshot. */
const DIALOG_SHOWN = 'symphony-message-send';

describe('the editor in a browser (npm start, Chromium)', function () {
  this.timeout(60_000);

  let demo: Demo | undefined;
  let launching: Promise<Browser> | undefined;
  let browser: Browser | undefined;
  let finished = false;
  let editors: EditorPage[] = [];
  let types: NodeTypeInfo[] = [];
  /** Simulators started outside Node-RED, to stand for a pod; stopped after the suite. */
  const pods: Simulator[] = [];

  /** A fresh editor (its own browser context) for the test; closed, with a screenshot if the test failed, after it. */
  async function editor(viewport?: { width: number; height: number }): Promise<EditorPage> {
    const opened = await openEditor(browser!, demo!.editor, viewport);
    editors.push(opened);
    return opened;
  }

  before(async function () {
    this.timeout(90_000);
    types = expectedNodeTypes();
    clearFailureScreenshots();
    demo = await launchDemo();
    // Chromium starts while Node-RED does; a browser that arrives after the suite gave up is closed at once.
    launching = launchChromium();
    launching.then((launched) => (finished ? launched.close() : undefined), () => undefined);
    await demo.waitForEditor(45_000);
    browser = await launching;
  });

  afterEach(async function () {
    const open = editors;
    editors = [];
    if (open[0] && this.currentTest?.state === 'failed') {
      const name = `failed-${this.currentTest.title.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`;
      await screenshot(open[0].page, name).catch(() => undefined);
    }
    await Promise.all(open.map((e) => e.context.close().catch(() => undefined)));
  });

  after(async function () {
    this.timeout(30_000);
    finished = true;
    await Promise.all(pods.map((pod) => pod.close()));
    // Each step bounded, so a hung browser cannot keep the demo (and its ports) alive.
    const open = browser ?? (launching && await Promise.race([launching.catch(() => undefined), delay(10_000).then(() => undefined)]));
    if (open) await Promise.race([open.close().catch(() => undefined), delay(10_000)]);
    await demo?.stop();
  });

  it('lists every node type of the package in the palette', async function () {
    const { page, console: log } = await editor();
    assert.ok(types.length > 1, 'the catalogue and the HTML name node types');
    const configTypes = types.filter((t) => t.category === 'config').map((t) => t.type);
    const paletteTypes = types.filter((t) => t.category !== 'config').map((t) => t.type);
    assert.ok(configTypes.includes('symphony-config'));

    const seen = await page.evaluate(({ paletteTypes, configTypes, packageName }) => {
      const { RED } = globalThis as unknown as EditorWindow;
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
      const label = (type: string): string | null => {
        const element = doc.querySelector(`.red-ui-palette-node[data-palette-type="${type}"] .red-ui-palette-label`);
        return element ? (element.textContent ?? '').trim() : null;
      };
      const sets = RED.nodes.registry.getModule(packageName)?.sets ?? {};
      return {
        labels: paletteTypes.map((type) => [type, label(type)] as const),
        config: configTypes.map((type) => [type, RED.nodes.getType(type)?.category ?? null] as const),
        registered: Object.values(sets).flatMap((set) => set.types),
      };
    }, { paletteTypes, configTypes, packageName: PACKAGE_NAME });

    const missing = seen.labels.filter(([, label]) => label === null).map(([type]) => type);
    assert.deepEqual(missing, [], `node types missing from the palette: ${missing.join(', ')}`);
    const unlabelled = seen.labels.filter(([, label]) => label === '').map(([type]) => type);
    assert.deepEqual(unlabelled, [], `palette entries without a label: ${unlabelled.join(', ')}`);
    for (const [type, category] of seen.config) assert.equal(category, 'config', `RED.nodes.getType('${type}') is a config node`);
    const unexpected = seen.registered.filter((type) => !types.some((t) => t.type === type));
    assert.deepEqual(unexpected, [], 'the editor registers no type beyond the catalogue and the HTML');
    assert.deepEqual([...seen.registered].sort(), types.map((t) => t.type).sort(), 'Node-RED loaded every type the package declares');

    // Only the package's nodes, every category open: the whole palette in one picture.
    await page.locator('#red-ui-palette-search input').pressSequentially('symphony', { delay: 20 });
    await page.locator('.red-ui-palette-node[data-palette-type="inject"]').waitFor({ state: 'hidden' });
    await page.locator(`.red-ui-palette-node[data-palette-type="${paletteTypes[paletteTypes.length - 1]}"]`).waitFor({ state: 'visible' });
    // As tall as the filtered palette, so the picture holds all of it.
    const paletteHeight = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { scrollHeight: number } | null } }).document;
      return doc.querySelector('#red-ui-palette-container')?.scrollHeight ?? 0;
    });
    await page.setViewportSize({ width: 1400, height: Math.max(900, paletteHeight + 200) });
    await delay(300);
    await screenshot(page.locator('#red-ui-palette'), 'palette');
    assert.deepEqual(log.errorsSince(0), [], `console errors while loading the editor:\n${describeEntries(log.errorsSince(0))}`);
  });

  it("shows every node type's help whole, with the parts the operations share put in by the editor helper", async function () {
    const { page, console: log } = await editor();
    const help = await page.evaluate((all) => all.map((type) => [type, (globalThis as unknown as EditorWindow).RED.nodes.getNodeHelp(type) ?? ''] as const),
      types.map((t) => t.type));
    for (const [type, text] of help) {
      assert.match(text, /^\s*<p>[^<]+<\/p>/, `${type}: starts with its summary (the palette tooltip)`);
      assert.ok(!text.includes('<!--symphony:'), `${type}: every shared part put in`);
    }
    for (const op of catalogue) {
      const text = help.find(([type]) => type === op.type)?.[1] ?? '';
      for (const part of ['<p>A value set in the node wins.', '<p>The result goes to msg.payload', '<h4>Errors</h4>',
        '<dt>error.cause <span class="property-type">object</span></dt>']) {
        assert.ok(text.includes(part), `${op.type}: ${part}`);
      }
      assert.equal(text.includes('<dt class="optional">oboUser '), op.oboPermissions !== null, `${op.type}: the oboUser input where OBO is offered`);
    }
    assert.deepEqual(log.errorsSince(0), [], describeEntries(log.errorsSince(0)));
  });

  it("opens every node type's dialog cleanly, and Done on an untouched dialog leaves the node as it was: every type fresh and filled, every example node", async function () {
    // About 900 dialogs, CPU-bound in the page: a minute or two on an idle machine, much more on a loaded one.
    this.timeout(900_000);
    const { page, console: log } = await editor();
    const examples = exampleNodesToCheck();
    const tab = await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.workspaces.add(null).id);
    const { fresh, filled, labels } = invariantNodes(tab, DEMO_CONFIG_ID);
    for (const e of examples) labels.set(e.id, e.label);
    // As dropped from the palette (defaults applied, onadd run) while the demo's is the only config node; then the
    // filled ones and their config nodes.
    const batches = [fresh.filter((n) => n.z !== undefined), [...fresh.filter((n) => n.z === undefined), ...filled]];
    for (const batch of batches) {
      await page.evaluate((nodes) => {
        (globalThis as unknown as EditorWindow).RED.view.importNodes(nodes, { generateIds: false, applyNodeDefaults: true, touchImport: true, notify: false });
      }, batch);
    }

    // One dialog as a person sees it, for the picture.
    const shown = fresh.find((n) => n.type === DIALOG_SHOWN)!.id;
    await editNode(page, shown);
    await page.locator('#node-dialog-cancel').waitFor({ state: 'visible' });
    await delay(400);
    await screenshot(page, 'dialog');
    await page.locator('#node-dialog-cancel').click();
    await waitForTraysClosed(page);

    const ids = [...examples.map((e) => e.id), ...fresh.map((n) => n.id), ...filled.map((n) => n.id)];
    // From an empty tab: each Done redraws the tab in view, and a tab of hundreds of nodes made that most of the time.
    await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.workspaces.add(null));
    const outcomes = await page.evaluate(pressDoneOnEach, ids);
    assert.equal(outcomes.length, ids.length);
    const failed = outcomes.filter((o) => o.problem || o.changes.length > 0);
    const failedTypes = [...new Set(failed.map((o) => o.type))].sort();
    const report = describeOutcomes(failed, (id) => labels.get(id) ?? id);
    assert.deepEqual(failedTypes, [], `node types whose dialog changed the node on Done (${failed.length} of ${outcomes.length} nodes):\n${report}`);
    assert.deepEqual(log.errorsSince(0), [], `console errors while the dialogs opened and closed:\n${describeEntries(log.errorsSince(0))}`);
  });

  it('Done keeps what a hand-written node does: a value the dropdown does not offer, and a yes/no field saved without a type', async function () {
    const { page, console: log } = await editor();
    const op = (type: string): OperationSpec => catalogue.find((entry) => entry.type === type)!;
    const nodes = [
      // The runtime reads enum values in any case; the dropdown offers the upper-case ones.
      { id: 'hand-category', type: 'symphony-presence-set', ...filledOperation(op('symphony-presence-set'), 'blank', DEMO_CONFIG_ID), category: 'busy', categoryType: 'str' },
      { id: 'hand-local', type: 'symphony-users-lookup', ...filledOperation(op('symphony-users-lookup'), 'blank', DEMO_CONFIG_ID), local: 'yes', localType: 'bool' },
      // No soft, no softType: the runtime reads a field without a type as text, so blank reads msg.soft.
      { id: 'hand-untyped', type: 'symphony-presence-set', config: DEMO_CONFIG_ID, category: 'BUSY', categoryType: 'str' },
    ];
    const tab = await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.workspaces.add(null).id);
    await importAsSaved(page, nodes.map((n, i) => ({ ...n, z: tab, x: 200, y: 80 + 60 * i, wires: [] })));
    const outcomes = await page.evaluate(pressDoneOnEach, nodes.map((n) => n.id));
    const changes = Object.fromEntries(outcomes.map((o) => [o.id, Object.fromEntries(o.changes.map((c) => [c.property, c.after]))]));
    assert.deepEqual(changes['hand-category'], {}, 'busy is kept (not replaced by the blank choice)');
    assert.deepEqual(changes['hand-local'], {}, 'yes is kept (the validator marks it)');
    assert.deepEqual([changes['hand-untyped']?.soft, changes['hand-untyped']?.softType], ['"soft"', '"msg"'], 'shown and saved as what it does: msg.soft');
    assert.equal(changes['hand-untyped']?.category, undefined);
    assert.deepEqual(log.errorsSince(0), [], `console errors:\n${describeEntries(log.errorsSince(0))}`);
  });

  it('the events dialog: event types as words in groups, presets, and ports that keep their wires', async function () {
    const { page, console: log } = await editor();
    const tab = await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.workspaces.add(null).id);
    // Hand-written: the types as text, in an order of their own, one output per type, each wired; saved before the
    // shared claim's fields existed (they must stay absent).
    const nodes = [
      {
        id: 'ev-text', type: 'symphony-events', name: '', config: DEMO_CONFIG_ID, eventTypes: 'roomcreated, MESSAGESENT', streamIds: '', ignoreOwn: true,
        mentionsOnly: false, outputMode: 'perType', tag: '', outputs: 2, wires: [['ev-rooms'], ['ev-messages']],
      },
      { id: 'ev-rooms', type: 'debug', name: 'rooms', wires: [] },
      { id: 'ev-messages', type: 'debug', name: 'messages', wires: [] },
    ];
    await importAsSaved(page, nodes.map((n, i) => ({ ...n, z: tab, x: 200 + 250 * Math.min(i, 1), y: 80 + 60 * i })));
    const untouched = await page.evaluate(pressDoneOnEach, ['ev-text']);
    assert.deepEqual(untouched.map((o) => [o.problem, o.changes]), [[undefined, []]], 'Done on the untouched dialog keeps the text as saved');

    await editNode(page, 'ev-text');
    const list = page.locator('#node-input-eventTypes-checklist');
    await list.waitFor({ state: 'visible' });
    const box = (type: string) => list.locator(`input[type="checkbox"][value="${type}"]`);
    assert.equal(await box('ROOMCREATED').isChecked(), true);
    assert.equal(await box('MESSAGESENT').isChecked(), true);
    assert.equal(await box('USERJOINEDROOM').isChecked(), false);
    const joined = (await list.locator('label', { has: page.locator('input[value="USERJOINEDROOM"]') }).innerText()).replace(/\s+/g, ' ').trim();
    assert.equal(joined, 'a user joined a room USERJOINEDROOM', 'the words, then the API name');
    const text = await list.innerText();
    for (const heading of ['Messages', 'Forms', 'Rooms and IMs', 'Connections', 'Other']) assert.ok(text.includes(heading), heading);
    await delay(400);
    await screenshot(page, 'events-dialog');

    // None, then the rooms preset: MESSAGESENT goes, ROOMCREATED stays first, the other room events follow.
    await list.locator('button', { hasText: /^none$/ }).click();
    assert.equal(await list.locator('input:checked').count(), 0);
    assert.equal(await list.evaluate((el) => el.classList.contains('input-error')), true, 'nothing ticked is marked');
    await list.locator('button', { hasText: /^rooms$/ }).click();
    await page.locator('#node-dialog-ok').click();
    await waitForTraysClosed(page);
    const saved = await page.evaluate(() => {
      const { RED } = globalThis as unknown as EditorWindow;
      const node = RED.nodes.node('ev-text')!;
      const links = RED.nodes.filterLinks({ source: node }).map((l) => [l.sourcePort, l.target.id] as const);
      return { eventTypes: node.eventTypes as string[], outputs: node.outputs, links };
    });
    assert.deepEqual(saved.eventTypes, ['ROOMCREATED', 'INSTANTMESSAGECREATED', 'ROOMUPDATED', 'ROOMDEACTIVATED', 'ROOMREACTIVATED',
      'USERJOINEDROOM', 'USERLEFTROOM', 'ROOMMEMBERPROMOTEDTOOWNER', 'ROOMMEMBERDEMOTEDFROMOWNER', 'USERREQUESTEDTOJOINROOM']);
    assert.equal(saved.outputs, 10);
    assert.deepEqual(saved.links, [[0, 'ev-rooms']], "ROOMCREATED's wire follows it; MESSAGESENT's goes with it");
    assert.deepEqual(log.errorsSince(0), [], `console errors:\n${describeEntries(log.errorsSince(0))}`);
  });

  it('the events dialog: the Redis fields show only for the Redis claim; the password stays out of the export', async function () {
    const { page, console: log } = await editor();
    const tab = await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.workspaces.add(null).id);
    await page.evaluate(({ tab, config }) => {
      const { RED } = globalThis as unknown as EditorWindow;
      RED.view.importNodes([{ id: 'ev-claim', type: 'symphony-events', z: tab, x: 200, y: 80, config, wires: [] }],
        { generateIds: false, applyNodeDefaults: true, touchImport: true, notify: false });
      RED.editor.edit(RED.nodes.node('ev-claim')!);
    }, { tab, config: DEMO_CONFIG_ID });
    const row = (field: string) => page.locator(`#node-input-${field}`).locator('xpath=ancestor::div[contains(@class, "form-row")]');
    await page.locator('#node-input-claim').waitFor({ state: 'visible' });
    for (const field of ['redisUrl', 'redisPassword', 'claimPrefix', 'claimExpiry']) assert.equal(await row(field).isVisible(), false, `${field} hidden without a claim`);
    await page.locator('#node-input-claim').selectOption('redis');
    for (const field of ['redisUrl', 'redisPassword', 'claimPrefix', 'claimExpiry']) assert.equal(await row(field).isVisible(), true, `${field} shown for Redis`);
    assert.equal(await page.locator('#node-input-claimPrefix').inputValue(), 'symphony:event:');
    assert.equal(await page.locator('#node-input-redisPassword').getAttribute('type'), 'password');
    await page.locator('#node-input-redisUrl').fill('redis://:pw-in-url@127.0.0.1:6379');
    await page.locator('#node-input-redisUrl').dispatchEvent('change');
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { classList: { contains(c: string): boolean } } | null } })
      .document.querySelector('#node-input-redisUrl')?.classList.contains('input-error') === true);
    await page.locator('#node-input-redisUrl').fill('redis://127.0.0.1:6379');
    await page.locator('#node-input-redisPassword').fill('S3cret-in-dialog');
    await page.locator('#node-dialog-ok').click();
    await waitForTraysClosed(page);
    const saved = await page.evaluate(() => {
      const { RED } = globalThis as unknown as EditorWindow;
      const node = RED.nodes.node('ev-claim')!;
      return { node: { claim: node.claim, redisUrl: node.redisUrl, valid: node.valid }, credentials: node.credentials, exported: JSON.stringify(RED.nodes.convertNode(node, { credentials: false })) };
    });
    assert.deepEqual(saved.node, { claim: 'redis', redisUrl: 'redis://127.0.0.1:6379', valid: true });
    assert.equal(saved.credentials?.redisPassword, 'S3cret-in-dialog', 'kept as a credential, to be deployed');
    assert.ok(!saved.exported.includes('S3cret-in-dialog'), 'never in the export');
    assert.deepEqual(log.errorsSince(0), [], `console errors:\n${describeEntries(log.errorsSince(0))}`);
  });

  it('the command dialog: a row per command, bad patterns marked with the reason, and ports that keep their wires', async function () {
    const { page, console: log } = await editor();
    const tab = await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.workspaces.add(null).id);
    const nodes = [
      {
        id: 'cmd', type: 'symphony-command', name: '', config: DEMO_CONFIG_ID, requireMention: false, help: true, outputs: 4,
        commands: [{ pattern: '/price {ticker}', description: 'Price' }, { pattern: '/assign {user:@mention}', description: '' }, { pattern: '/note {text:rest}', description: 'Note' }],
        wires: [['cmd-price'], ['cmd-assign'], ['cmd-note'], ['cmd-other']],
      },
      ...['price', 'assign', 'note', 'other'].map((name) => ({ id: `cmd-${name}`, type: 'debug', name, wires: [] })),
    ];
    await importAsSaved(page, nodes.map((n, i) => ({ ...n, z: tab, x: 200 + 250 * Math.min(i, 1), y: 80 + 60 * i })));
    const untouched = await page.evaluate(pressDoneOnEach, ['cmd']);
    assert.deepEqual(untouched.map((o) => [o.problem, o.changes]), [[undefined, []]], 'Done on the untouched dialog changes nothing');

    await editNode(page, 'cmd');
    const list = page.locator('#node-input-commands-list');
    await list.waitFor({ state: 'visible' });
    const rows = list.locator('li');
    assert.equal(await rows.count(), 3);
    assert.equal(await rows.nth(0).locator('.symphony-command-pattern').inputValue(), '/price {ticker}');
    // A bad pattern is marked, with the reason under it.
    await rows.nth(0).locator('.symphony-command-pattern').fill('/price {ticker');
    const problem = rows.nth(0).locator('.symphony-command-problem');
    assert.equal((await problem.innerText()).trim(), '{ticker is not an argument: write {name}, {name:type} or {name:type?}');
    assert.equal(await rows.nth(0).locator('.symphony-command-pattern').evaluate((el) => el.classList.contains('input-error')), true);
    await rows.nth(0).locator('.symphony-command-pattern').fill('/price {ticker:$cashtag}');
    assert.equal(await problem.isVisible(), false);
    // assign goes, a new command comes last.
    await rows.nth(1).locator('.red-ui-editableList-item-remove').click();
    const rowCount = async (count: number): Promise<void> => {
      for (let i = 0; i < 100 && (await rows.count()) !== count; i += 1) await delay(50);
      assert.equal(await rows.count(), count);
    };
    await rowCount(2);
    await page.locator('.red-ui-editableList-addButton').click();
    await rowCount(3);
    await list.locator('li').nth(2).locator('.symphony-command-pattern').fill('/list {count:number?}');
    await delay(400);
    await screenshot(page, 'command-dialog');
    await page.locator('#node-dialog-ok').click();
    await waitForTraysClosed(page);
    const saved = await page.evaluate(() => {
      const { RED } = globalThis as unknown as EditorWindow;
      const node = RED.nodes.node('cmd')!;
      const links = RED.nodes.filterLinks({ source: node }).map((l) => [Number(l.sourcePort), l.target.id] as const).sort((a, b) => a[0] - b[0]);
      return { commands: node.commands, outputs: node.outputs, links, valid: node.valid };
    });
    assert.deepEqual(saved.commands, [
      { pattern: '/price {ticker:$cashtag}', description: 'Price' }, { pattern: '/note {text:rest}', description: 'Note' }, { pattern: '/list {count:number?}', description: '' },
    ]);
    assert.equal(saved.outputs, 4);
    assert.deepEqual(saved.links, [[0, 'cmd-price'], [1, 'cmd-note'], [3, 'cmd-other']], 'note and no match keep their wires; the new command starts unwired');
    assert.equal(saved.valid, true);
    assert.deepEqual(log.errorsSince(0), [], `console errors:\n${describeEntries(log.errorsSince(0))}`);
  });

  it('a node dropped from the palette takes the one Symphony connection there is, and none when there are two', async function () {
    const { page, console: log } = await editor();
    const configOf = (id: string): Promise<{ config: unknown; users: string[] }> => page.evaluate(({ id, configId }) => {
      const { RED } = globalThis as unknown as EditorWindow;
      const users = (RED.nodes.node(configId)?.users ?? []) as Array<{ id: string }>;
      return { config: RED.nodes.node(id)?.config, users: users.map((u) => u.id) };
    }, { id, configId: DEMO_CONFIG_ID });
    const dropNew = async (type: string, at: { x: number; y: number }): Promise<string> => {
      const before = await page.evaluate((type) => {
        const { RED } = globalThis as unknown as EditorWindow;
        return RED.nodes.filterNodes({ type }).map((n) => n.id);
      }, type);
      const after = await dropFromPalette(page, type, at);
      const added = after.filter((id) => !before.includes(id));
      assert.equal(added.length, 1, `one ${type} dropped`);
      return added[0]!;
    };
    await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.workspaces.add(null));

    const lookup = await dropNew('symphony-users-lookup', { x: 200, y: 100 });
    const events = await dropNew('symphony-events', { x: 200, y: 200 });
    assert.equal((await configOf(lookup)).config, DEMO_CONFIG_ID, 'an operation node takes the only config node');
    assert.equal((await configOf(events)).config, DEMO_CONFIG_ID, 'the events node takes it too');
    assert.ok((await configOf(lookup)).users.includes(lookup), 'and is counted among its users');
    // Its dialog shows the connection, and Done keeps it.
    await editNode(page, lookup);
    await page.locator('#node-dialog-ok').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#node-input-config').inputValue(), DEMO_CONFIG_ID);
    await page.locator('#node-dialog-ok').click();
    await waitForTraysClosed(page);
    assert.equal((await configOf(lookup)).config, DEMO_CONFIG_ID);

    // Pasted without a connection: the same, and the config node counts it as a user.
    await page.evaluate(() => {
      const { RED } = globalThis as unknown as EditorWindow;
      RED.view.importNodes([{ id: 'pasted-presence', type: 'symphony-presence-set', z: RED.workspaces.active(), x: 400, y: 300, wires: [] }],
        { generateIds: false, applyNodeDefaults: true, touchImport: true, notify: false });
    });
    assert.deepEqual(await configOf('pasted-presence').then((c) => [c.config, c.users.includes('pasted-presence')]), [DEMO_CONFIG_ID, true]);

    // A second connection: which one is meant is the user's choice.
    await page.evaluate(() => {
      (globalThis as unknown as EditorWindow).RED.view.importNodes([{ id: 'second-config', type: 'symphony-config', name: 'second pod', podUrl: 'https://second.example.com', botUsername: 'bot' }],
        { generateIds: false, applyNodeDefaults: true, touchImport: true, notify: false });
    });
    assert.equal((await configOf(await dropNew('symphony-users-lookup', { x: 400, y: 100 }))).config, '', 'no pick between two');
    assert.equal((await configOf(await dropNew('symphony-events', { x: 400, y: 200 }))).config, '', 'no pick between two');
    assert.deepEqual(log.errorsSince(0), [], `console errors:\n${describeEntries(log.errorsSince(0))}`);
  });

  it('marks a proxy URL carrying a user name or password as invalid in the config node, pointing to the proxy fields', async function () {
    const { page } = await editor();
    const verdicts = await page.evaluate(() => {
      const { RED } = globalThis as unknown as EditorWindow;
      const type = RED.nodes.getType('symphony-config') as unknown as { defaults: Record<string, { validate?: (value: string, opt: object) => unknown }> };
      const validate = type.defaults.proxyUrl!.validate!;
      return ['http://user:secret@proxy.corp:8080', 'http://user@proxy.corp:8080', 'http://proxy.corp:8080', '']
        .map((url) => [url, validate(url, { label: 'Proxy URL' })]);
    });
    assert.match(String(verdicts[0]![1]), /^Proxy URL: must not carry a user name or password: a proxy's go in Proxy username and Proxy password$/);
    assert.match(String(verdicts[1]![1]), /must not carry a user name or password/);
    assert.deepEqual(verdicts.slice(2), [['http://proxy.corp:8080', true], ['', true]]);
  });

  it("creates a config node for a pod through its dialog and 'Test connection' reaches it as Demo Bot", async function () {
    const { page, console: log } = await editor();
    // A pod of its own: a simulator outside Node-RED, with the test keys registered.
    const pod = await startTestSimulator();
    pods.push(pod);
    const privateKey = keyPair('bot').privatePem;

    // A users-lookup node on a new tab, its dialog open, then "add new Symphony connection" (the + button).
    await page.evaluate(() => {
      const { RED } = globalThis as unknown as EditorWindow;
      const tab = RED.workspaces.add(null);
      RED.view.importNodes([{ id: 'browser-lookup', type: 'symphony-users-lookup', z: tab.id, x: 200, y: 100, wires: [] }], { generateIds: false, applyNodeDefaults: true, notify: false });
      RED.editor.edit(RED.nodes.node('browser-lookup')!);
    });
    await page.locator('#node-dialog-cancel').waitFor({ state: 'visible' });
    await page.locator('#node-input-btn-config-add').click();
    await page.locator('#node-config-dialog-ok').waitFor({ state: 'visible' });
    await page.locator('#node-config-input-podUrl').waitFor({ state: 'visible' });

    await page.locator('#node-config-input-name').fill('made in the browser test');
    await page.locator('#node-config-input-podUrl').fill(pod.url);
    await page.locator('#node-config-input-botUsername').fill('demo-bot');
    await delay(TAB_CLICK_GAP_MS);
    await page.locator('#red-ui-tab-node-config-symphony-tab-authentication a').click();
    await page.locator('#node-config-input-privateKey').waitFor({ state: 'visible' });
    await page.locator('#node-config-input-privateKey').fill(privateKey);
    await delay(TAB_CLICK_GAP_MS);
    await page.locator('#red-ui-tab-node-config-symphony-tab-connection a').click();

    const spot = page.locator('#node-config-symphony-test-connection');
    const button = spot.locator('button');
    await button.waitFor({ state: 'visible', timeout: 5_000 }).catch(async () => {
      const hasSpot = (await spot.count()) > 0;
      assert.fail(`the config dialog has no "Test connection" button: expected a <button> inside #node-config-symphony-test-connection${hasSpot ? ' (the spot is there, empty)' : ' (the spot itself is missing)'}, posting to the admin endpoint symphony/test-connection`);
    });
    await button.click();
    // The outcome replaces the spinner once the admin endpoint answered.
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
      const busy = doc.querySelector('#node-config-symphony-test-connection .fa-spin');
      const text = doc.querySelector('#node-config-symphony-test-connection')?.textContent ?? '';
      return !busy && text.replace(/test connection/i, '').trim() !== '';
    }, undefined, { timeout: 30_000 });
    const outcome = (await spot.innerText()).trim();
    await screenshot(page, 'config-test-connection');
    assert.match(outcome, /Demo Bot/, `"Test connection" says: ${outcome}`);
    assert.doesNotMatch(outcome, /PRIVATE KEY/, 'the outcome shows no key');

    // Add: the new config node is selected in the lookup node's dialog; Done keeps it.
    await page.locator('#node-config-dialog-ok').click();
    await page.locator('#node-config-dialog-ok').waitFor({ state: 'detached' });
    const configId = await page.locator('#node-input-config').inputValue();
    await page.locator('#node-dialog-ok').click();
    await waitForTraysClosed(page);
    const made = await page.evaluate((configId) => {
      const { RED } = globalThis as unknown as EditorWindow;
      const config = RED.nodes.node(configId);
      return {
        lookupConfig: RED.nodes.node('browser-lookup')?.config,
        type: config?.type,
        podUrl: config?.podUrl,
        botUsername: config?.botUsername,
        hasKey: typeof config?.credentials?.privateKey === 'string' && config.credentials.privateKey !== '',
      };
    }, configId);
    assert.notEqual(configId, DEMO_CONFIG_ID, 'a new config node, not the demo one');
    assert.deepEqual(made, { lookupConfig: configId, type: 'symphony-config', podUrl: pod.url, botUsername: 'demo-bot', hasKey: true });
    assert.deepEqual(log.errorsSince(0), [], `console errors:\n${describeEntries(log.errorsSince(0))}`);
  });

  it("offers the built-in simulator: the pod's fields hide, nothing else is needed, and 'Test connection' says it is one", async function () {
    const { page, console: log } = await editor();
    await page.evaluate(() => {
      const { RED } = globalThis as unknown as EditorWindow;
      const tab = RED.workspaces.add(null);
      RED.view.importNodes([{ id: 'browser-sim-lookup', type: 'symphony-users-lookup', z: tab.id, x: 200, y: 100, wires: [] }], { generateIds: false, applyNodeDefaults: true, notify: false });
      RED.editor.edit(RED.nodes.node('browser-sim-lookup')!);
    });
    await page.locator('#node-dialog-cancel').waitFor({ state: 'visible' });
    await page.locator('#node-input-btn-config-add').click();
    await page.locator('#node-config-dialog-ok').waitFor({ state: 'visible' });
    await page.locator('#node-config-input-podUrl').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#node-config-input-connectTo').inputValue(), 'pod', 'a new config node connects to a pod');

    await page.locator('#node-config-input-connectTo').selectOption('simulator');
    await page.locator('#node-config-input-podUrl').waitFor({ state: 'hidden' });
    for (const field of ['botUsername', 'agentUrl']) assert.equal(await page.locator(`#node-config-input-${field}`).isVisible(), false, `${field} is hidden`);
    await page.locator('[data-symphony-simulator-only]').waitFor({ state: 'visible' });

    const spot = page.locator('#node-config-symphony-test-connection');
    await spot.locator('button').click();
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
      const busy = doc.querySelector('#node-config-symphony-test-connection .fa-spin');
      const text = doc.querySelector('#node-config-symphony-test-connection')?.textContent ?? '';
      return !busy && text.replace(/test connection/i, '').trim() !== '';
    }, undefined, { timeout: 30_000 });
    const outcome = (await spot.innerText()).trim();
    await screenshot(page, 'config-built-in-simulator');
    assert.match(outcome, /Demo Bot/, `"Test connection" says: ${outcome}`);
    assert.match(outcome, /built-in simulator/, `"Test connection" says: ${outcome}`);

    await page.locator('#node-config-dialog-ok').click();
    await page.locator('#node-config-dialog-ok').waitFor({ state: 'detached' });
    const configId = await page.locator('#node-input-config').inputValue();
    await page.locator('#node-dialog-ok').click();
    await waitForTraysClosed(page);
    const made = await page.evaluate((configId) => {
      const { RED } = globalThis as unknown as EditorWindow;
      const config = RED.nodes.node(configId) as unknown as { connectTo?: string; valid?: boolean; _def: { label(this: unknown): string } } | null;
      return { connectTo: config?.connectTo, valid: config?.valid, label: config ? config._def.label.call(config) : '' };
    }, configId);
    assert.deepEqual(made, { connectTo: 'simulator', valid: true, label: 'built-in simulator' });
    assert.deepEqual(log.errorsSince(0), [], `console errors:\n${describeEntries(log.errorsSince(0))}`);
  });

  it("'Test connection' after the pod URL changed names the stored secrets to enter again, and marks them", async function () {
    // A config node for a pod, deployed with its secrets stored (the examples' own uses the built-in simulator).
    const podConfigId = 'browser-deployed-pod';
    const flows = await (await fetch(`${demo!.editor}/flows`)).json() as Array<Record<string, unknown>>;
    const key = keyPair('bot').privatePem;
    const deployed = await fetch(`${demo!.editor}/flows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Node-RED-Deployment-Type': 'nodes' },
      body: JSON.stringify([...flows.filter((n) => n.id !== podConfigId), {
        id: podConfigId, type: 'symphony-config', connectTo: 'pod', name: 'a deployed pod', podUrl: 'https://pod.example.com',
        botUsername: 'demo-bot', appId: 'demo-obo-app', credentials: { privateKey: key, appPrivateKey: key },
      }]),
    });
    assert.ok(deployed.ok, `POST /flows answered ${deployed.status} ${await deployed.text()}`);
    const { page, console: log } = await editor();
    await page.evaluate((id) => (globalThis as unknown as EditorWindow).RED.editor.editConfig('', 'symphony-config', id), podConfigId);
    await page.locator('#node-config-input-podUrl').waitFor({ state: 'visible' });
    await page.locator('#node-config-input-podUrl').fill('https://moved.example.com');
    const spot = page.locator('#node-config-symphony-test-connection');
    await spot.locator('button').click();
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
      return !doc.querySelector('#node-config-symphony-test-connection .fa-spin')
        && (doc.querySelector('#node-config-symphony-test-connection')?.textContent ?? '').includes('failed');
    }, undefined, { timeout: 30_000 });
    const outcome = (await spot.innerText()).replace(/\s+/g, ' ').trim();
    assert.match(outcome, /Pod URL differs from the deployed connection.*Enter again: Private key, App private key/, outcome);
    const marked = await page.evaluate(() => ['podUrl', 'privateKey', 'appPrivateKey', 'botUsername'].map((field) => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { classList: { contains(c: string): boolean } } | null } }).document;
      return [field, doc.querySelector(`#node-config-input-${field}`)?.classList.contains('input-error') ?? null];
    }));
    assert.deepEqual(marked, [['podUrl', true], ['privateKey', true], ['appPrivateKey', true], ['botUsername', false]]);
    await page.locator('#node-config-dialog-cancel').click();
    await waitForTraysClosed(page);
    assert.deepEqual(log.errorsSince(0), [], `console errors:\n${describeEntries(log.errorsSince(0))}`);
  });

  it('imports example 01 from the menu, deploys it, and its inject shows presence BUSY in the debug sidebar', async function () {
    const { page, console: log } = await editor();
    const tabsBefore = await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.nodes.getWorkspaceOrder());

    // Menu > Import > Examples > the package > "01 ...".
    await page.locator('#red-ui-header-button-sidemenu').click();
    await page.locator('#menu-item-import').click();
    await page.locator('#red-ui-tab-red-ui-clipboard-dialog-import-tab-examples').click();
    const examples = page.locator('#red-ui-clipboard-dialog-import-tab-examples');
    await examples.getByText(PACKAGE_NAME, { exact: true }).click();
    const example = examples.locator('.red-ui-treeList-label-text', { hasText: /^01 / });
    const exampleName = (await example.innerText()).trim();
    await example.click();
    await page.locator('#red-ui-clipboard-dialog-ok').click();

    // The demo has the example deployed already: Node-RED offers a copy (which reuses the deployed config node).
    const importCopy = page.locator('.red-ui-notification button', { hasText: 'Import copy' });
    const deadline = Date.now() + 10_000;
    let newTab: string | undefined;
    for (;;) {
      const tabs = await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.nodes.getWorkspaceOrder());
      newTab = tabs.find((id) => !tabsBefore.includes(id));
      if (newTab) break;
      if (await importCopy.isVisible()) await importCopy.click();
      if (Date.now() > deadline) assert.fail(`importing "${exampleName}" added no flow tab`);
      await delay(100);
    }

    const imported = await page.evaluate((tab) => {
      const { RED } = globalThis as unknown as EditorWindow;
      RED.workspaces.show(tab);
      const nodes = RED.nodes.filterNodes({ z: tab });
      return {
        inject: nodes.filter((n) => n.type === 'inject').map((n) => n.id),
        configs: [...new Set(nodes.filter((n) => n.type.startsWith('symphony-')).map((n) => n.config))],
      };
    }, newTab);
    assert.equal(imported.inject.length, 1, `"${exampleName}" has one inject node`);
    assert.deepEqual(imported.configs, [DEMO_CONFIG_ID], 'the copy uses the demo config node (the built-in simulator)');

    await page.locator('#red-ui-header-button-deploy').click();
    await page.locator('.red-ui-notification', { hasText: 'Successfully deployed' }).waitFor({ state: 'visible', timeout: 20_000 });

    await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.sidebar.show('debug'));
    const fromTab = page.locator(`.red-ui-debug-msg.red-ui-debug-msg-flow-${newTab}`);
    await page.locator(`[id="${imported.inject[0]}"] .red-ui-flow-node-button-button`).click();

    const presence = fromTab.filter({ has: page.locator('.red-ui-debug-msg-name', { hasText: '4 presence' }) });
    await presence.first().waitFor({ state: 'visible', timeout: 20_000 }).catch(async () => {
      const shown = await fromTab.allInnerTexts();
      assert.fail(`no "4 presence" message in the debug sidebar; it shows:\n${shown.join('\n---\n') || '(nothing)'}\n${demo!.tail(15)}`);
    });
    const names = (await fromTab.locator('.red-ui-debug-msg-name').allInnerTexts()).map((n) => n.replace(/^node:\s*/, '').trim());
    assert.deepEqual(names, ['1 user found', '2 IM', '3 message sent', '4 presence'], 'each step shows once, nothing reached "errors"');
    const presenceText = await presence.first().innerText();
    assert.match(presenceText, /category/);
    assert.match(presenceText, /"BUSY"/, presenceText);

    // Open the presence object for the picture.
    await presence.first().locator('.red-ui-debug-msg-object-handle').first().click();
    await delay(300);
    await screenshot(page, 'debug-sidebar');
    assert.deepEqual(log.errorsSince(0), [], `console errors:\n${describeEntries(log.errorsSince(0))}`);
  });
});
