/**
 * The `npm start` editor in a real browser (Debian's Chromium, headless, driven by playwright-core): what a
 * newcomer sees in the palette, every node's edit dialog, a config node made through its dialog and checked with
 * "Test connection", and an example imported from the menu, deployed and run. Screenshots go to
 * test-artifacts/browser/.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { delay, launchDemo, type Demo } from '../helpers/demo';
import { launchChromium } from './chromium';
import {
  clearFailureScreenshots,
  describeEntries,
  openEditor,
  screenshot,
  TAB_CLICK_GAP_MS,
  waitForTraysClosed,
  type ConsoleEntry,
  type EditorPage,
  type EditorWindow,
} from './editor-page';
import { expectedNodeTypes, type NodeTypeInfo } from './node-types';

const PACKAGE_NAME = '@symphony-nodes/node-red-symphony';
/** The config node every example uses, with the demo's keys (scripts/demo/example-flows.ts). */
const DEMO_CONFIG_ID = 'symphony-demo-config';
/** The dialog kept as a screenshot. */
const DIALOG_SHOWN = 'symphony-message-send';

/** How many editors open the dialogs in parallel. */
const DIALOG_EDITORS = 2;

interface DialogFailure {
  type: string;
  problem: string;
  entries: ConsoleEntry[];
}

/**
 * Adds each type to a new tab as dropped from the palette (defaults applied; config nodes global) and pointed at
 * the demo's config node, as in the examples; then opens each one's edit dialog (RED.editor.edit, or editConfig
 * for a config node), waits for the tray and cancels it, collecting the console errors and page errors each
 * dialog caused.
 */
async function openAndCloseDialogs({ page, console: log }: EditorPage, share: readonly NodeTypeInfo[], idPrefix: string): Promise<DialogFailure[]> {
  const loadErrors = log.errorsSince(0);
  if (loadErrors.length > 0) return [{ type: '(editor load)', problem: '', entries: loadErrors }];
  const ids = share.map((_, i) => `${idPrefix}${i}`);
  // The trays slide in and out (0.25 s each way, plus Node-RED's own timers): without the slide, a dialog
  // stands still as soon as it is built and the click on Cancel need not wait for it.
  await page.addStyleTag({ content: '.red-ui-tray { transition: none !important; }' });
  await page.evaluate(({ share, ids, configId }) => {
    const { RED } = globalThis as unknown as EditorWindow;
    const tab = RED.workspaces.add(null);
    const nodes = share.map((t, i) => (t.category === 'config'
      ? { id: ids[i], type: t.type }
      : { id: ids[i], type: t.type, z: tab.id, x: 150 + 220 * (i % 5), y: 60 + 50 * Math.floor(i / 5), wires: [], config: configId }));
    RED.view.importNodes(nodes, { generateIds: false, applyNodeDefaults: true, notify: false });
  }, { share: [...share], ids, configId: DEMO_CONFIG_ID });

  const failures: DialogFailure[] = [];
  for (const [i, { type, category }] of share.entries()) {
    const id = ids[i]!;
    const isConfig = category === 'config';
    const cancel = page.locator(isConfig ? '#node-config-dialog-cancel' : '#node-dialog-cancel');
    const from = log.mark();
    let problem = '';
    try {
      await page.evaluate(({ id, type, isConfig }) => {
        const { RED } = globalThis as unknown as EditorWindow;
        const node = RED.nodes.node(id);
        if (!node) throw new Error(`${type} was not added to the workspace`);
        if (isConfig) RED.editor.editConfig('', type, id);
        else RED.editor.edit(node);
      }, { id, type, isConfig });
      await cancel.waitFor({ state: 'visible', timeout: 10_000 });
      if (type === DIALOG_SHOWN) {
        await delay(400);
        await screenshot(page, 'dialog');
      }
      await cancel.click({ timeout: 10_000 });
      await waitForTraysClosed(page);
    } catch (err) {
      problem = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      // Leave no tray behind for the next type.
      await page.keyboard.press('Escape').catch(() => undefined);
      await waitForTraysClosed(page, 2_000).catch(() => undefined);
    }
    const entries = log.errorsSince(from);
    if (problem || entries.length > 0) failures.push({ type, problem, entries });
  }
  return failures;
}

describe('the editor in a browser (npm start, Chromium)', function () {
  this.timeout(60_000);

  let demo: Demo | undefined;
  let launching: Promise<Browser> | undefined;
  let browser: Browser | undefined;
  let finished = false;
  let editors: EditorPage[] = [];
  let types: NodeTypeInfo[] = [];

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

  it("opens and closes every node type's edit dialog without a console error", async function () {
    this.timeout(120_000);
    // A few editors side by side, each with its share of the types: the trays' slide-in and slide-out take
    // about a second per dialog, most of it waiting.
    const shares = Array.from({ length: DIALOG_EDITORS }, (_, k) => types.filter((_, i) => i % DIALOG_EDITORS === k));
    const results = await Promise.all(shares.map(async (share, k) => openAndCloseDialogs(await editor(), share, `browser-dialog-${k}-`)));
    const failures = results.flat();
    const report = failures.map((f) => `${f.type}:${f.problem ? ` ${f.problem}` : ''}\n${describeEntries(f.entries)}`).join('\n');
    assert.deepEqual(failures.map((f) => f.type), [], `edit dialogs that failed to open and close cleanly:\n${report}`);
  });

  it("creates a config node through its dialog and 'Test connection' reaches the simulator as Demo Bot", async function () {
    const { page, console: log } = await editor();
    const privateKey = fs.readFileSync(path.join(demo!.demoDir, 'keys', 'bot-private.pem'), 'utf8');

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
    await page.locator('#node-config-input-podUrl').fill(demo!.simulator);
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
    assert.deepEqual(made, { lookupConfig: configId, type: 'symphony-config', podUrl: demo!.simulator, botUsername: 'demo-bot', hasKey: true });
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
    assert.deepEqual(imported.configs, [DEMO_CONFIG_ID], 'the copy uses the demo config node (with its keys)');

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
