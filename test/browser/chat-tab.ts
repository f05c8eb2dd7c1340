/**
 * The "Symphony chat" sidebar tab driven as a person does: act as one of the simulator's users, open the IM with
 * someone, type, and wait for a message to appear.
 */
import type { Locator, Page } from 'playwright-core';
import type { EditorWindow } from './editor-page';

export const CHAT_TAB = '#red-ui-sidebar-content .symphony-chat';

/** Shows the tab and waits until it is live (the built-in simulator runs). */
export async function showChat(page: Page): Promise<Locator> {
  await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.sidebar.show('symphony-chat'));
  const tab = page.locator(CHAT_TAB);
  await tab.locator('.symphony-chat-controls').waitFor({ state: 'visible', timeout: 15_000 });
  return tab;
}

export async function actAs(tab: Locator, username: string): Promise<void> {
  const select = tab.locator('select.symphony-chat-user');
  if ((await select.inputValue()) !== username) await select.selectOption(username);
}

/** "Chat with" the user, Open: the IM between them is the conversation shown. */
export async function openIm(tab: Locator, username: string, displayName: string): Promise<void> {
  await tab.locator(`select.symphony-chat-contact option[value="${username}"]`).waitFor({ state: 'attached' });
  await tab.locator('select.symphony-chat-contact').selectOption(username);
  await tab.getByRole('button', { name: 'Open' }).click();
  const stream = tab.locator('select.symphony-chat-stream');
  await stream.locator('option', { hasText: `${displayName} (IM)` }).waitFor({ state: 'attached' });
  await tab.page().waitForFunction(({ selector, label }) => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): { selectedOptions?: ArrayLike<{ textContent: string | null }> } | null } }).document;
    const chosen = doc.querySelector(selector)?.selectedOptions?.[0];
    return Boolean(chosen && (chosen.textContent ?? '').includes(label));
  }, { selector: `${CHAT_TAB} select.symphony-chat-stream`, label: `${displayName} (IM)` });
}

export async function say(tab: Locator, text: string): Promise<void> {
  const input = tab.locator('.symphony-chat-composer textarea');
  await input.fill(text);
  await input.press('Enter');
}

/** The messages of the conversation shown whose sender and text match. */
export function messagesFrom(tab: Locator, sender: string, text: RegExp): Locator {
  return tab.locator('.symphony-chat-message')
    .filter({ has: tab.page().locator('.symphony-chat-sender', { hasText: sender }) })
    .filter({ has: tab.page().locator('.symphony-chat-body', { hasText: text }) });
}
