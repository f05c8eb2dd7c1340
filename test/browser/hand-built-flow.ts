/**
 * A flow made by hand in the editor: a new tab from its "+" button, nodes dragged from the palette, wires drawn
 * from an output port to the next node's input port, and fields typed in the edit dialog.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { dropFromPalette, waitForTraysClosed, type EditorWindow } from './editor-page';

/** Adds a flow tab with the workspace's "+" button and returns its id. */
export async function addTab(page: Page): Promise<string> {
  const before = await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.nodes.getWorkspaceOrder());
  await page.locator('#red-ui-workspace .red-ui-tab-button.red-ui-tabs-add > a').click();
  await page.waitForFunction((count) => (globalThis as unknown as EditorWindow).RED.nodes.getWorkspaceOrder().length > count, before.length);
  const after = await page.evaluate(() => (globalThis as unknown as EditorWindow).RED.nodes.getWorkspaceOrder());
  return after.find((id) => !before.includes(id))!;
}

/** Drags the type from the palette to (x, y) of the workspace; returns the new node's id. */
export async function dropNew(page: Page, type: string, at: { x: number; y: number }): Promise<string> {
  const before = await page.evaluate((type) => (globalThis as unknown as EditorWindow).RED.nodes.filterNodes({ type }).map((n) => n.id), type);
  const added = (await dropFromPalette(page, type, at)).filter((id) => !before.includes(id));
  assert.equal(added.length, 1, `one ${type} dropped from the palette`);
  return added[0]!;
}

/** Drags a wire from the first output port of `from` to the input port of `to`. */
export async function wire(page: Page, from: string, to: string): Promise<void> {
  const out = await page.locator(`[id="${from}"] .red-ui-flow-port-output`).first().boundingBox();
  const into = await page.locator(`[id="${to}"] .red-ui-flow-port-input`).first().boundingBox();
  if (!out || !into) throw new Error(`the ports of ${from} or ${to} are not on screen`);
  await page.mouse.move(out.x + out.width / 2, out.y + out.height / 2);
  await page.mouse.down();
  await page.mouse.move(into.x + into.width / 2, into.y + into.height / 2, { steps: 10 });
  await page.mouse.up();
  const linked = await page.evaluate(({ from, to }) => {
    const { RED } = globalThis as unknown as EditorWindow;
    return RED.nodes.filterLinks({ source: RED.nodes.node(from)! }).some((link) => link.target.id === to);
  }, { from, to });
  assert.ok(linked, `a wire from ${from} to ${to}`);
}

/** In a typed input's menu, "string"; then the text typed into it. */
async function typeText(page: Page, container: Locator, text: string): Promise<void> {
  await container.locator('button.red-ui-typedInput-type-select').click();
  await page.locator('.red-ui-typedInput-options').filter({ visible: true }).getByText('string', { exact: true }).click();
  await container.locator('input.red-ui-typedInput-input').fill(text);
}

/** Double-clicks the inject node, makes msg.payload the text `payload`, Done. */
export async function setInjectPayloadText(page: Page, id: string, payload: string): Promise<void> {
  await page.locator(`[id="${id}"] .red-ui-flow-node`).dblclick();
  const row = page.locator('#node-input-property-container li').first();
  await row.waitFor({ state: 'visible' });
  await typeText(page, row.locator('.red-ui-typedInput-container').last(), payload);
  await page.locator('#node-dialog-ok').click();
  await waitForTraysClosed(page);
}

/** Double-clicks the node, makes the dialog's field `field` the text `text`, Done. */
export async function setFieldText(page: Page, id: string, field: string, text: string): Promise<void> {
  await page.locator(`[id="${id}"] .red-ui-flow-node`).dblclick();
  const container = page.locator('.form-row', { has: page.locator(`#node-input-${field}`) }).locator('.red-ui-typedInput-container');
  await container.waitFor({ state: 'visible' });
  await typeText(page, container, text);
  await page.locator('#node-dialog-ok').click();
  await waitForTraysClosed(page);
}
