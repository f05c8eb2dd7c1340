/**
 * The "Symphony chat" sidebar tab in a real browser (Debian's Chromium, headless), against Node-RED running in
 * a child process with the built-in simulator (chat-node-red.ts): it says when the built-in simulator is not running, comes alive once it runs, and lets a person
 * type as alice (the message appears with its mention and hashtag), see the bot's form arrive live, and submit
 * it (the bot receives the SYMPHONYELEMENTSACTION). Hidden, it asks the server nothing.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SEED, type V4EventJson, type V4MessageJson } from '../../simulator';
import { delay } from '../helpers/demo';
import { launchChromium } from './chromium';
import { startChatHost, type ChatHost } from './chat-host';
import type { ChatHostState } from './chat-node-red';
import { describeEntries, openEditor, screenshot, type EditorPage, type EditorWindow } from './editor-page';

const TAB = '#red-ui-sidebar-content .symphony-chat';

describe('the Symphony chat tab in a browser (Chromium)', function () {
  this.timeout(60_000);

  let host: ChatHost | undefined;
  let browser: Browser | undefined;
  let editor: EditorPage | undefined;
  let finished = false;

  before(async function () {
    // Chromium starts while Node-RED does; a browser that arrives after the suite gave up is closed at once.
    const starting = launchChromium();
    starting.then((launched) => (finished ? launched.close() : undefined), () => undefined);
    host = await startChatHost();
    browser = await starting;
  });

  afterEach(async function () {
    if (editor && this.currentTest?.state === 'failed') await screenshot(editor.page, 'failed-chat-view').catch(() => undefined);
  });

  after(async function () {
    this.timeout(30_000);
    finished = true;
    await editor?.context.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await host?.stop();
  });

  async function showTab(page: Page, id: string): Promise<void> {
    await page.evaluate((tab) => (globalThis as unknown as EditorWindow).RED.sidebar.show(tab), id);
  }

  it('says the built-in simulator is not running, with how to start it and who is in it', async function () {
    editor = await openEditor(browser!, host!.editor);
    const { page } = editor;
    await showTab(page, 'symphony-chat');
    const tab = page.locator(TAB);
    await tab.locator('.symphony-chat-notice').getByText('The built-in simulator is not running.').waitFor();
    assert.match(await tab.locator('.symphony-chat-notice').innerText(), /pick "the built-in simulator" to connect to, and deploy/);
    // The people are listed once the users' answer is in; the notice may show before.
    await tab.locator('.symphony-chat-people').getByText('Alice Adams').first().waitFor();
    assert.match(await tab.locator('.symphony-chat-people').innerText(), /Alice Adams \(alice\) FX Trader, Simulated Bank/);
    assert.ok(await page.locator('#red-ui-sidebar-tabs li').filter({ has: page.locator('.fa-comments') }).count() > 0, 'the tab has its icon');
  });

  it('comes alive when the simulator starts; alice types, the message appears; the bot\'s form arrives and is submitted', async function () {
    const { page } = editor!;
    const { bot } = await host!.call<{ bot: string }>({ type: 'start-simulator' });
    const tab = page.locator(TAB);
    await tab.locator('.symphony-chat-controls').waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await tab.locator('select.symphony-chat-user').inputValue(), 'alice');

    await tab.locator('select.symphony-chat-contact').selectOption(bot);
    await tab.getByRole('button', { name: 'Open' }).click();
    await tab.locator('select.symphony-chat-stream option', { hasText: 'Demo Bot (IM)' }).waitFor({ state: 'attached' });
    const { streams } = await host!.call<ChatHostState>({ type: 'state' });
    const im = streams.find((s) => s.type === 'IM')!;
    assert.deepEqual(im.members, [DEFAULT_SEED.users.bot.id, DEFAULT_SEED.users.alice.id].sort((a, b) => a - b));
    assert.equal(await tab.locator('select.symphony-chat-stream').inputValue(), im.id);

    const input = tab.locator('.symphony-chat-composer textarea');
    await input.fill('Hello @bob #fx <img src=x onerror="window.hacked=1">');
    await input.press('Enter');
    const mine = tab.locator('.symphony-chat-message.symphony-chat-mine').last();
    await mine.getByText('@Bob Brown').waitFor();
    assert.equal(await mine.locator('.symphony-chat-body').innerText(), 'Hello @Bob Brown #fx <img src=x onerror="window.hacked=1">');
    assert.equal(await mine.locator('.symphony-chat-entity').count(), 2);
    assert.equal(await mine.locator('img').count(), 0);
    assert.equal(await input.inputValue(), '', 'the composer is emptied');
    const after = (await host!.call<ChatHostState>({ type: 'state' })).streams.find((s) => s.id === im.id)!;
    assert.deepEqual(after.senders, [DEFAULT_SEED.users.alice.id], 'sent as alice, once');

    // The bot's message arrives without any click: the tab polls.
    const form = await host!.call<V4MessageJson>({
      type: 'inject-message',
      input: {
        from: bot, streamId: im.id,
        message: '<messageML>Your order?<form id="trade"><text-field name="ticker" label="Currency pair">EURUSD</text-field>'
          + '<select name="side"><option value="buy" selected="true">Buy</option><option value="sell">Sell</option></select>'
          + '<button name="place" type="action">Place order</button></form></messageML>',
      },
    });
    const formBox = tab.locator(`[data-message-id="${form.messageId}"] .symphony-chat-form`);
    await formBox.waitFor({ timeout: 5_000 });
    await formBox.locator('input[data-name="ticker"]').fill('GBPUSD');
    await formBox.locator('select[data-name="side"]').selectOption('sell');
    await formBox.getByRole('button', { name: 'Place order' }).click();
    await formBox.getByText(/^Sent/).waitFor();
    const events = await host!.call<V4EventJson[]>({ type: 'events' });
    const action = events.find((e) => e.type === 'SYMPHONYELEMENTSACTION');
    assert.ok(action, `a form reply among ${events.map((e) => e.type).join(', ')}`);
    assert.deepEqual((action.payload.symphonyElementsAction as { formValues: unknown }).formValues, { ticker: 'GBPUSD', side: 'sell', action: 'place' });
    assert.equal((action.initiator.user as { username?: string }).username, 'alice');
    await screenshot(page.locator('#red-ui-sidebar'), 'chat-view');

    assert.equal(await page.evaluate(() => (globalThis as unknown as { hacked?: number }).hacked), undefined);
    assert.deepEqual(editor!.console.errorsSince(), [], describeEntries(editor!.console.errorsSince()));
  });

  it('asks the server nothing while the tab is hidden', async function () {
    const { page } = editor!;
    await showTab(page, 'info');
    await delay(300);
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/symphony/chat/')) asked.push(request.url());
    });
    // Longer than a poll interval (1.5 s): a tab still polling would ask at least once.
    await delay(2_000);
    assert.deepEqual(asked, []);
    const polled = page.waitForRequest((request) => request.url().includes('/symphony/chat/'), { timeout: 5_000 });
    await showTab(page, 'symphony-chat');
    await polled;
  });
});
