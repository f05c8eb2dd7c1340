/**
 * Runs one operation node of the connections, presence or pod areas in a flow (config node, the node wired to a
 * helper `out`, a Catch node wired to `caught`) and reports what the user sees: the msg out or the msg caught.
 */
import type { Simulator } from '../../simulator';
import { CONFIG_ID, configNode, helper, loadFlow, type FlowNode, type Msg } from './flow';

export type Outcome = { out: Msg; caught?: undefined } | { caught: Msg; out?: undefined };

/** Act as a user by username (OBO). */
export const asUser = (username: string): Record<string, string> => ({ actAs: 'username', oboUser: username, oboUserType: 'str' });

/** A node of `type` with its fields; fields left out are blank (read from msg). */
export function opNode(type: string, props: Record<string, unknown> = {}): FlowNode {
  return { id: 'node', type, config: CONFIG_ID, ...props, wires: [['out']] };
}

/** Resolves with whichever of `out` or `caught` receives a msg first. */
function firstOutcome(timeoutMs = 10_000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`neither out nor caught received a msg within ${timeoutMs} ms`)), timeoutMs);
    const settle = (outcome: Outcome): void => {
      clearTimeout(timer);
      resolve(outcome);
    };
    helper.getNode('out').once('input', (msg: never) => settle({ out: msg as Msg }));
    helper.getNode('caught').once('input', (msg: never) => settle({ caught: msg as Msg }));
  });
}

/** Loads the node (replacing any flow), sends it `msg` and waits for the outcome. */
export async function runNode(sim: Simulator, node: FlowNode, msg: Record<string, unknown> = {}): Promise<Outcome> {
  await helper.unload();
  await loadFlow([configNode(sim), node, { id: 'out', type: 'helper' }]);
  const outcome = firstOutcome();
  helper.getNode('node').receive(msg);
  return outcome;
}

/** The msg out; fails the test with the caught error when the node failed. */
export async function output(sim: Simulator, node: FlowNode, msg: Record<string, unknown> = {}): Promise<Msg> {
  const outcome = await runNode(sim, node, msg);
  if (outcome.caught) throw new Error(`${node.type} failed: ${outcome.caught.error?.message ?? 'unknown error'}`);
  return outcome.out;
}

/** The msg caught; fails the test when the node succeeded. */
export async function failure(sim: Simulator, node: FlowNode, msg: Record<string, unknown> = {}): Promise<Msg> {
  const outcome = await runNode(sim, node, msg);
  if (outcome.out) throw new Error(`${node.type} succeeded where it should fail: ${JSON.stringify(outcome.out.payload)}`);
  return outcome.caught;
}

/** Requests to the pod or agent (not login) the simulator has seen since the last clear. */
export function apiRequests(sim: Simulator): number {
  return sim.requests.filter((r) => r.path.startsWith('/pod/') || r.path.startsWith('/agent/')).length;
}
