/**
 * One Node-RED editor page in the shared browser: loaded, its console watched, screenshots written as test
 * artefacts. The editor's own API (window.RED) is typed here as far as the tests use it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Locator, Page } from 'playwright-core';

/** test-artifacts/browser at the package root (this file runs as dist/test/browser/editor-page.js). */
export const ARTIFACTS_DIR = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'browser');

/** A node as the editor holds it. */
export interface EditorNode {
  id: string;
  type: string;
  z?: string;
  name?: string;
  config?: string;
  credentials?: Record<string, unknown>;
  [property: string]: unknown;
}

/** The slice of the editor's `RED` the tests call inside `page.evaluate`. */
export interface EditorRED {
  nodes: {
    getType(type: string): { category?: string } | undefined;
    /** The help the sidebar and the palette tooltip show for a type. */
    getNodeHelp(type: string): string;
    node(id: string): EditorNode | null;
    filterNodes(filter: { z?: string; type?: string }): EditorNode[];
    filterLinks(filter: { source?: EditorNode }): Array<{ sourcePort: number; target: EditorNode }>;
    getWorkspaceOrder(): string[];
    workspace(id: string): { id: string; label?: string } | null;
    dirty(): boolean;
    /** The node as a flow export holds it; `credentials: false` leaves out its credentials, as exports do. */
    convertNode(node: EditorNode, options: { credentials: boolean }): Record<string, unknown>;
    registry: { getModule(name: string): { sets: Record<string, { types: string[] }> } | undefined };
  };
  view: { importNodes(nodes: Array<Record<string, unknown>>, options: Record<string, unknown>): void };
  editor: {
    edit(node: EditorNode): void;
    editConfig(name: string, type: string, id: string): void;
  };
  workspaces: { add(ws: null): { id: string }; active(): string; show(id: string): void };
  sidebar: { show(id: string): void };
}

/** What `globalThis` is inside the page, for `page.evaluate` callbacks. */
export interface EditorWindow {
  RED: EditorRED;
}

export interface ConsoleEntry {
  kind: 'console' | 'pageerror';
  type: string;
  text: string;
  /** The resource or script the message is about. */
  url: string;
}

/**
 * Every console message and uncaught page error, in order. Failed loads of resources outside the editor are not
 * errors of ours: the editor's palette manager asks the flow library's catalogue (an external host) at start,
 * which a machine without internet refuses.
 */
export class ConsoleLog {
  readonly entries: ConsoleEntry[] = [];

  constructor(page: Page, private readonly origin: string) {
    page.on('console', (message: ConsoleMessage) => {
      this.entries.push({ kind: 'console', type: message.type(), text: message.text(), url: message.location().url ?? '' });
    });
    page.on('pageerror', (error: Error) => {
      this.entries.push({ kind: 'pageerror', type: 'error', text: `${error.message}\n${error.stack ?? ''}`, url: '' });
    });
  }

  /** A position to read from later. */
  mark(): number {
    return this.entries.length;
  }

  isOffline(entry: ConsoleEntry): boolean {
    return entry.kind === 'console' && entry.text.startsWith('Failed to load resource') && entry.url !== '' && !entry.url.startsWith(this.origin);
  }

  /**
   * An exception thrown by a node's edit handler: the editor catches it and reports it with console.log (or
   * console.warn for oneditsave) as "oneditprepare <id> <type> <error>".
   */
  isHandlerException(entry: ConsoleEntry): boolean {
    return entry.kind === 'console' && /^onedit(prepare|save|cancel|resize|delete) /.test(entry.text);
  }

  /** Console errors, page errors and edit handler exceptions since `from`, the offline noise left out. */
  errorsSince(from = 0): ConsoleEntry[] {
    return this.entries.slice(from).filter((e) => ((e.kind === 'pageerror' || e.type === 'error') && !this.isOffline(e)) || this.isHandlerException(e));
  }
}

export function describeEntries(entries: readonly ConsoleEntry[]): string {
  return entries.map((e) => `  [${e.kind === 'pageerror' ? 'page error' : `console.${e.type}`}] ${e.text.split('\n').slice(0, 4).join(' | ')}${e.url ? ` (${e.url})` : ''}`).join('\n');
}

export interface EditorPage {
  context: BrowserContext;
  page: Page;
  console: ConsoleLog;
}

/**
 * A fresh browser context (no state shared with other tests) with the editor loaded: the palette holds the
 * package's nodes and the deployed flows are in the workspace. The context is closed by the caller.
 */
export async function openEditor(browser: Browser, editorUrl: string, viewport = { width: 1400, height: 900 }): Promise<EditorPage> {
  // English, as the tests read the editor's own words ("Import copy", "Successfully deployed").
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const log = new ConsoleLog(page, new URL(editorUrl).origin);
  await page.goto(`${editorUrl}/`, { waitUntil: 'load', timeout: 30_000 });
  await page.waitForFunction(() => {
    const { RED } = globalThis as unknown as Partial<EditorWindow>;
    return Boolean(RED?.nodes?.getType('symphony-config') && RED.workspaces.active() && RED.nodes.getWorkspaceOrder().length > 0);
  }, undefined, { timeout: 30_000 });
  await page.locator('.red-ui-palette-node[data-palette-type^="symphony-"]').first().waitFor({ state: 'visible', timeout: 30_000 });
  return { context, page, console: log };
}

/** Writes test-artifacts/browser/<name>.png of the page (or of one element) and returns its path. */
export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await target.screenshot({ path: file });
  return file;
}

/** Removes the failure screenshots of an earlier run, so that what is there belongs to this one. */
export function clearFailureScreenshots(): void {
  if (!fs.existsSync(ARTIFACTS_DIR)) return;
  for (const file of fs.readdirSync(ARTIFACTS_DIR)) {
    if (file.startsWith('failed-') && file.endsWith('.png')) fs.rmSync(path.join(ARTIFACTS_DIR, file), { force: true });
  }
}

/** Resolves once no edit tray is open (closing takes the tray's 0.25 s slide-out). */
export async function waitForTraysClosed(page: Page, timeout = 5_000): Promise<void> {
  await page.locator('.red-ui-tray').first().waitFor({ state: 'detached', timeout });
}

/** Imports nodes as they were saved (their ids kept, no defaults added): the hand-written nodes a test checks. */
export async function importAsSaved(page: Page, nodes: Array<Record<string, unknown>>): Promise<void> {
  await page.evaluate((nodes) => {
    (globalThis as unknown as EditorWindow).RED.view.importNodes(nodes, { generateIds: false, touchImport: true, notify: false });
  }, nodes);
}

/** Opens the edit dialog of the node `id`, as a double click on it does. */
export async function editNode(page: Page, id: string): Promise<void> {
  await page.evaluate((id) => {
    const { RED } = globalThis as unknown as EditorWindow;
    RED.editor.edit(RED.nodes.node(id)!);
  }, id);
}

/**
 * RED.tabs reads two clicks on tabs less than 400 ms apart as a double click (and ignores the second as a
 * switch), so a test clicking tabs at machine speed waits as a person would.
 */
export const TAB_CLICK_GAP_MS = 450;

/**
 * Drags a node type from the palette onto the workspace at (x, y) of the canvas, as a person does (the editor
 * creates the node with its defaults and runs its `onadd`), and returns the ids of the nodes of that type on the
 * active tab afterwards.
 */
export async function dropFromPalette(page: Page, type: string, at: { x: number; y: number }): Promise<string[]> {
  const source = page.locator(`.red-ui-palette-node[data-palette-type="${type}"]`);
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const chart = await page.locator('#red-ui-workspace-chart').boundingBox();
  if (!from || !chart) throw new Error(`the palette entry of ${type} or the workspace is not on screen`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(chart.x + at.x, chart.y + at.y, { steps: 10 });
  await page.mouse.up();
  return page.evaluate((type) => {
    const { RED } = globalThis as unknown as EditorWindow;
    return RED.nodes.filterNodes({ z: RED.workspaces.active(), type }).map((node) => node.id);
  }, type);
}
