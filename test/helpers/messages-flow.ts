/**
 * Set-up steps for the message reading tests, each done by a node as a flow would: a room of its own per test
 * (so other tests' messages stay out), messages sent into it, by the bot or on behalf of a user.
 */
import type { Simulator } from '../../simulator';
import type { V4MessageJson } from '../../simulator/api/views';
import { expectOut, runNode } from './signals-flow';

/** Node properties for fields set in the node (str, num or bool fields). */
export function fields(values: Record<string, string | boolean | number>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    props[name] = String(value);
    props[`${name}Type`] = typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? 'num' : 'str';
  }
  return props;
}

/** A new room created by the bot, with the given members; resolves with its stream id. */
export async function newRoom(sim: Simulator, name: string, memberIds: number[] = []): Promise<string> {
  const created = await expectOut(runNode(sim, 'symphony-room-create', fields({ roomName: `${name} ${Date.now()}-${Math.random()}` })));
  const id = (created.payload as { roomSystemInfo: { id: string } }).roomSystemInfo.id;
  for (const userId of memberIds) {
    await expectOut(runNode(sim, 'symphony-room-member-add', {}, { roomId: id, userId }));
  }
  return id;
}

/** Sends one message with the send node (plain text or MessageML); resolves with the V4Message. */
export async function sendMessage(sim: Simulator, streamId: string, message: string, props: Record<string, unknown> = {}, msg: Record<string, unknown> = {}): Promise<V4MessageJson> {
  const sent = await expectOut(runNode(sim, 'symphony-message-send', { message: 'payload', messageType: 'msg', ...props }, { streamId, payload: message, ...msg }));
  return sent.payload as V4MessageJson;
}
