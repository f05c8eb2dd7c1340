/**
 * Whether a running flow still has work on hand, seen through Node-RED's message hooks: a msg sent but not yet
 * received, or a msg an asynchronous node (one that calls `done` when its call is over) is still working on. A
 * test waits for the flow to be idle instead of for a quiet period of a guessed length.
 */
import { NODE_RED_MAIN } from './flow';

interface NodeEvent {
  destination?: { id: string };
  node?: { id: string };
}

interface NodeRedHooks {
  add(hookId: string, callback: (event: NodeEvent) => void): void;
  remove(hookId: string): void;
}

export interface FlowActivity {
  /** The nodes a msg is on its way to or that are working on one; empty when the flow is idle. */
  busy(): string[];
  /** Removes the hooks. */
  stop(): void;
}

let trackers = 0;

/** Starts tracking; `asyncNodes` are the ids of the nodes that call `done` once they are finished with a msg. */
export function trackActivity(asyncNodes: ReadonlySet<string>): FlowActivity {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { hooks } = require(NODE_RED_MAIN) as { hooks: NodeRedHooks };
  const label = `testActivity${++trackers}`;
  const inTransit = new Map<string, number>();
  const working = new Map<string, number>();
  const change = (counts: Map<string, number>, id: string, by: number): void => {
    const next = (counts.get(id) ?? 0) + by;
    if (next > 0) counts.set(id, next);
    else counts.delete(id);
  };

  // The router found the destination: the msg is delivered to it on a later turn of the event loop.
  hooks.add(`preDeliver.${label}`, (event) => {
    change(inTransit, event.destination!.id, 1);
  });
  hooks.add(`onReceive.${label}`, (event) => {
    const id = event.destination!.id;
    // Msgs that were not routed (an inject clicked, an error handed to Catch) were never in transit.
    if (inTransit.has(id)) change(inTransit, id, -1);
    if (asyncNodes.has(id)) change(working, id, 1);
  });
  hooks.add(`onComplete.${label}`, (event) => {
    const id = event.node!.id;
    if (working.has(id)) change(working, id, -1);
  });

  return {
    busy: () => [...new Set([...inTransit.keys(), ...working.keys()])],
    stop: () => hooks.remove(`*.${label}`),
  };
}
