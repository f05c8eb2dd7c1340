/**
 * Runs one example tab in the editor as a person does: every inject pressed, top to bottom, and the debug sidebar
 * read after each press. What must show comes from the flow's wiring (flow-expectations.ts). Problems are
 * collected, not thrown, so that one run reports every example.
 */
import type { Page } from 'playwright-core';
import { delay } from '../helpers/demo';
import { clearDebugSidebar, debugEntries, describeDebug, type DebugEntry } from './debug-sidebar';
import { pressInject, tabGraph } from './editor-flows';
import { expectationsOf } from './flow-expectations';

/** How long the debug messages of one press may take (the bots answer an event from the simulator). */
const PRESS_TIMEOUT_MS = 10_000;
/** After the expected messages: time for stragglers (an error a moment later) to show. */
const SETTLE_MS = 300;

export interface TabRun {
  label: string;
  injects: number;
  /** Debug messages read from the sidebar. */
  messages: number;
  problems: string[];
}

function countBy(entries: readonly DebugEntry[], node: string): number {
  return entries.filter((e) => e.node === node && e.level === '').length;
}

async function waitFor(page: Page, ready: (entries: DebugEntry[]) => boolean, timeoutMs: number): Promise<{ ok: boolean; entries: DebugEntry[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entries = await debugEntries(page);
    if (ready(entries)) return { ok: true, entries };
    if (Date.now() > deadline) return { ok: false, entries };
    await delay(150);
  }
}

export async function runExampleTab(page: Page, tab: string): Promise<TabRun> {
  const { label, nodes } = await tabGraph(page, tab);
  const expected = expectationsOf(nodes);
  const nameOf = (id: string) => nodes.find((n) => n.id === id)?.name || id;
  const run: TabRun = { label, injects: expected.injects.length, messages: 0, problems: [] };
  const seen: DebugEntry[] = [];
  const keep = async (entries: DebugEntry[]) => {
    await delay(SETTLE_MS);
    const settled = await debugEntries(page);
    seen.push(...(settled.length >= entries.length ? settled : entries));
  };

  for (const inject of expected.injects) {
    await clearDebugSidebar(page);
    await pressInject(page, tab, inject.id);
    const { ok, entries } = await waitFor(page, (shown) => (inject.reachable.length === 0 || inject.reachable.some((id) => countBy(shown, id) > 0))
      && inject.sure.every((id) => countBy(shown, id) > 0), PRESS_TIMEOUT_MS);
    if (!ok) {
      const missing = inject.sure.filter((id) => countBy(entries, id) === 0).map(nameOf);
      run.problems.push(`"${inject.name}": ${missing.length ? `no message from ${missing.map((n) => `"${n}"`).join(', ')}` : 'none of its debug nodes showed a message'}; the sidebar:\n${describeDebug(entries)}`);
    }
    await keep(entries);
  }
  for (const source of expected.sources) {
    if (source.reachable.length === 0) continue;
    const { ok, entries } = await waitFor(page, (shown) => [...seen, ...shown].some((e) => source.reachable.includes(e.node) && e.level === ''), PRESS_TIMEOUT_MS);
    if (!ok) run.problems.push(`the ${source.type} node "${nameOf(source.id)}" passed nothing on to its debug nodes; the sidebar:\n${describeDebug(entries)}`);
  }
  run.messages = seen.filter((e) => e.level === '').length;
  const errors = seen.filter((e) => e.level === 'error' || expected.errorDebugs.includes(e.node));
  if (errors.length > 0) run.problems.push(`errors in the debug sidebar:\n${describeDebug(errors)}`);
  return run;
}
