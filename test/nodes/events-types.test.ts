/**
 * Every event type the agent spec defines (V4Event.type, with its V4Payload member) can be chosen in the events
 * node's dialog and reaches the flow, on its own output in per-type mode. The spec file is the oracle: the lists
 * here are read from it, never from the package.
 */
import assert from 'node:assert/strict';
import { DATAHOSE_EVENT_TYPES, EVENT_PAYLOAD_KEYS, EVENT_TYPES } from '../../nodes/runtime/events/event-types';
import { EVENT_TYPES as SIMULATOR_EVENT_TYPES } from '../../simulator';
import { htmlBlocks, readBuilt } from '../build/support';
import { ApiSpec } from '../conformance/spec';
import { agentSpec, BUILT_TYPES, memberOf, wellFormed, wellFormedEvent } from '../helpers/datafeed-events';
import { eventsNode, reading } from '../helpers/events-flow';
import { configNode, loadFlow, messages, nextMessage, useSimulator } from '../helpers/flow';
import { BOT, DESK_ROOM_ID } from '../helpers/simulator';

/** The event types a node's dialog offers: its checkboxes' values. */
function dialogChoices(type: string): string[] {
  const dialog = htmlBlocks(readBuilt('symphony.html'), 'data-template-name').get(type)?.[0] ?? '';
  return [...dialog.matchAll(/<input type="checkbox" value="([A-Z]+)"/g)].map((m) => m[1] as string);
}

describe('symphony-events: every event type of the agent spec', function () {
  before(function () {
    if (!ApiSpec.available()) {
      console.log('      ../shared/symphony-api-spec is absent: the event type checks are skipped');
      this.skip();
    }
  });
  const sim = useSimulator({ datafeedHoldMs: 600_000 });

  it('the node, its dialog and the simulator know exactly the spec\'s 17 types and their payload members', function () {
    const { types, members } = agentSpec();
    assert.equal(types.length, 17, types.join(', '));
    assert.deepEqual(types.map(memberOf).sort(), [...members].sort(), 'one V4Payload member per type, named like it');
    assert.deepEqual([...BUILT_TYPES].sort(), [...types].sort(), 'the test builds an event of every type');
    assert.deepEqual([...EVENT_TYPES].sort(), [...types].sort());
    for (const type of types) assert.equal(EVENT_PAYLOAD_KEYS[type as keyof typeof EVENT_PAYLOAD_KEYS], memberOf(type), type);
    assert.deepEqual([...SIMULATOR_EVENT_TYPES].sort(), [...types].sort());
    assert.deepEqual(dialogChoices('symphony-events').sort(), [...types].sort(), 'the filter offers every type');
  });

  it('the datahose node and its dialog offer exactly the types the spec lets a datahose read ask for', function () {
    const { datahoseTypes } = agentSpec();
    assert.ok(datahoseTypes.length >= 16, datahoseTypes.join(', '));
    assert.deepEqual(dialogChoices('symphony-datahose').sort(), [...datahoseTypes].sort());
    assert.deepEqual([...DATAHOSE_EVENT_TYPES].sort(), [...datahoseTypes].sort());
  });

  it('sends an event of every type, each on the output of its type', async function () {
    const { types } = agentSpec();
    const outputs = types.map((_, i) => `out${i}`);
    const node = eventsNode({ eventTypes: types, outputMode: 'perType', outputs: types.length, ignoreOwn: false }, outputs.map((id) => [id]));
    await loadFlow([configNode(sim()), node, ...outputs.map((id) => ({ id, type: 'helper' }))]);
    const received = outputs.map((id) => nextMessage(id));
    await reading(sim(), String(node.tag));
    const events = types.map((type, i) => wellFormedEvent(type, `every-type-${i}`, 1_760_000_000_000 + i, i));
    for (const event of events) assert.ok(wellFormed(event), `the spec accepts the ${String(event.type)} event`);
    sim().queueDatafeedEvents({ tag: String(node.tag), events });
    const msgs = await Promise.all(received);
    assert.deepEqual(msgs.map((m) => m.topic), types);
    assert.deepEqual(msgs.map((m) => m.payload), events);
  });

  it('sets msg.messageId to the id of the message the event is about, never to the event\'s own messageId', async function () {
    const types = ['MESSAGESENT', 'SHAREDPOST', 'MESSAGESUPPRESSED', 'SYMPHONYELEMENTSACTION', 'ROOMCREATED', 'GENERICSYSTEMEVENT'];
    const node = eventsNode({ eventTypes: types, ignoreOwn: false });
    await loadFlow([configNode(sim()), node, { id: 'events', type: 'helper' }]);
    const received = messages('events', types.length);
    await reading(sim(), String(node.tag));
    const events = types.map((type, i) => wellFormedEvent(type, `about-${i}`, 1_760_000_000_000, i));
    sim().queueDatafeedEvents({ tag: String(node.tag), events });
    const content = (i: number): Record<string, unknown> => Object.values(events[i]!.payload as Record<string, Record<string, unknown>>)[0]!;
    const messageOf = (i: number): unknown => (content(i).message as { messageId: string }).messageId;
    const msgs = await received;
    assert.deepEqual(msgs.map((m) => m.messageId), [
      messageOf(0), messageOf(1), content(2).messageId, content(3).formMessageId, undefined, undefined,
    ]);
    for (const [i, msg] of msgs.entries()) assert.notEqual(msg.messageId, events[i]!.messageId);
  });

  it('sends the simulator\'s generic system event, with its stream', async function () {
    const node = eventsNode({ eventTypes: ['GENERICSYSTEMEVENT'] });
    await loadFlow([configNode(sim()), node, { id: 'events', type: 'helper' }]);
    const next = messages('events', 1);
    await reading(sim(), String(node.tag));
    sim().injectSystemEvent({ from: 'alice', streamId: DESK_ROOM_ID, sourceSystem: 'workflow', eventSubtype: 'approval.granted', parameters: { ticket: 'T-1' } });
    const [msg] = await next;
    assert.equal(msg?.topic, 'GENERICSYSTEMEVENT');
    assert.equal(msg?.streamId, DESK_ROOM_ID);
    const content = (msg?.payload as { payload: { genericSystemEvent: Record<string, unknown> } }).payload.genericSystemEvent;
    assert.equal(content.eventSubtype, 'approval.granted');
    assert.deepEqual(content.parameters, { ticket: 'T-1' });
    assert.ok(wellFormed(msg?.payload), 'the simulator\'s event is what the spec describes');
    assert.notEqual((msg?.initiator as { userId: number }).userId, BOT.id);
  });
});
