import assert from 'node:assert/strict';
import { CONFIG_ID, collect, configNode, helper, loadFlow, messages, nextMessage, send } from '../helpers/flow';
import { BOT, DESK_ROOM_ID, USERS } from '../helpers/simulator';
import { datafeedRequests, eventsNode, reading, statusTexts, statusWatch } from '../helpers/events-flow';
import { useSimulator } from '../helpers/flow';

describe('symphony-events: what reaches the flow', function () {
  const sim = useSimulator({ datafeedHoldMs: 5_000 });

  /** Starts the flow, waits until the node polls; returns its feed tag and the statuses it shows. */
  async function start(props: Record<string, unknown> = {}, wires?: string[][]): Promise<{ tag: string; seen: string[] }> {
    const node = eventsNode(props, wires);
    await loadFlow([configNode(sim()), node, { id: 'events', type: 'helper' }, { id: 'second', type: 'helper' }, ...statusWatch()]);
    const seen = statusTexts();
    await reading(sim(), String(node.tag));
    return { tag: String(node.tag), seen };
  }

  it('sends a message typed by a user, with its text, mentions, tags, stream, message id and initiator', async function () {
    const { seen } = await start();
    const next = nextMessage('events');
    const sent = sim().injectMessage({
      from: 'alice', streamId: DESK_ROOM_ID,
      message: `Hi <mention uid="${BOT.id}"/>, buy <cash tag="ACME"/> <hash tag="fx"/> &amp; sell`,
    });
    const msg = await next;
    assert.equal(msg.topic, 'MESSAGESENT');
    assert.equal(msg.streamId, DESK_ROOM_ID);
    assert.equal(msg.messageId, sent.messageId);
    assert.equal((msg.initiator as { username: string }).username, 'alice');
    assert.equal(msg.text, 'Hi @Demo Bot, buy $ACME #fx & sell');
    assert.deepEqual(msg.mentions, [{ id: BOT.id, name: 'Demo Bot' }]);
    assert.deepEqual(msg.cashtags, ['ACME']);
    assert.deepEqual(msg.hashtags, ['fx']);
    const payload = msg.payload as { type: string; payload: { messageSent: { message: { messageId: string; user: { userId: number } } } } };
    assert.equal(payload.type, 'MESSAGESENT');
    assert.equal(payload.payload.messageSent.message.messageId, sent.messageId);
    assert.equal(payload.payload.messageSent.message.user.userId, USERS.alice.id);
    assert.ok(seen.includes('green dot connected'), `the status says connected (${seen.join('; ')})`);
  });

  it('reads as the bot: the feed is the bot\'s (datafeeds are not OBO-enabled)', async function () {
    const { tag } = await start();
    const feed = sim().datafeeds().find((f) => f.tag === tag);
    assert.equal(feed?.userId, BOT.id);
  });

  it('leaves out the bot\'s own messages by default, and sends them when asked', async function () {
    await start();
    const received = collect('events');
    sim().injectMessage({ from: BOT.username, streamId: DESK_ROOM_ID, message: 'from the bot' });
    const last = nextMessage('events');
    sim().injectMessage({ from: 'bob', streamId: DESK_ROOM_ID, message: 'from bob' });
    await last;
    assert.deepEqual(received.map((m) => m.text), ['from bob']);

    await helper.unload();
    await start({ ignoreOwn: false });
    const own = nextMessage('events');
    sim().injectMessage({ from: BOT.username, streamId: DESK_ROOM_ID, message: 'mine' });
    assert.equal((await own).text, 'mine');
  });

  it('sends only messages that mention the bot when mentionsOnly is set', async function () {
    await start({ mentionsOnly: true });
    const received = collect('events');
    sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: `hello <mention uid="${USERS.bob.id}"/>` });
    const last = nextMessage('events');
    sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: `hello <mention uid="${BOT.id}"/>` });
    await last;
    assert.deepEqual(received.map((m) => m.text), ['hello @Demo Bot']);
  });

  it('sends only events of the selected streams', async function () {
    const im = 'eventsTestImStreamAliceBot0000000001';
    sim().state.streams.set(im, { id: im, type: 'IM', members: [BOT.id, USERS.alice.id], createdBy: USERS.alice.id, createdAt: Date.now(), active: true });
    sim().state.messages.set(im, []);
    await start({ streamIds: `${im}, other` });
    const received = collect('events');
    sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: 'in the room' });
    const last = nextMessage('events');
    sim().injectMessage({ from: 'alice', streamId: im, message: 'in the IM' });
    await last;
    assert.deepEqual(received.map((m) => [m.text, m.streamId]), [['in the IM', im]]);
  });

  it('sends each selected event type on its own output, and leaves out the others', async function () {
    await start({ eventTypes: ['CONNECTIONREQUESTED', 'MESSAGESENT'], outputMode: 'perType', outputs: 2 }, [['second'], ['events']]);
    const firsts = collect('second');
    const request = nextMessage('second');
    sim().injectConnectionRequest({ from: 'dave' });
    const connection = await request;
    assert.equal(connection.topic, 'CONNECTIONREQUESTED');
    assert.equal((connection.initiator as { username?: string; userId: number }).userId, USERS.dave.id);
    const toUser = (connection.payload as { payload: { connectionRequested: { toUser: { userId: number } } } }).payload.connectionRequested.toUser;
    assert.equal(toUser.userId, BOT.id);
    assert.equal(connection.streamId, undefined);

    const message = nextMessage('events');
    sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: 'on the second output' });
    assert.equal((await message).topic, 'MESSAGESENT');
    assert.equal(firsts.length, 1);
  });

  it('sends a form reply with its form id, values and form message, so a flow can act on it', async function () {
    await start({ eventTypes: ['SYMPHONYELEMENTSACTION'] });
    const form = sim().injectMessage({
      from: BOT.username, streamId: DESK_ROOM_ID,
      message: '<messageML><form id="order"><text-field name="qty"/><button name="place" type="action">Place</button></form></messageML>',
    });
    const reply = nextMessage('events');
    sim().injectFormReply({ from: 'alice', formMessageId: form.messageId, formId: 'order', values: { qty: '10', action: 'place' } });
    const msg = await reply;
    assert.equal(msg.topic, 'SYMPHONYELEMENTSACTION');
    assert.equal(msg.formId, 'order');
    assert.equal(msg.formMessageId, form.messageId);
    assert.deepEqual(msg.formValues, { qty: '10', action: 'place' });
    assert.equal(msg.streamId, DESK_ROOM_ID);
    assert.equal((msg.initiator as { username: string }).username, 'alice');
  });

  it('sends messages a user sent through the API on behalf of (OBO) to the bot\'s feed', async function () {
    const node = eventsNode();
    await loadFlow([
      configNode(sim()), node, { id: 'events', type: 'helper' },
      {
        id: 'send', type: 'symphony-message-send', config: CONFIG_ID, actAs: 'username', oboUser: 'alice', oboUserType: 'str',
        streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg', format: 'text', outputProperty: 'payload',
      },
    ]);
    await reading(sim(), String(node.tag));
    const next = nextMessage('events');
    send('send', { payload: 'sent on behalf of alice' });
    const msg = await next;
    assert.equal(msg.text, 'sent on behalf of alice');
    assert.equal((msg.initiator as { username: string }).username, 'alice');
  });

  it('reads nothing without a config node, and says so', async function () {
    await loadFlow([{ ...eventsNode(), config: '' }]);
    // The node said so while it was created, instead of starting a loop: no request can follow.
    const node = helper.getNode('ev') as unknown as { status: { getCalls(): Array<{ thisValue: unknown; args: unknown[] }> } };
    const shown = node.status.getCalls().filter((call) => call.thisValue === node).map((call) => call.args[0]);
    assert.deepEqual(shown, [{ fill: 'red', shape: 'ring', text: 'no Symphony config' }]);
    assert.equal(datafeedRequests(sim()), 0);
  });

  it('delivers every event of a busy stream once, in order', async function () {
    await start();
    const all = messages('events', 30);
    const sent = Array.from({ length: 30 }, (_, i) => sim().injectMessage({ from: i % 2 ? 'alice' : 'bob', streamId: DESK_ROOM_ID, message: `n${i}` }).messageId);
    const got = await all;
    assert.deepEqual(got.map((m) => m.messageId), sent);
  });
});
