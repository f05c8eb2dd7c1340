/**
 * Flows for the streams operation tests: several operation nodes on one tab, each wired to its own helper
 * `<id>-out`, sharing one config node, so a test drives them one after another like a user's flow would.
 */
import type { EventEmitter } from 'node:events';
import { CONFIG_ID, configNode, helper, loadFlow, type FlowNode, type Msg } from './flow';
import type { Simulator } from '../../simulator';

export const AS_ALICE = { actAs: 'username', oboUser: 'alice', oboUserType: 'str' } as const;

export async function loadNodes(sim: Simulator, nodes: FlowNode[], config: Record<string, unknown> = {}): Promise<void> {
  await loadFlow([
    configNode(sim, config),
    ...nodes.flatMap((node) => [
      { config: CONFIG_ID, ...node, wires: [[`${node.id}-out`]] },
      { id: `${node.id}-out`, type: 'helper' },
    ]),
  ]);
}

export type Outcome = { ok: true; msgs: Msg[] } | { ok: false; caught: Msg };

/** Sends msg to a node; resolves once `count` msgs came out of it, or its failure reached the Catch node. */
export function outcome(id: string, msg: Record<string, unknown>, count = 1, timeoutMs = 10_000): Promise<Outcome> {
  // Node-RED nodes are EventEmitters; the helper's typing only lists on/once.
  const out = helper.getNode(`${id}-out`) as unknown as EventEmitter;
  const caught = helper.getNode('caught') as unknown as EventEmitter;
  return new Promise((resolve, reject) => {
    const msgs: Msg[] = [];
    const finish = (result: Outcome | Error): void => {
      clearTimeout(timer);
      out.removeListener('input', onOut);
      caught.removeListener('input', onCaught);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onOut = (m: Msg): void => {
      msgs.push(m);
      if (msgs.length === count) finish({ ok: true, msgs });
    };
    const onCaught = (m: Msg): void => {
      if (m.error?.source?.id === id) finish({ ok: false, caught: m });
    };
    const timer = setTimeout(() => finish(new Error(`${id}: ${msgs.length} of ${count} msgs and no error within ${timeoutMs} ms`)), timeoutMs);
    out.on('input', onOut);
    caught.on('input', onCaught);
    helper.getNode(id).receive(msg);
  });
}

/** The one msg the node sends; a failure at Catch fails the test with its message. */
export async function call(id: string, msg: Record<string, unknown> = {}): Promise<Msg> {
  const result = await outcome(id, msg);
  if (!result.ok) throw new Error(`${id} failed: ${result.caught.error?.message}`);
  return result.msgs[0]!;
}

/** The msgs the node sends, one per item. */
export async function callMany(id: string, msg: Record<string, unknown>, count: number): Promise<Msg[]> {
  const result = await outcome(id, msg, count);
  if (!result.ok) throw new Error(`${id} failed: ${result.caught.error?.message}`);
  return result.msgs;
}

/** The msg that reached the Catch node; a success fails the test. */
export async function callFails(id: string, msg: Record<string, unknown> = {}): Promise<Msg> {
  const result = await outcome(id, msg);
  if (result.ok) throw new Error(`${id} succeeded, expected a failure: ${JSON.stringify(result.msgs[0]?.payload)}`);
  return result.caught;
}

let counter = 0;
/** Room names are unique in the pod; tests share one simulator. */
export function uniqueRoomName(prefix: string): string {
  counter += 1;
  return `${prefix} ${process.pid}-${counter}`;
}
