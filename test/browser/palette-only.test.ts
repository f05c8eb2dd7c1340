/**
 * Works out of the palette: this package packed and installed alone into a fresh Node-RED user directory (as the
 * palette manager does it; no `npm start`, no demo flows), the editor in Chromium. Every example is imported from
 * Import > Examples, deployed and run (every inject pressed, the debug sidebar checked against what the flow's
 * wiring says must show); alice talks to the echo bot and submits the form node's form in the chat tab; and a
 * flow made by hand from the palette (inject > lookup users > create IM > send message) reaches bob's chat.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { delay, EXAMPLES } from '../helpers/demo';
import { actAs, messagesFrom, openIm, say, showChat } from './chat-tab';
import { launchChromium } from './chromium';
import { clearDebugSidebar, debugEntries, describeDebug, showDebugSidebar } from './debug-sidebar';
import { deploy, importExampleFromMenu, importExamplesAsTheMenuDoes, pressInject } from './editor-flows';
import { ARTIFACTS_DIR, describeEntries, openEditor, screenshot, type EditorPage, type EditorWindow } from './editor-page';
import { runExampleTab } from './example-run';
import { addTab, dropNew, setFieldText, setInjectPayloadText, wire } from './hand-built-flow';
import { startPackedNodeRed, type PackedNodeRed } from './packed-node-red';

/** The example imported through the menu itself; the others take the same path without the clicks. */
const MENU_EXAMPLE = '01 ';
/** The one text typed into the hand-made flow's send message node. */
const HAND_BUILT_TEXT = 'Hello bob, from a flow made in the editor';

describe('works out of the palette: the packed package alone in a plain Node-RED (Chromium)', function () {
  this.timeout(60_000);

  let nodeRed: PackedNodeRed | undefined;
  let browser: Browser | undefined;
  let editor: EditorPage | undefined;
  let finished = false;
  /** The example tabs, in import order. */
  const exampleTabs: string[] = [];

  const page = () => editor!.page;
  const tabNamed = async (prefix: string): Promise<string> => {
    const found = await page().evaluate(({ tabs, prefix }) => {
      const { RED } = globalThis as unknown as EditorWindow;
      return tabs.find((id) => (RED.nodes.workspace(id)?.label ?? '').startsWith(prefix));
    }, { tabs: exampleTabs, prefix });
    assert.ok(found, `a tab named "${prefix}..."`);
    return found;
  };

  before(async function () {
    this.timeout(180_000);
    // Chromium starts while the package is packed and installed; a browser that arrives after the suite gave up
    // is closed at once.
    const launching = launchChromium();
    launching.then((launched) => (finished ? launched.close() : undefined), () => undefined);
    const started = Date.now();
    nodeRed = await startPackedNodeRed();
    browser = await launching;
    console.log(`      (packed, installed alone and started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    editor = await openEditor(browser, nodeRed.editor);
  });

  afterEach(async function () {
    if (editor && this.currentTest?.state === 'failed') {
      const name = `failed-palette-${(this.currentTest.title).replace(/[^A-Za-z0-9]+/g, '-').slice(0, 50)}`;
      await screenshot(editor.page, name).catch(() => undefined);
    }
  });

  after(async function () {
    this.timeout(40_000);
    finished = true;
    await Promise.race([editor?.context.close().catch(() => undefined), delay(10_000)]);
    await Promise.race([browser?.close().catch(() => undefined), delay(10_000)]);
    if (nodeRed) {
      fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS_DIR, 'palette-only-node-red.log'), nodeRed.log());
    }
    await nodeRed?.stop();
  });

  it('imports every example of the package from Import > Examples, and deploys them without a question', async function () {
    const { page } = editor!;
    exampleTabs.push(await importExampleFromMenu(page, nodeRed!.packageName, MENU_EXAMPLE));
    const before = await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.nodes.getWorkspaceOrder());
    const files = await importExamplesAsTheMenuDoes(page, nodeRed!.packageName, (file) => file.startsWith(MENU_EXAMPLE));
    const after = await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.nodes.getWorkspaceOrder());
    exampleTabs.push(...after.filter((id) => !before.includes(id)));
    assert.equal(exampleTabs.length, files.length + 1, 'one tab per example');
    const shipped = fs.readdirSync(EXAMPLES).filter((file) => file.endsWith('.json')).length;
    assert.equal(exampleTabs.length, shipped, 'the editor offers every example of examples/');

    const configs = await page.evaluate(() => {
      const { RED } = globalThis as unknown as EditorWindow & { RED: { nodes: { eachConfig(cb: (n: { type: string; connectTo?: string }) => void): void } } };
      const found: Array<{ type: string; connectTo?: string }> = [];
      RED.nodes.eachConfig((n) => found.push({ type: n.type, connectTo: n.connectTo }));
      return found.filter((n) => n.type === 'symphony-config');
    });
    assert.deepEqual(configs, [{ type: 'symphony-config', connectTo: 'simulator' }], 'the examples share one connection: the built-in simulator');
    await deploy(page);
    assert.deepEqual(editor!.console.errorsSince(0), [], describeEntries(editor!.console.errorsSince(0)));
  });

  it('every inject of every example shows its debug output, and no error', async function () {
    this.timeout(240_000);
    const { page } = editor!;
    await showDebugSidebar(page);
    const problems: string[] = [];
    let injects = 0;
    let messages = 0;
    for (const tab of exampleTabs) {
      const run = await runExampleTab(page, tab);
      injects += run.injects;
      messages += run.messages;
      if (run.problems.length > 0) {
        problems.push(`${run.label}:\n${run.problems.join('\n')}`);
        await screenshot(page, `failed-palette-${run.label.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40)}`).catch(() => undefined);
      }
    }
    console.log(`      (${injects} injects pressed in ${exampleTabs.length} examples, ${messages} debug messages read)`);
    assert.deepEqual(problems, [], `\n${problems.join('\n\n')}\n\nNode-RED's log:\n${nodeRed!.tail(40)}`);
  });

  it('in the chat tab, alice mentions the echo bot and its answer appears', async function () {
    const { page } = editor!;
    const chat = await showChat(page);
    await actAs(chat, 'alice');
    await openIm(chat, 'demo-bot', 'Demo Bot');
    await say(chat, '@demo-bot hello from the palette');
    await messagesFrom(chat, 'Alice Adams', /hello from the palette/).first().waitFor();
    await messagesFrom(chat, 'Demo Bot', /You said: .*hello from the palette/).first().waitFor({ timeout: 15_000 });
    await screenshot(page.locator('#red-ui-sidebar'), 'palette-chat-echo');
  });

  it("in the chat tab, alice fills in and submits the form node's form, and the flow confirms the order", async function () {
    const { page } = editor!;
    await clearDebugSidebar(page);
    const chat = await showChat(page);
    await actAs(chat, 'alice');
    await openIm(chat, 'demo-bot', 'Demo Bot');
    // The form example's "send the order form to alice" sent it in the run of every inject.
    const form: Locator = chat.locator('.symphony-chat-message', { hasText: 'New FX order' }).last().locator('.symphony-chat-form');
    await form.waitFor();
    await form.locator('[data-name="quantity"]').fill('1200000');
    await form.locator('select[data-name="side"]').selectOption('sell');
    await form.getByRole('button', { name: 'Place order' }).click();
    await form.getByText(/^Sent/).waitFor();
    await messagesFrom(chat, 'Demo Bot', /Order received: sell 1200000 EURUSD \(Alice Adams\)/).first().waitFor({ timeout: 15_000 });
    await screenshot(page.locator('#red-ui-sidebar'), 'palette-chat-form');

    const formTab = await tabNamed('23 ');
    await showDebugSidebar(page);
    const reply = page.locator(`.red-ui-debug-msg.red-ui-debug-msg-flow-${formTab}`, { has: page.locator('.red-ui-debug-msg-name', { hasText: '2 reply, typed' }) });
    await reply.first().waitFor({ timeout: 10_000 }).catch(async () => assert.fail(`no "2 reply, typed"; the sidebar:\n${describeDebug(await debugEntries(page))}`));
    const text = await reply.first().innerText();
    assert.match(text, /quantity/);
    assert.match(text, /1200000/);
    assert.match(text, /"sell"/);
    const errors = (await debugEntries(page)).filter((e) => e.level === 'error' || e.name === 'errors');
    assert.deepEqual(errors, [], describeDebug(errors));
  });

  it('a flow made by hand from the palette (inject bob > lookup users > create IM > send message) reaches bob in the chat tab', async function () {
    const { page } = editor!;
    await addTab(page);
    const inject = await dropNew(page, 'inject', { x: 120, y: 80 });
    const lookup = await dropNew(page, 'symphony-users-lookup', { x: 330, y: 160 });
    const im = await dropNew(page, 'symphony-im-create', { x: 540, y: 240 });
    const send = await dropNew(page, 'symphony-message-send', { x: 750, y: 320 });
    await wire(page, inject, lookup);
    await wire(page, lookup, im);
    await wire(page, im, send);
    const configs = await page.evaluate((ids) => ids.map((id) => (globalThis as unknown as EditorWindow).RED.nodes.node(id)?.config), [lookup, im, send]);
    assert.ok(configs.every((c) => typeof c === 'string' && c !== ''), `each Symphony node took the connection: ${JSON.stringify(configs)}`);
    await setInjectPayloadText(page, inject, 'bob');
    // What to say: by then msg.payload holds the IM, which is no message.
    await setFieldText(page, send, 'message', HAND_BUILT_TEXT);
    await deploy(page);
    await clearDebugSidebar(page);
    const tab = await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.workspaces.active());

    // bob's IM with the bot, open in the chat tab before the press: what arrives after it is the flow's.
    const chat = await showChat(page);
    await actAs(chat, 'bob');
    await openIm(chat, 'demo-bot', 'Demo Bot');
    const arrived = messagesFrom(chat, 'Demo Bot', new RegExp(HAND_BUILT_TEXT));
    assert.equal(await arrived.count(), 0);
    await pressInject(page, tab, inject);
    await arrived.first().waitFor({ timeout: 15_000 }).catch(async () => {
      await showDebugSidebar(page);
      assert.fail(`no "${HAND_BUILT_TEXT}" from Demo Bot in bob's IM; the debug sidebar:\n${describeDebug(await debugEntries(page))}\n${nodeRed!.tail(15)}`);
    });
    await screenshot(page.locator('#red-ui-sidebar'), 'palette-chat-hand-built');
    assert.deepEqual(editor!.console.errorsSince(0), [], describeEntries(editor!.console.errorsSince(0)));
  });

  it("Node-RED's log holds no error, and no warning from a node of the package", function () {
    const lines = nodeRed!.log().split('\n');
    const bad = lines.filter((line) => /\[error\]/.test(line) || /\[warn\] \[symphony-/.test(line));
    assert.deepEqual(bad, [], `the log is in ${path.join(ARTIFACTS_DIR, 'palette-only-node-red.log')}`);
  });
});
