/**
 * The debug sidebar as a person reads it: each message with the node and flow it came from (the classes Node-RED's
 * debug sidebar gives it), its level (error, warning) and its text. The sidebar keeps the last 100 messages only,
 * so a test clears it between the steps it reads.
 */
import type { Page } from 'playwright-core';
import type { EditorWindow } from './editor-page';

export interface DebugEntry {
  /** The source node's id: a debug node, or the node that logged an error or warning. */
  node: string;
  flow: string;
  /** 'error', 'warn', or '' for a debug node's message. */
  level: '' | 'error' | 'warn';
  name: string;
  text: string;
}

export async function showDebugSidebar(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.sidebar.show('debug'));
}

/** Presses the sidebar's "clear all" button and waits until it is empty. */
export async function clearDebugSidebar(page: Page): Promise<void> {
  await showDebugSidebar(page);
  await page.locator('#red-ui-sidebar-debug-clear').click();
  await page.waitForFunction(() => {
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document;
    return doc.querySelectorAll('.red-ui-debug-content .red-ui-debug-msg').length === 0;
  });
}

export async function debugEntries(page: Page): Promise<DebugEntry[]> {
  return page.locator('.red-ui-debug-content .red-ui-debug-msg').evaluateAll((elements) => elements.map((element) => {
    const classes = [...element.classList];
    const after = (prefix: string) => (classes.find((c) => c.startsWith(prefix)) ?? '').slice(prefix.length);
    const level = after('red-ui-debug-msg-level-');
    const name = element.querySelector('.red-ui-debug-msg-name')?.textContent ?? '';
    const text = (element.querySelector('.red-ui-debug-msg-payload') as { innerText?: string } | null)?.innerText ?? '';
    return {
      node: after('red-ui-debug-msg-node-'),
      flow: after('red-ui-debug-msg-flow-'),
      level: level === '20' ? 'error' as const : level === '30' ? 'warn' as const : '' as const,
      name: name.replace(/^node:\s*/, '').trim(),
      text: text.trim(),
    };
  }));
}

export function describeDebug(entries: readonly DebugEntry[]): string {
  if (entries.length === 0) return '  (nothing)';
  return entries.map((e) => `  [${e.level || 'msg'}] ${e.name || e.node}: ${e.text.replace(/\s+/g, ' ').slice(0, 200)}`).join('\n');
}
