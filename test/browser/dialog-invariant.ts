/**
 * The edit dialog invariant: opening a node's edit dialog and pressing Done without touching anything leaves the
 * node as it was. `pressDoneOnEach` runs inside the editor page (it is handed to `page.evaluate`, so it refers to
 * nothing outside itself) and compares each node as exported (`RED.nodes.convertNode`, without credentials)
 * before and after.
 */

export interface PropertyChange {
  property: string;
  /** JSON of the exported value; absent when the property was not exported. */
  before?: string;
  after?: string;
}

export interface DialogOutcome {
  id: string;
  type: string;
  changes: PropertyChange[];
  /** Set when the dialog could not be opened or closed. */
  problem?: string;
}

/** The slice of the editor page `pressDoneOnEach` uses. */
interface InvariantJQuery {
  length: number;
  trigger(event: string): InvariantJQuery;
}

interface InvariantNode {
  id: string;
  type: string;
  _def: { category?: string };
}

interface InvariantWindow {
  RED: {
    nodes: {
      node(id: string): InvariantNode | null;
      convertNode(node: InvariantNode, options: { credentials: boolean }): Record<string, unknown>;
    };
    editor: { edit(node: InvariantNode): void; editConfig(name: string, type: string, id: string): void };
    tray: { show(options?: { show?: () => void }): void };
  };
  $(selector: string): InvariantJQuery;
  setTimeout: typeof setTimeout;
}

/**
 * For each node id: export, open its dialog (editConfig for a config node), press Done (or Update), wait until the
 * tray is gone, export again. The trays wait on fixed timers for their slide-in and slide-out (250 ms per close);
 * while the batch runs, those short timers fire at once, so hundreds of dialogs take seconds, not minutes.
 */
export async function pressDoneOnEach(ids: string[]): Promise<DialogOutcome[]> {
  const ANIMATION_MS = 400;
  const win = globalThis as unknown as InvariantWindow;
  const { RED, $ } = win;
  const realSetTimeout = win.setTimeout;
  const pause = (): Promise<void> => new Promise((resolve) => { realSetTimeout(resolve, 1); });
  async function until(check: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`no ${what} after 10 s`);
      await pause();
    }
  }
  const exported = (node: InvariantNode): Record<string, string> => {
    const plain = JSON.parse(JSON.stringify(RED.nodes.convertNode(node, { credentials: false }))) as Record<string, unknown>;
    const out: Record<string, string> = {};
    for (const key of Object.keys(plain)) out[key] = JSON.stringify(plain[key]);
    return out;
  };
  const trayClosed = (): boolean => $('.red-ui-tray').length === 0;
  // A tray calls its `show` once it has slid in and sized its content (the dialog's oneditresize): only then is
  // Done pressed, as a person would, or the sizing would run on a dialog already closed.
  let shown = false;
  const realShowTray = RED.tray.show;
  RED.tray.show = (options) => {
    if (options) {
      const show = options.show;
      options.show = () => {
        shown = true;
        if (show) show();
      };
    }
    realShowTray(options);
  };

  // Only the editor's short animation timers: jQuery's request timeouts (30 s) keep theirs.
  win.setTimeout = ((handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) =>
    realSetTimeout(handler, (delay ?? 0) <= ANIMATION_MS ? 0 : delay, ...args)) as typeof setTimeout;
  const outcomes: DialogOutcome[] = [];
  try {
    for (const id of ids) {
      const node = RED.nodes.node(id);
      if (!node) {
        outcomes.push({ id, type: '?', changes: [], problem: 'not in the workspace' });
        continue;
      }
      const isConfig = node._def.category === 'config';
      const done = isConfig ? '#node-config-dialog-ok' : '#node-dialog-ok';
      const before = exported(node);
      try {
        await until(trayClosed, 'closed tray before the next dialog');
        shown = false;
        if (isConfig) RED.editor.editConfig('', node.type, node.id);
        else RED.editor.edit(node);
        await until(() => shown && $(done).length > 0, 'dialog shown');
        $(done).trigger('click');
        await until(trayClosed, 'closed tray after Done');
      } catch (err) {
        outcomes.push({ id, type: node.type, changes: [], problem: err instanceof Error ? err.message : String(err) });
        continue;
      }
      const after = exported(node);
      const names = Object.keys(before).concat(Object.keys(after).filter((name) => !(name in before)));
      const changes = names.filter((name) => before[name] !== after[name])
        .map((name) => ({ property: name, before: before[name], after: after[name] }));
      outcomes.push({ id, type: node.type, changes });
    }
  } finally {
    win.setTimeout = realSetTimeout;
    RED.tray.show = realShowTray;
  }
  return outcomes;
}

/** One line per changed property: `type label: property before -> after`. */
export function describeOutcomes(outcomes: readonly DialogOutcome[], labelOf: (id: string) => string): string {
  return outcomes.flatMap((o) => (o.problem
    ? [`${o.type} ${labelOf(o.id)}: ${o.problem}`]
    : o.changes.map((c) => `${o.type} ${labelOf(o.id)}: ${c.property} ${c.before ?? '(absent)'} -> ${c.after ?? '(absent)'}`))).join('\n');
}
