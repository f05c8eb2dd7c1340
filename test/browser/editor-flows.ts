/**
 * Flows in the editor as a person handles them: an example imported from Import > Examples, the others through
 * the same path the menu takes (the library's file, then the clipboard's import with "Import copy" on a conflict),
 * Deploy, a tab's nodes and wires, and an inject node's button.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { delay } from '../helpers/demo';
import type { EditorWindow } from './editor-page';
import type { GraphNode } from './flow-expectations';

/** The editor's library of the installed packages' examples. */
const EXAMPLES_LIBRARY = 'examples';

async function workspaces(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as EditorWindow).RED.nodes.getWorkspaceOrder());
}

/**
 * Menu > Import > Examples > the package > the example whose name starts with `prefix`, then Import; Node-RED's
 * "Import copy" is pressed if it says some nodes exist already (the config node the examples share). Returns the
 * new tab's id.
 */
export async function importExampleFromMenu(page: Page, packageName: string, prefix: string): Promise<string> {
  const before = await workspaces(page);
  await page.locator('#red-ui-header-button-sidemenu').click();
  await page.locator('#menu-item-import').click();
  await page.locator('#red-ui-tab-red-ui-clipboard-dialog-import-tab-examples').click();
  const examples = page.locator('#red-ui-clipboard-dialog-import-tab-examples');
  await examples.getByText(packageName, { exact: true }).click();
  await examples.locator('.red-ui-treeList-label-text', { hasText: new RegExp(`^${prefix}`) }).click();
  await page.locator('#red-ui-clipboard-dialog-ok').click();
  const importCopy = page.locator('.red-ui-notification button', { hasText: 'Import copy' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const added = (await workspaces(page)).find((id) => !before.includes(id));
    if (added) return added;
    if (await importCopy.isVisible()) await importCopy.click();
    if (Date.now() > deadline) assert.fail(`importing the example "${prefix}..." from the menu added no flow tab`);
    await delay(100);
  }
}

/**
 * Every example of the package but those named in `skip`, read from the editor's examples library and imported
 * as the import dialog does it (RED.view.importNodes, then with new ids when nodes exist already: "Import copy").
 * Returns the file names, in order.
 */
export async function importExamplesAsTheMenuDoes(page: Page, packageName: string, skip: (file: string) => boolean): Promise<string[]> {
  const files = await page.evaluate(async ({ library, packageName }) => {
    const folder = `library/${library}/flows/${packageName}/`;
    const listed = await (await fetch(folder)).json() as Array<string | { fn: string }>;
    return listed.filter((entry): entry is { fn: string } => typeof entry === 'object').map((entry) => entry.fn).sort();
  }, { library: EXAMPLES_LIBRARY, packageName });
  const chosen = files.filter((file) => !skip(file));
  for (const file of chosen) {
    const problem = await page.evaluate(async ({ library, packageName, file }) => {
      const { RED } = globalThis as unknown as EditorWindow;
      const answer = await fetch(`library/${library}/flows/${packageName}/${encodeURIComponent(file)}`);
      if (!answer.ok) return `GET ${file}: ${answer.status}`;
      const nodes = await answer.json() as Array<Record<string, unknown>>;
      try {
        RED.view.importNodes(nodes, { generateIds: false, addFlow: false });
      } catch (err) {
        if ((err as { code?: string }).code !== 'import_conflict') return String(err);
        RED.view.importNodes(nodes, { generateIds: true, addFlow: false });
      }
      return '';
    }, { library: EXAMPLES_LIBRARY, packageName, file });
    assert.equal(problem, '', `importing ${file}`);
  }
  return chosen;
}

/** Deploy, and "Successfully deployed"; any confirmation Node-RED asks for first (invalid nodes...) fails. */
export async function deploy(page: Page): Promise<void> {
  await page.locator('#red-ui-header-button-deploy').click();
  const done = page.locator('.red-ui-notification', { hasText: 'Successfully deployed' });
  const asked = page.locator('.red-ui-editor-dialog, .ui-dialog').filter({ hasText: /deploy/i }).filter({ visible: true });
  const deadline = Date.now() + 30_000;
  while (!(await done.isVisible())) {
    if (await asked.count() > 0) assert.fail(`Deploy asked first: ${(await asked.first().innerText()).replace(/\s+/g, ' ')}`);
    if (Date.now() > deadline) assert.fail('no "Successfully deployed" within 30 s');
    await delay(100);
  }
}

/** The tab's nodes with their wires, as the editor holds them. */
export async function tabGraph(page: Page, tab: string): Promise<{ label: string; nodes: GraphNode[] }> {
  return page.evaluate((tab) => {
    const { RED } = globalThis as unknown as EditorWindow;
    const nodes = RED.nodes.filterNodes({ z: tab }).map((node) => ({
      id: node.id,
      type: node.type,
      name: typeof node.name === 'string' ? node.name : '',
      x: Number(node.x),
      y: Number(node.y),
      outputs: Number(node.outputs ?? 0),
      links: RED.nodes.filterLinks({ source: node }).map((link) => [link.sourcePort, link.target.id] as [number, string]),
    }));
    const workspace = RED.nodes.workspace(tab);
    return { label: workspace?.label ?? tab, nodes };
  }, tab);
}

/** Shows the tab and clicks the inject node's button, as a person does. */
export async function pressInject(page: Page, tab: string, id: string): Promise<void> {
  await page.evaluate((tab) => (globalThis as unknown as EditorWindow).RED.workspaces.show(tab), tab);
  const button = page.locator(`[id="${id}"] .red-ui-flow-node-button-button`);
  await button.scrollIntoViewIfNeeded();
  await button.click();
}
