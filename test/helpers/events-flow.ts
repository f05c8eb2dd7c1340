/**
 * Flows around one `symphony-events` node: the node with fast backoff timings and a tag of its own (so tests do
 * not share feeds), and waits on what the simulator's datafeeds show.
 */
import type { Simulator } from '../../simulator';
import { CONFIG_ID, helper, type FlowNode, type Msg } from './flow';
import { until } from './wait';
import { DESK_ROOM_ID } from './simulator';

let counter = 0;

/** A tag no other test uses. */
export function uniqueTag(): string {
  counter += 1;
  return `test-${process.pid}-${Date.now()}-${counter}`;
}

/** Fast timings: tests wait for behaviour, not for the production backoff. */
export const FAST = { backoffInitialMs: 40, backoffFactor: 1.5, backoffMaxMs: 150, readTimeoutMs: 15_000 };

export function eventsNode(props: Record<string, unknown> = {}, wires: string[][] = [['events']]): FlowNode {
  return { id: 'ev', type: 'symphony-events', config: CONFIG_ID, eventTypes: ['MESSAGESENT'], ...FAST, tag: uniqueTag(), ...props, wires };
}

export { until };

/** Waits until a read of the node's feed is waiting in the simulator (the node is connected and polling). */
export async function reading(sim: Simulator, tag: string): Promise<string> {
  let id = '';
  await until(`a read waiting on the feed tagged ${tag}`, () => {
    const feed = sim.datafeeds().find((f) => f.tag === tag && f.reading);
    id = feed?.id ?? '';
    return feed !== undefined;
  });
  return id;
}

/**
 * Types one more message (alice, in the desk room) once the node reads, and waits until it reaches the flow; then
 * takes it out of `received`. Events reach the flow in order, so everything sent before it has arrived by then: a
 * test can assert that nothing else came, without sleeping.
 */
export async function closingMessage(sim: Simulator, tag: string, received: Msg[], text = `closing ${uniqueTag()}`): Promise<void> {
  await reading(sim, tag);
  sim.injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: text });
  const isClosing = (m: Msg): boolean => m.text === text;
  await until(`the closing message "${text}"`, () => received.some(isClosing), 15_000);
  received.splice(received.findIndex(isClosing), 1);
}

/** Requests the simulator received on the datafeed endpoints. */
export function datafeedRequests(sim: Simulator): number {
  return sim.requests.filter((r) => r.path.startsWith('/agent/v5/datafeeds')).length;
}

/** The message ids of MESSAGESENT msgs, in order. */
export const messageIds = (msgs: Msg[]): string[] => msgs.map((m) => String(m.messageId));

/** A status node watching the events node, as a user's flow would, wired to a helper `status`. */
export function statusWatch(): FlowNode[] {
  return [
    { id: 'status-watch', type: 'status', scope: ['ev'], wires: [['status']] },
    { id: 'status', type: 'helper' },
  ];
}

/** Every status the events node showed since the flow started ("<fill> <shape> <text>"), as a live list. */
export function statusTexts(): string[] {
  const seen: string[] = [];
  const node = helper.getNode('status') as unknown as { on(event: string, fn: (msg: { status: { fill?: string; shape?: string; text?: string } }) => void): void; received?: string[] };
  node.on('input', (msg) => seen.push(`${msg.status.fill} ${msg.status.shape} ${msg.status.text}`));
  return seen;
}
