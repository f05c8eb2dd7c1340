/**
 * What the debug sidebar must show for a flow tab, read from the flow itself rather than kept by hand: which debug
 * nodes each inject reaches, which ones it surely reaches, which ones an event source (a node nobody wires into,
 * such as the events node) reaches, and which ones only a Catch reaches (errors).
 */

/** A node of a tab as the editor holds it: its place, and its links as [output port, target id]. */
export interface GraphNode {
  id: string;
  type: string;
  name: string;
  x: number;
  y: number;
  /** How many output ports it has. */
  outputs: number;
  links: Array<[number, string]>;
}

export interface InjectExpectation {
  id: string;
  name: string;
  /** Debug nodes reachable along wires: at least one of them shows a message. */
  reachable: string[];
  /**
   * Debug nodes reached through nodes with one output only (inject, change, http request, most Symphony nodes):
   * each of them shows a message. A node with several outputs (switch, form, command) picks one, so the debug
   * nodes behind it are not sure to show.
   */
  sure: string[];
}

export interface TabExpectation {
  /** The injects, top to bottom as a person reads the tab (the examples number their steps that way). */
  injects: InjectExpectation[];
  /** Per event source (a node with outputs that nothing wires into and is not an inject or a Catch): its debug nodes. */
  sources: Array<{ id: string; type: string; reachable: string[] }>;
  /** Debug nodes that only a Catch reaches: they show nothing. */
  errorDebugs: string[];
}

const STARTS_NOTHING = new Set(['inject', 'catch', 'status', 'complete', 'comment', 'link in']);

function debugNodesFrom(start: GraphNode, byId: Map<string, GraphNode>, onlySinglePort: boolean): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (onlySinglePort && node.outputs > 1) continue;
    for (const [, target] of node.links) {
      if (seen.has(target)) continue;
      seen.add(target);
      const next = byId.get(target);
      if (!next) continue;
      if (next.type === 'debug') found.push(next.id);
      stack.push(next);
    }
  }
  return found.sort();
}

export function expectationsOf(nodes: readonly GraphNode[]): TabExpectation {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const wiredInto = new Set(nodes.flatMap((n) => n.links.map(([, target]) => target)));
  const injects = nodes.filter((n) => n.type === 'inject').sort((a, b) => a.y - b.y || a.x - b.x).map((n) => ({
    id: n.id,
    name: n.name,
    reachable: debugNodesFrom(n, byId, false),
    sure: debugNodesFrom(n, byId, true),
  }));
  const sources = nodes
    .filter((n) => n.outputs > 0 && !wiredInto.has(n.id) && !STARTS_NOTHING.has(n.type))
    .map((n) => ({ id: n.id, type: n.type, reachable: debugNodesFrom(n, byId, false) }));
  const reachedOtherwise = new Set([...injects.flatMap((i) => i.reachable), ...sources.flatMap((s) => s.reachable)]);
  const errorDebugs = nodes
    .filter((n) => n.type === 'catch')
    .flatMap((n) => debugNodesFrom(n, byId, false))
    .filter((id) => !reachedOtherwise.has(id));
  return { injects, sources, errorDebugs: [...new Set(errorDebugs)].sort() };
}
