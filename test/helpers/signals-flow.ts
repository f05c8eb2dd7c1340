/**
 * Runs one operation node in a fresh flow (config node, the node, an output helper, Catch) and reports what the
 * user would see: the msg out, or the msg at Catch. Steps of one test run one after the other on the same
 * simulator, so what one node did, the next sees.
 */
import type { Simulator } from '../../simulator';
import { CONFIG_ID, configNode, helper, loadFlow, messages, nextMessage, send, type Msg } from './flow';

export type Outcome = { kind: 'out'; msg: Msg } | { kind: 'caught'; msg: Msg };

export interface RunOptions {
  /** Properties of the config node (e.g. another OBO app). */
  config?: Record<string, unknown>;
}

/** Act as a user, by username (OBO). */
export const asUser = (username: string): Record<string, unknown> => ({ actAs: 'username', oboUser: username, oboUserType: 'str' });

export async function runNode(sim: Simulator, type: string, props: Record<string, unknown>, msg: Record<string, unknown> = {}, options: RunOptions = {}): Promise<Outcome> {
  await helper.unload();
  await loadFlow([
    configNode(sim, options.config),
    { id: 'node', type, config: CONFIG_ID, ...props, wires: [['out']] },
    { id: 'out', type: 'helper' },
  ]);
  const out = nextMessage('out').then((m): Outcome => ({ kind: 'out', msg: m }));
  const caught = nextMessage('caught').then((m): Outcome => ({ kind: 'caught', msg: m }));
  // The loser of the race times out later; keep its rejection from counting as unhandled.
  out.catch(() => undefined);
  caught.catch(() => undefined);
  send('node', msg);
  return Promise.race([out, caught]);
}

/** The msg the node sent on; fails with the Catch error when it failed. */
export async function expectOut(outcome: Promise<Outcome>): Promise<Msg> {
  const result = await outcome;
  if (result.kind === 'caught') throw new Error(`expected a msg out, Catch got: ${result.msg.error?.message}`);
  return result.msg;
}

/** The msg Catch got; fails when the node sent a msg on instead. */
export async function expectCaught(outcome: Promise<Outcome>): Promise<Msg> {
  const result = await outcome;
  if (result.kind === 'out') throw new Error(`expected a failure at Catch, got payload ${JSON.stringify(result.msg.payload)}`);
  return result.msg;
}

/** Runs a node that sends one msg per item and resolves with the first `count` of them (msg.parts says how many). */
export async function runPerItem(sim: Simulator, type: string, props: Record<string, unknown>, count: number, msg: Record<string, unknown> = {}): Promise<Msg[]> {
  await helper.unload();
  await loadFlow([
    configNode(sim),
    { id: 'node', type, config: CONFIG_ID, ...props, wires: [['out']] },
    { id: 'out', type: 'helper' },
  ]);
  const items = messages('out', count);
  const caught = nextMessage('caught').then((m): Msg[] => {
    throw new Error(`Catch got: ${m.error?.message}`);
  });
  items.catch(() => undefined);
  caught.catch(() => undefined);
  send('node', msg);
  return Promise.race([items, caught]);
}
