import assert from 'node:assert/strict';
import { DEFAULT_SEED, type Simulator, type V4EventJson } from '../../simulator';
import { authenticateBot, keysFor, postJson, startAuthenticatedSimulator, type BotTokens } from './helpers';

const ROOM = DEFAULT_SEED.rooms[0]!.id;
const { bot, alice } = DEFAULT_SEED.users;

interface EventList { events: V4EventJson[]; ackId: string }

/** Resolves once `check` holds (a mocha timeout ends a wait that never does). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('simulator: datafeeds v5', function () {
  let sim: Simulator;
  let tokens: BotTokens;
  let oboToken: (username: string) => Promise<string>;

  before(async function () {
    ({ sim, tokens, oboToken } = await startAuthenticatedSimulator());
  });
  after(async function () {
    await sim.close();
  });
  beforeEach(function () {
    sim.setDatafeedHoldMs(300);
    sim.setVisibilityTimeoutMs(30_000);
    sim.dropDatafeeds();
  });

  const headers = (t: BotTokens = tokens): Record<string, string> => ({ sessionToken: t.sessionToken, keyManagerToken: t.keyManagerToken });
  const create = async (body: unknown = {}, t?: BotTokens): Promise<{ status: number; id: string }> => {
    const response = await postJson(`${sim.url}/agent/v5/datafeeds`, body, headers(t));
    return { status: response.status, id: ((await response.json()) as { id: string }).id };
  };
  const read = async (id: string, ackId: string, t?: BotTokens): Promise<{ status: number; body: EventList }> => {
    const response = await postJson(`${sim.url}/agent/v5/datafeeds/${id}/read`, { ackId }, headers(t));
    return { status: response.status, body: (await response.json()) as EventList };
  };
  const say = (text: string): string => sim.injectMessage({ from: 'alice', streamId: ROOM, message: text }).messageId;
  /** The ids of the messages the MESSAGESENT events of an answer carry. */
  const ids = (list: EventList): string[] => list.events.map((e) => (e.payload.messageSent as { message: { messageId: string } }).message.messageId);

  it('creates a feed (201), lists it by tag, reuses it for the same tag, and deletes it', async function () {
    const first = await create({ tag: 'one' });
    assert.equal(first.status, 201);
    assert.match(first.id, /^[0-9a-f]{32}_f$/);
    assert.equal((await create({ tag: 'one' })).id, first.id);
    const other = await create();
    assert.notEqual(other.id, first.id);
    const list = await (await fetch(`${sim.url}/agent/v5/datafeeds?tag=one`, { headers: headers() })).json() as Array<{ id: string }>;
    assert.deepEqual(list.map((f) => f.id), [first.id]);
    const deleted = await fetch(`${sim.url}/agent/v5/datafeeds/${first.id}`, { method: 'DELETE', headers: headers() });
    assert.equal(deleted.status, 204);
    const gone = await read(first.id, '');
    assert.equal(gone.status, 400);
    assert.match((gone.body as unknown as { message: string }).message, /not found/);
  });

  it('holds a read until an event comes, then answers it', async function () {
    // Far longer than the test's timeout: an answer can only come from the event.
    sim.setDatafeedHoldMs(600_000);
    const { id } = await create();
    const pending = read(id, '');
    await until(() => sim.datafeeds().some((f) => f.id === id && f.reading));
    const sent = say('wake up');
    const { status, body } = await pending;
    assert.equal(status, 200);
    assert.deepEqual(ids(body), [sent]);
    assert.equal(body.events[0]!.type, 'MESSAGESENT');
  });

  it('answers an empty list after the hold time', async function () {
    const { id } = await create();
    const { status, body } = await read(id, '');
    assert.equal(status, 200);
    assert.deepEqual(body.events, []);
    assert.equal(typeof body.ackId, 'string');
  });

  it('re-delivers unacknowledged events after the visibility timeout, to whichever read comes next', async function () {
    sim.setVisibilityTimeoutMs(150);
    sim.setDatafeedHoldMs(5_000);
    const { id } = await create();
    const first = say('first');
    const a = await read(id, '');
    assert.deepEqual(ids(a.body), [first]);
    const second = say('second');
    // Not acknowledging: the first answer stays pending (another reader gets only what came since)...
    const other = await read(id, '');
    assert.deepEqual(ids(other.body), [second]);
    // ...until its time is up: then it comes again, to the read waiting then (which acknowledges the second).
    const again = await read(id, other.body.ackId);
    assert.deepEqual(ids(again.body), [first]);
    // Acknowledged: nothing is left.
    const empty = await read(id, again.body.ackId);
    assert.deepEqual(empty.body.events, []);
    const third = say('third');
    assert.deepEqual(ids((await read(id, empty.body.ackId)).body), [third]);
  });

  it('lets readers sharing a feed wait at once: each answer goes to one of them, none ends another', async function () {
    const { id } = await create({ tag: 'shared' });
    sim.setDatafeedHoldMs(3_000);
    const waiting = [read(id, ''), read(id, ''), read(id, '')];
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(sim.datafeeds().find((f) => f.id === id)?.readers, 3);
    const sent = [say('a'), say('b'), say('c')];
    const answers = await Promise.all(waiting);
    assert.deepEqual(answers.flatMap((answer) => ids(answer.body)).sort(), [...sent].sort(), 'each event to exactly one reader');
    assert.ok(answers.every((answer) => answer.body.events.length === 1), 'the three events spread over the three reads');
  });

  it('queues events only for members of the stream, and only in feeds that exist', async function () {
    say('before any feed');
    const { id } = await create();
    sim.injectMessage({ from: 'alice', streamId: ROOM, message: 'in the room' });
    const { body } = await read(id, '');
    assert.equal(body.events.length, 1);
    assert.equal((body.events[0]!.payload.messageSent as { message: { message: string } }).message.message, '<div data-format="PresentationML" data-version="2.0">in the room</div>');
  });

  it('keeps feeds per user: another bot cannot read, list or delete the demo bot\'s feed', async function () {
    const keys = keysFor('second-bot');
    sim.registerBot({ username: 'second-bot', publicKey: keys.publicKeyPem });
    const other = await authenticateBot(sim, 'second-bot', keys.privateKey);
    const { id } = await create({ tag: 'mine' });
    assert.equal((await read(id, '', other)).status, 400);
    const list = await (await fetch(`${sim.url}/agent/v5/datafeeds`, { headers: headers(other) })).json() as unknown[];
    assert.deepEqual(list, []);
    assert.equal((await fetch(`${sim.url}/agent/v5/datafeeds/${id}`, { method: 'DELETE', headers: headers(other) })).status, 400);
    assert.notEqual((await create({ tag: 'mine' }, other)).id, id);
  });

  it('refuses OBO sessions (datafeeds are not OBO-enabled) and calls without a key manager token', async function () {
    const obo = await oboToken('alice');
    const refused = await postJson(`${sim.url}/agent/v5/datafeeds`, {}, { sessionToken: obo });
    assert.equal(refused.status, 403);
    assert.match(((await refused.json()) as { message: string }).message, /not OBO-enabled/);
    assert.equal((await postJson(`${sim.url}/agent/v5/datafeeds`, {}, { sessionToken: tokens.sessionToken })).status, 401);
  });

  it('answers a waiting read with 400 when its feed is dropped', async function () {
    sim.setDatafeedHoldMs(600_000);
    const { id } = await create({ tag: 'drop-me' });
    const pending = read(id, '');
    await until(() => sim.datafeeds().some((f) => f.id === id && f.reading));
    assert.equal(sim.dropDatafeeds({ tag: 'drop-me' }), 1);
    assert.equal((await pending).status, 400);
  });

  it('fails reads for N reads, and for a while, leaving create alone', async function () {
    const { id } = await create();
    sim.failDatafeedReads({ times: 2 });
    assert.equal((await read(id, '')).status, 500);
    assert.equal((await read(id, '')).status, 500);
    assert.equal((await read(id, '')).status, 200);
    sim.failDatafeedReads({ status: 503, durationMs: 600_000 });
    assert.equal((await create()).status, 201);
    assert.equal((await read(id, '')).status, 503);
    assert.equal((await read(id, '')).status, 503);
    sim.clearFaults();
    // A short outage ends by itself: reads succeed again.
    sim.failDatafeedReads({ status: 503, durationMs: 50 });
    let status = 0;
    while (status !== 200) status = (await read(id, '')).status;
  });

  it('gives each event a messageId of its own, not the id of the message it is about', async function () {
    const { id } = await create();
    const sent = say('about this message');
    const { body } = await read(id, '');
    const [event] = body.events;
    assert.deepEqual(ids(body), [sent]);
    assert.equal(typeof event!.messageId, 'string');
    assert.notEqual(event!.messageId, sent);
  });

  describe('control API over HTTP', function () {
    it('injects a message, a form reply and a connection request, and drops feeds', async function () {
      const { id } = await create({ tag: 'ctl' });
      const typed = await postJson(`${sim.url}/_sim/streams/${ROOM}/messages`, { from: 'alice', message: `hi <mention uid="${bot.id}"/>` });
      assert.equal(typed.status, 200);
      const message = (await typed.json()) as { messageId: string; message: string; data: string };
      assert.equal(message.message, '<div data-format="PresentationML" data-version="2.0">hi <span class="entity" data-entity-id="0">@Demo Bot</span></div>');
      assert.deepEqual(JSON.parse(message.data), { 0: { type: 'com.symphony.user.mention', version: '1.0', id: [{ type: 'com.symphony.user.userId', value: String(bot.id) }] } });

      const form = sim.injectMessage({ from: 'demo-bot', streamId: ROOM, message: '<messageML><form id="f1"><button name="ok">OK</button></form></messageML>' });
      const reply = await postJson(`${sim.url}/_sim/form-replies`, { from: 'alice', formMessageId: form.messageId, formId: 'f1', values: { action: 'ok' } });
      assert.equal(reply.status, 204);
      const wrongForm = await postJson(`${sim.url}/_sim/form-replies`, { from: 'alice', formMessageId: form.messageId, formId: 'nope', values: {} });
      assert.equal(wrongForm.status, 400);
      assert.equal((await postJson(`${sim.url}/_sim/connection-requests`, { from: 'dave' })).status, 204);

      const { body } = await read(id, '');
      assert.deepEqual(body.events.map((e) => e.type), ['MESSAGESENT', 'MESSAGESENT', 'SYMPHONYELEMENTSACTION', 'CONNECTIONREQUESTED']);
      const action = body.events[2]!;
      assert.equal(action.initiator.user.userId, alice.id);
      assert.deepEqual(action.payload.symphonyElementsAction, {
        stream: { streamId: ROOM, streamType: 'ROOM', roomName: 'Simulated Trading Desk', external: false, crossPod: false },
        formMessageId: form.messageId, formId: 'f1', formValues: { action: 'ok' },
      });

      const listed = await (await fetch(`${sim.url}/_sim/datafeeds`)).json() as Array<{ id: string; unacknowledged: number }>;
      assert.equal(listed.find((f) => f.id === id)?.unacknowledged, 4);
      assert.equal((await postJson(`${sim.url}/_sim/datafeed-read-failures`, { times: 1 })).status, 204);
      assert.equal((await read(id, body.ackId)).status, 500);
      const dropped = await fetch(`${sim.url}/_sim/datafeeds?tag=ctl`, { method: 'DELETE' });
      assert.deepEqual(await dropped.json(), { dropped: 1 });
      assert.equal((await read(id, body.ackId)).status, 400);
    });

    it('queues raw JSON as events, exactly as given, in the feeds the filter matches', async function () {
      const { id } = await create({ tag: 'raw' });
      const other = await create({ tag: 'other' });
      const raw = [null, 5, 'text', [1], {}, { id: 'x', type: 'NOT_A_TYPE' }, { id: 'x', type: 'NOT_A_TYPE' }];
      const queued = await postJson(`${sim.url}/_sim/datafeed-events`, { tag: 'raw', events: raw });
      assert.deepEqual(await queued.json(), { feeds: 1 });
      assert.deepEqual((await read(id, '')).body.events, raw);
      assert.deepEqual((await read(other.id, '')).body.events, []);
      assert.equal((await postJson(`${sim.url}/_sim/datafeed-events`, { tag: 'raw', events: 'none' })).status, 400);
    });

    it('loses answers after taking their events: the events come again after the visibility timeout', async function () {
      sim.setVisibilityTimeoutMs(150);
      const { id } = await create({ tag: 'lossy' });
      const lost = await postJson(`${sim.url}/_sim/datafeed-lost-answers`, { tag: 'lossy' });
      assert.deepEqual(await lost.json(), { feeds: 1 });
      const first = say('lost once');
      await assert.rejects(postJson(`${sim.url}/agent/v5/datafeeds/${id}/read`, { ackId: '' }, headers()));
      assert.equal(sim.datafeeds().find((f) => f.id === id)?.unacknowledged, 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = await read(id, '');
      assert.deepEqual(ids(again.body), [first]);
      assert.deepEqual((await read(id, again.body.ackId)).body.events, []);
    });

    it('emits a generic system event (GENERICSYSTEMEVENT) to a stream\'s members, or to the bot', async function () {
      const { id } = await create({ tag: 'system' });
      const parameters = { reviewId: 'r-17', outcome: 'approved', score: 3 };
      const inStream = await postJson(`${sim.url}/_sim/generic-system-events`, {
        from: 'alice', streamId: ROOM, sourceSystem: 'compliance-review', eventSubtype: 'review.closed', parameters,
      });
      assert.equal(inStream.status, 204);
      assert.equal((await postJson(`${sim.url}/_sim/generic-system-events`, { sourceSystem: 'ops', eventSubtype: 'maintenance' })).status, 204);
      assert.equal((await postJson(`${sim.url}/_sim/generic-system-events`, { sourceSystem: 'ops' })).status, 400);
      const { body } = await read(id, '');
      assert.deepEqual(body.events.map((e) => e.type), ['GENERICSYSTEMEVENT', 'GENERICSYSTEMEVENT']);
      const [first, second] = body.events as V4EventJson[];
      assert.equal(first!.initiator.user.userId, alice.id);
      const content = first!.payload.genericSystemEvent as Record<string, unknown>;
      assert.deepEqual({ ...content, stream: (content.stream as { streamId: string }).streamId }, {
        stream: ROOM, eventTimestamp: first!.timestamp, sourceSystem: 'compliance-review', eventSubtype: 'review.closed', parameters,
      });
      assert.equal(second!.initiator.user.userId, bot.id);
      assert.deepEqual(second!.payload.genericSystemEvent, { eventTimestamp: second!.timestamp, sourceSystem: 'ops', eventSubtype: 'maintenance', parameters: {} });
    });
  });
});
