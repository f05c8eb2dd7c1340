import assert from 'node:assert/strict';
import { DEFAULT_SEED, type Simulator, type V4EventJson } from '../../simulator';
import { postJson, startAuthenticatedSimulator, type BotTokens } from './helpers';

const ROOM = DEFAULT_SEED.rooms[0]!.id;

interface EventList { events: V4EventJson[]; ackId: string }

describe('simulator: datahose (POST /agent/v5/events/read)', function () {
  let sim: Simulator;
  let tokens: BotTokens;
  let oboToken: (username: string) => Promise<string>;
  let tagCounter = 0;

  before(async function () {
    ({ sim, tokens, oboToken } = await startAuthenticatedSimulator());
  });
  after(async function () {
    await sim.close();
  });
  beforeEach(function () {
    sim.setDatafeedHoldMs(200);
    sim.setVisibilityTimeoutMs(30_000);
  });

  const headers = (): Record<string, string> => ({ sessionToken: tokens.sessionToken, keyManagerToken: tokens.keyManagerToken });
  const newTag = (): string => `hose-${++tagCounter}`;
  const post = async (body: unknown, h = headers()): Promise<{ status: number; body: EventList & { message?: string } }> => {
    const response = await postJson(`${sim.url}/agent/v5/events/read`, body, h);
    return { status: response.status, body: (await response.json()) as EventList & { message?: string } };
  };
  const read = (tag: string, ackId = '', extra: Record<string, unknown> = {}) =>
    post({ type: 'datahose', tag, eventTypes: ['MESSAGESENT'], ackId, updatePresence: false, ...extra });
  const say = (text: string): string => sim.injectMessage({ from: 'alice', streamId: ROOM, message: text }).messageId;
  const ids = (list: EventList): string[] => list.events.map((e) => (e.payload.messageSent as { message: { messageId: string } }).message.messageId);

  it('refuses what the spec refuses: no type "datahose", no tag, a tag over 80, no event type, unknown types or scopes', async function () {
    const cases: Array<[unknown, RegExp]> = [
      [{ tag: 't', eventTypes: ['MESSAGESENT'] }, /type/],
      [{ type: 'datafeed', tag: 't', eventTypes: ['MESSAGESENT'] }, /type/],
      [{ type: 'datahose', eventTypes: ['MESSAGESENT'] }, /tag/],
      [{ type: 'datahose', tag: 'x'.repeat(81), eventTypes: ['MESSAGESENT'] }, /tag/],
      [{ type: 'datahose', tag: 't' }, /eventTypes/],
      [{ type: 'datahose', tag: 't', eventTypes: [] }, /eventTypes/],
      [{ type: 'datahose', tag: 't', eventTypes: ['GENERICSYSTEMEVENT'] }, /eventTypes/],
      [{ type: 'datahose', tag: 't', eventTypes: ['MESSAGESENT'], scopes: ['WORLD'] }, /scopes/],
      [{ type: 'datahose', tag: 't', eventTypes: ['MESSAGESENT'], ackId: 5 }, /ackId/],
      [{ type: 'datahose', tag: 't', eventTypes: ['MESSAGESENT'], updatePresence: 'yes' }, /updatePresence/],
    ];
    for (const [body, reason] of cases) {
      const answer = await post(body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(String(answer.body.message), reason, JSON.stringify(body));
    }
  });

  it('is for service accounts: a user, or the bot on behalf of one, is refused', async function () {
    const token = await oboToken('alice');
    const answer = await post({ type: 'datahose', tag: newTag(), eventTypes: ['MESSAGESENT'] }, { sessionToken: token });
    assert.ok(answer.status === 403 || answer.status === 401, `status ${answer.status}`);
  });

  it('serves every event of its types from the feed\'s first read on, and acknowledges by ackId', async function () {
    const tag = newTag();
    const empty = await read(tag);
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.body.events, []);
    const one = say('one');
    const two = say('two');
    const first = await read(tag, empty.body.ackId);
    assert.deepEqual(ids(first.body), [one, two]);
    // Not acknowledged yet: the same events stay out of reach of other reads until the visibility timeout.
    const other = await read(tag);
    assert.deepEqual(other.body.events, []);
    const three = say('three');
    const next = await read(tag, first.body.ackId);
    assert.deepEqual(ids(next.body), [three]);
  });

  it('gives an answer nobody acknowledged to the next read after the visibility timeout', async function () {
    sim.setVisibilityTimeoutMs(150);
    const tag = newTag();
    await read(tag);
    const lost = say('lost on the way');
    const taken = await read(tag);
    assert.deepEqual(ids(taken.body), [lost]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await read(tag);
    assert.deepEqual(ids(again.body), [lost]);
    // Once the first answer's time is up, its ackId acknowledges nothing but is not refused either.
    assert.equal((await read(tag, taken.body.ackId)).status, 200);
  });

  it('takes an ackId it does not hold as acknowledging nothing', async function () {
    const tag = newTag();
    await read(tag);
    const kept = say('kept');
    const answer = await read(tag, 'never-given');
    assert.equal(answer.status, 200);
    assert.deepEqual(ids(answer.body), [kept]);
  });

  it('lets several reads wait at once and gives each answer to one of them', async function () {
    const tag = newTag();
    await read(tag);
    sim.setDatafeedHoldMs(3_000);
    const waiting = [read(tag), read(tag), read(tag)];
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(sim.datahoseFeeds().find((f) => f.tag === tag)?.reading, 3, 'three reads wait, none ended by another');
    const one = say('one');
    const first = await Promise.race(waiting);
    assert.deepEqual(ids(first.body), [one]);
    assert.equal(sim.datahoseFeeds().find((f) => f.tag === tag)?.reading, 2, 'the other two still wait');
    const two = say('two');
    const three = say('three');
    const rest = await Promise.all(waiting);
    const delivered = rest.flatMap((r) => ids(r.body)).sort();
    assert.deepEqual(delivered, [one, two, three].sort(), 'each event went to exactly one read');
  });

  it('keeps feeds with other event types or scopes apart, and filters by scope', async function () {
    const tag = newTag();
    await read(tag);
    await read(tag, '', { scopes: ['EXTERNAL'] });
    const internal = say('internal room');
    const all = await read(tag);
    assert.deepEqual(ids(all.body), [internal]);
    const external = await read(tag, '', { scopes: ['EXTERNAL'] });
    assert.deepEqual(external.body.events, [], 'the desk room is internal');
    assert.equal(sim.datahoseFeeds().filter((f) => f.tag === tag).length, 2);
  });
});
