/**
 * The form node against the simulator: it sends the form it is set up with, as the bot; replies to its form, from
 * an events node wired into it, leave by the second output with their values typed; replies to other forms do not;
 * bad input and refused sends reach Catch with the original msg.
 */
import assert from 'node:assert/strict';
import { CONFIG_ID, collect, configNode, helper, loadFlow, nextMessage, send, statuses, type FlowNode, type Msg } from '../helpers/flow';
import { eventsNode, reading } from '../helpers/events-flow';
import { BOT, DESK_ROOM_ID, USERS } from '../helpers/simulator';
import { useSimulator } from '../helpers/flow';
import { until } from '../helpers/wait';

const FIELDS = [
  { kind: 'text', name: 'ticker', label: 'Pair <&> "quoted"', placeholder: 'e.g. EURUSD', required: true, value: 'EURUSD' },
  { kind: 'number', name: 'qty', label: 'Quantity' },
  { kind: 'select', name: 'side', label: 'Side', options: 'buy=Buy\nsell=Sell & short', value: 'buy' },
  { kind: 'checkbox', name: 'flags', label: 'Flags', options: 'urgent=Urgent\notc=OTC' },
  { kind: 'date', name: 'settle', label: 'Settlement' },
  { kind: 'person', name: 'trader', label: 'Trader' },
  { kind: 'action', name: 'place', label: 'Place order' },
  { kind: 'reset', label: 'Clear' },
];

function formNode(id: string, props: Record<string, unknown> = {}): FlowNode {
  return {
    id, type: 'symphony-form', config: CONFIG_ID, streamId: 'streamId', streamIdType: 'msg', title: 'New order', intro: 'Terms: 1 < 2 & "so on"',
    fields: FIELDS, wires: [[`${id}-sent`], [`${id}-replies`]], ...props,
  };
}

describe('symphony-form', function () {
  const sim = useSimulator({ datafeedHoldMs: 5_000 });

  /** The form node `form` (and `other`, a second one) with an events node of form replies wired into both. */
  async function withEvents(extra: FlowNode[] = []): Promise<string> {
    const events = eventsNode({ eventTypes: ['SYMPHONYELEMENTSACTION'] }, [['form', 'other']]);
    await loadFlow([
      configNode(sim()), events, formNode('form'), formNode('other', { fields: [{ kind: 'text', name: 'ticker' }, { kind: 'action', name: 'ok', label: 'OK' }] }),
      { id: 'form-sent', type: 'helper' }, { id: 'form-replies', type: 'helper' }, { id: 'other-sent', type: 'helper' }, { id: 'other-replies', type: 'helper' },
      ...extra,
    ]);
    await reading(sim(), String(events.tag));
    return String(events.tag);
  }

  async function sendForm(node = 'form'): Promise<Msg> {
    const sent = nextMessage(`${node}-sent`);
    send(node, { streamId: DESK_ROOM_ID, topic: 'kept' });
    return sent;
  }

  it('sends the form as the bot, its texts escaped, and passes on the sent message with the form id', async function () {
    await withEvents();
    const seen = statuses('form');
    const msg = await sendForm();
    const sent = msg.payload as { messageId: string; message: string; user: { userId: number }; stream: { streamId: string } };
    assert.equal(msg.topic, 'kept');
    assert.equal(sent.user.userId, BOT.id);
    assert.equal(sent.stream.streamId, DESK_ROOM_ID);
    assert.equal(msg.formMessageId, sent.messageId);
    assert.match(String(msg.formId), /^nr-form-/);
    const stored = sim().state.messages.get(DESK_ROOM_ID)!.find((m) => m.messageId === sent.messageId)!;
    assert.ok(stored.messageML.startsWith(`<messageML><h3>New order</h3><p>Terms: 1 &lt; 2 &amp; &quot;so on&quot;</p><form id="${String(msg.formId)}">`));
    assert.ok(stored.messageML.includes('<text-field name="ticker" label="Pair &lt;&amp;&gt; &quot;quoted&quot;" placeholder="e.g. EURUSD" required="true">EURUSD</text-field>'));
    assert.ok(stored.messageML.includes('<option value="sell">Sell &amp; short</option>'));
    const request = sim().requests.find((r) => r.method === 'POST' && r.path === `/agent/v4/stream/${DESK_ROOM_ID}/message/create`);
    assert.ok(request, 'the form went to the message create endpoint');
    assert.ok(seen.some((s) => s.text === 'sent' && s.fill === 'green'), `status sent (${JSON.stringify(seen)})`);
  });

  it('keeps its form id across redeploys, and each node has its own', async function () {
    await withEvents();
    const first = await sendForm();
    const other = await sendForm('other');
    assert.notEqual(first.formId, other.formId);
    await helper.unload();
    await withEvents();
    assert.equal((await sendForm()).formId, first.formId);
  });

  it('routes a reply to its form to the second output, values typed, and counts replies in its status', async function () {
    await withEvents();
    const seen = statuses('form');
    const sent = await sendForm();
    const otherReplies = collect('other-replies');
    const formSent = collect('form-sent');
    for (const [i, qty] of ['5000000', '250.5'].entries()) {
      const reply = nextMessage('form-replies');
      sim().injectFormReply({
        from: 'alice', formMessageId: String(sent.formMessageId), formId: String(sent.formId),
        values: { ticker: 'GBPUSD', qty, side: 'sell', flags: 'otc', settle: '2026-12-24', trader: [USERS.bob.id], action: 'place' },
      });
      const msg = await reply;
      assert.deepEqual(msg.payload, {
        ticker: 'GBPUSD', qty: Number(qty), side: 'sell', flags: ['otc'], settle: '2026-12-24', trader: [USERS.bob.id], action: 'place',
      });
      assert.equal(msg.formAction, 'place');
      assert.equal(msg.formId, sent.formId);
      assert.equal(msg.formMessageId, sent.formMessageId);
      assert.equal(msg.streamId, DESK_ROOM_ID);
      assert.equal((msg.initiator as { username: string }).username, 'alice');
      assert.deepEqual((msg.formValues as { flags: unknown }).flags, 'otc');
      // A status whose text alone changes may be held back up to 250 ms (see the status reporter).
      const counted = i === 0 ? '1 reply' : '2 replies';
      await until(`the status "${counted}"`, () => seen.at(-1)?.text === counted);
    }
    assert.deepEqual(otherReplies, [], 'the other form node did not take the replies');
    assert.deepEqual(formSent, [], 'a reply does not send the form again');
  });

  it('leaves a reply to another form alone', async function () {
    await withEvents();
    const mine = await sendForm();
    const theirs = await sendForm('other');
    const mineReplies = collect('form-replies');
    const reply = nextMessage('other-replies');
    sim().injectFormReply({ from: 'alice', formMessageId: String(theirs.formMessageId), formId: String(theirs.formId), values: { ticker: 'x', action: 'ok' } });
    const msg = await reply;
    assert.deepEqual(msg.payload, { ticker: 'x', action: 'ok' });
    // One more reply to the first form: events arrive in order, so the other reply would have come before it.
    const closing = nextMessage('form-replies');
    sim().injectFormReply({ from: 'alice', formMessageId: String(mine.formMessageId), formId: String(mine.formId), values: { action: 'place' } });
    assert.equal((await closing).formAction, 'place');
    await until('the reply counted', () => mineReplies.length === 1);
    assert.equal(mineReplies.length, 1);
  });

  it('sends a msg without a stream to Catch, naming the field, with the original msg', async function () {
    await withEvents();
    const caught = nextMessage('caught');
    send('form', { topic: 'kept', payload: 'go' });
    const msg = await caught;
    assert.equal(msg.error!.cause!.field, 'streamId');
    assert.equal(msg.topic, 'kept');
    assert.equal(msg.payload, 'go');
  });

  it('sends a refused send (a stream that does not exist) to Catch with the original msg', async function () {
    await withEvents();
    const caught = nextMessage('caught');
    const seen = statuses('form');
    send('form', { topic: 'kept', streamId: 'noSuchStreamAAAAAAAAAAAAAAA' });
    const msg = await caught;
    assert.match(String(msg.error!.code), /^HTTP_4\d\d$/);
    assert.equal(msg.streamId, 'noSuchStreamAAAAAAAAAAAAAAA');
    assert.equal(msg.topic, 'kept');
    assert.equal(seen.at(-1)?.fill, 'red');
  });

  it('refuses fields a form cannot have, naming the field, at deploy and for every msg', async function () {
    await loadFlow([
      configNode(sim()),
      formNode('form', { fields: [{ kind: 'text', name: 'bad name' }, { kind: 'action', name: 'go', label: 'Go' }] }),
      { id: 'form-sent', type: 'helper' }, { id: 'form-replies', type: 'helper' },
    ]);
    const caught = nextMessage('caught');
    send('form', { streamId: DESK_ROOM_ID, topic: 'kept' });
    const msg = await caught;
    assert.equal(msg.error!.cause!.field, 'fields');
    assert.match(msg.error!.message, /field 1: name "bad name" is not valid/);
    assert.equal(msg.topic, 'kept');
    assert.equal(sim().requests.filter((r) => r.path.includes('/message/create')).length, 0);
  });
});
