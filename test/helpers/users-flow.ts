/**
 * Runs one users-area node in a fresh flow (config node, the node, an output helper, Catch) and hands back what a
 * user would see: the msg out, the msg at Catch, or the msgs of a one-msg-per-item node. Steps of one test share
 * the simulator, so what one node did, the next one sees.
 */
import type { Simulator } from '../../simulator';
import { CONFIG_ID, configCredentials, configNode, helper, loadFlow, messages, nextMessage, send, type Credentials, type Msg } from './flow';

type Outcome = { kind: 'out'; msgs: Msg[] } | { kind: 'caught'; msg: Msg };

export interface RunOptions {
  /** Properties of the config node, e.g. another OBO app or bot username. */
  config?: Record<string, unknown>;
  /** Credentials of the config node, e.g. another bot's private key. */
  credentials?: Credentials;
}

/** Act as a user, by username (OBO). */
export const onBehalfOf = (username: string): Record<string, unknown> => ({ actAs: 'username', oboUser: username, oboUserType: 'str' });

/** Node properties for fields set in the node: strings as str, numbers as num, booleans as bool, objects as json. */
export function set(values: Record<string, string | number | boolean | object>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const type = typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? 'num' : typeof value === 'object' ? 'json' : 'str';
    props[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    props[`${name}Type`] = type;
  }
  return props;
}

async function run(sim: Simulator, type: string, props: Record<string, unknown>, msg: Record<string, unknown>, count: number, options: RunOptions = {}): Promise<Outcome> {
  await helper.unload();
  await loadFlow([
    configNode(sim, options.config),
    { id: 'node', type, config: CONFIG_ID, ...props, wires: [['out']] },
    { id: 'out', type: 'helper' },
  ], options.credentials ?? configCredentials());
  const out = messages('out', count).then((msgs): Outcome => ({ kind: 'out', msgs }));
  const caught = nextMessage('caught').then((m): Outcome => ({ kind: 'caught', msg: m }));
  // The loser of the race times out later; keep its rejection from counting as unhandled.
  out.catch(() => undefined);
  caught.catch(() => undefined);
  send('node', msg);
  return Promise.race([out, caught]);
}

/** The msg the node sent on; fails with the Catch error when it failed. */
export async function out(sim: Simulator, type: string, props: Record<string, unknown> = {}, msg: Record<string, unknown> = {}, options?: RunOptions): Promise<Msg> {
  const result = await run(sim, type, props, msg, 1, options);
  if (result.kind === 'caught') throw new Error(`expected a msg out, Catch got: ${result.msg.error?.message}`);
  return result.msgs[0]!;
}

/** The msg Catch got; fails when the node sent a msg on instead. */
export async function caught(sim: Simulator, type: string, props: Record<string, unknown> = {}, msg: Record<string, unknown> = {}, options?: RunOptions): Promise<Msg> {
  const result = await run(sim, type, props, msg, 1, options);
  if (result.kind === 'out') throw new Error(`expected a failure at Catch, got payload ${JSON.stringify(result.msgs[0]?.payload)}`);
  return result.msg;
}

/** The first `count` msgs of a node set to send one msg per item. */
export async function perItem(sim: Simulator, type: string, props: Record<string, unknown>, count: number, msg: Record<string, unknown> = {}): Promise<Msg[]> {
  const result = await run(sim, type, { ...props, split: 'items' }, msg, count);
  if (result.kind === 'caught') throw new Error(`expected ${count} msgs, Catch got: ${result.msg.error?.message}`);
  return result.msgs;
}

/** Paging choices of a list node: all pages up to `maxItems`. */
export const allPages = (maxItems: number): Record<string, unknown> => ({ pages: 'all', maxItems });
