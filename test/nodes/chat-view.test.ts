/**
 * The chat view's admin routes (GET/POST symphony/chat/...) against the built-in simulator running in this
 * process: what the editor's "Symphony chat" tab reads and what a person does in it.
 */
import assert from 'node:assert/strict';
import {
  acquireBuiltInSimulator, stopBuiltInSimulator, type BuiltInSimulatorLease,
} from '../../nodes/runtime/simulator-host/built-in-simulator';
import { MAX_TEXT_LENGTH } from '../../nodes/runtime/chat/chat-service';
import { helper, loadFlow, nextMessage } from '../helpers/flow';
import { eventsNode, reading } from '../helpers/events-flow';
import { DESK_ROOM_ID, USERS } from '../helpers/simulator';

/** node-red-node-test-helper's `request()`: supertest on the admin app (not in its type declarations). */
interface AdminResponse {
  status: number;
  body: Record<string, unknown>;
  text: string;
}
interface AdminRequest {
  get(path: string): Promise<AdminResponse>;
  post(path: string): { send(body: object): Promise<AdminResponse> };
}
const admin = (): AdminRequest => (helper as unknown as { request(): AdminRequest }).request();

type Part = SymphonyChatData.Part;

const get = (path: string, query: Record<string, string>): Promise<AdminResponse> =>
  admin().get(`/symphony/chat/${path}?${new URLSearchParams(query).toString()}`);
const post = (path: string, body: object): Promise<AdminResponse> => admin().post(`/symphony/chat/${path}`).send(body);

/** Every part of a message's content, depth first. */
function flatten(parts: readonly Part[]): Part[] {
  return parts.flatMap((part) => [part, ...('children' in part ? flatten(part.children) : [])]);
}

function textOf(parts: readonly Part[]): string {
  return flatten(parts).map((part) => ('text' in part && !('field' in part) ? part.text : '')).join('');
}

function assertRefused(response: AdminResponse, pattern: RegExp): void {
  assert.equal(response.status, 400, response.text);
  assert.match(String(response.body.error), pattern);
}

describe('chat view routes (symphony/chat/*)', function () {
  before(async function () {
    await helper.startServer();
  });
  after(async function () {
    await helper.stopServer();
  });
  afterEach(async function () {
    await helper.unload();
  });

  describe('while the built-in simulator is not running', function () {
    before(async function () {
      await stopBuiltInSimulator();
    });

    it('says so, with how to start it, and still lists the people it starts with', async function () {
      await loadFlow([]);
      const users = await admin().get('/symphony/chat/users');
      assert.equal(users.status, 200);
      assert.equal(users.body.running, false);
      const listed = users.body.users as SymphonyChatData.User[];
      assert.deepEqual(listed.find((u) => u.username === 'alice'), {
        id: USERS.alice.id, username: 'alice', displayName: 'Alice Adams', title: 'FX Trader', company: 'Simulated Bank', bot: false,
      });
      assert.equal(listed.find((u) => u.username === 'demo-bot')?.bot, true);

      const streams = await get('streams', { user: 'alice' });
      assert.equal(streams.status, 503);
      assert.match(String(streams.body.error), /not running.*pick "the built-in simulator" in a Symphony config node and deploy/);
      assert.equal((await post('messages', { user: 'alice', stream: DESK_ROOM_ID, text: 'hi' })).status, 503);
    });
  });

  describe('with the built-in simulator running', function () {
    let lease: BuiltInSimulatorLease;
    const sim = () => lease.instance.simulator;
    const bot = () => lease.instance.bot;

    before(async function () {
      lease = await acquireBuiltInSimulator();
    });
    after(async function () {
      lease.release();
      await stopBuiltInSimulator();
    });

    /** alice's IM with the bot, opened as she would in her client. */
    async function aliceBotIm(): Promise<string> {
      const opened = await post('ims', { user: 'alice', with: bot().username });
      assert.equal(opened.status, 200, opened.text);
      assert.equal(opened.body.type, 'IM');
      assert.equal(opened.body.name, 'Demo Bot');
      return String(opened.body.id);
    }

    it('lists the running simulator\'s users with display names, and no key or token', async function () {
      await loadFlow([]);
      const users = await admin().get('/symphony/chat/users');
      assert.equal(users.body.running, true);
      const names = (users.body.users as SymphonyChatData.User[]).map((u) => `${u.username}=${u.displayName}`);
      for (const expected of ['alice=Alice Adams', 'bob=Bob Brown', 'carol=Carol Clark', 'demo-bot=Demo Bot']) assert.ok(names.includes(expected), names.join());
      assert.doesNotMatch(users.text, /PRIVATE KEY|BEGIN/);
      for (const token of sim().state.sessions.keys()) assert.ok(!users.text.includes(token));
    });

    it('posts as alice into her IM with the bot, with mentions, hashtags and cashtags; the bot sees it', async function () {
      await loadFlow([]);
      const im = await aliceBotIm();
      const typed = 'Hi @bob, quote #fx $EURUSD <b>not bold</b> & @nobody pays $5';
      const sent = await post('messages', { user: 'alice', stream: im, text: typed });
      assert.equal(sent.status, 200, sent.text);

      const seen = await get('messages', { user: bot().username, stream: im });
      assert.equal(seen.status, 200, seen.text);
      const messages = seen.body.messages as SymphonyChatData.Message[];
      const last = messages.at(-1)!;
      assert.equal(last.sender.displayName, 'Alice Adams');
      assert.equal(last.mine, false);
      assert.ok(Math.abs(last.timestamp - Date.now()) < 60_000);
      assert.equal(textOf(last.content), 'Hi @Bob Brown, quote #fx $EURUSD <b>not bold</b> & @nobody pays $5');
      const entities = flatten(last.content).filter((p): p is SymphonyChatData.EntityPart => 'entity' in p);
      assert.deepEqual(entities, [
        { entity: 'mention', text: '@Bob Brown' }, { entity: 'hashtag', text: '#fx' }, { entity: 'cashtag', text: '$EURUSD' },
      ]);
      assert.ok(!flatten(last.content).some((p) => 'tag' in p && p.tag === 'b'), 'typed markup stays text');

      // The agent's view of the message carries the entities as a client's would.
      const stored = sim().state.messages.get(im)!.at(-1)!;
      const data = JSON.parse(stored.data) as Record<string, { type: string; id: Array<{ type: string; value: string }> }>;
      assert.deepEqual(Object.values(data).map((e) => `${e.type}:${e.id[0]!.type}=${e.id[0]!.value}`), [
        `com.symphony.user.mention:com.symphony.user.userId=${USERS.bob.id}`,
        'org.symphonyoss.taxonomy:org.symphonyoss.taxonomy.hashtag=fx',
        'org.symphonyoss.taxonomy:org.symphonyoss.fin.security.id.ticker=EURUSD',
      ]);

      const streams = await get('streams', { user: bot().username });
      const listed = (streams.body.streams as SymphonyChatData.Stream[]).find((s) => s.id === im);
      assert.equal(listed?.name, 'Alice Adams');
      assert.equal(listed?.lastMessageAt, last.timestamp);
    });

    it('answers a poll with 204 while nothing the user sees changed, and the new view once something did', async function () {
      await loadFlow([]);
      const im = await aliceBotIm();
      const first = await get('streams', { user: 'demo-bot' });
      const revision = String(first.body.revision);
      assert.equal((await get('streams', { user: 'demo-bot', revision })).status, 204);
      assert.equal((await get('messages', { user: 'demo-bot', stream: im, revision })).status, 204);
      // bob's message in a room the bot is not in changes nothing it sees.
      const bobIm = (await post('ims', { user: 'bob', with: 'carol' })).body.id as string;
      await post('messages', { user: 'bob', stream: bobIm, text: 'not for the bot' });
      assert.equal((await get('streams', { user: 'demo-bot', revision })).status, 204);

      await post('messages', { user: 'alice', stream: im, text: 'ping' });
      const changed = await get('streams', { user: 'demo-bot', revision });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.body.revision, revision);
    });

    it('lists a user\'s streams by name and the people they can open an IM with', async function () {
      await loadFlow([]);
      const answer = await get('streams', { user: 'alice' });
      const desk = (answer.body.streams as SymphonyChatData.Stream[]).find((s) => s.id === DESK_ROOM_ID);
      assert.deepEqual(desk && { name: desk.name, type: desk.type, active: desk.active }, { name: 'Simulated Trading Desk', type: 'ROOM', active: true });
      const contacts = answer.body.contacts as string[];
      assert.ok(contacts.includes('bob') && contacts.includes('demo-bot') && contacts.includes('erin'), contacts.join());
      assert.ok(!contacts.includes('alice'), 'not herself');
      assert.ok(!contacts.includes('dave'), 'an external user she is not connected to');
    });

    it('refuses bad input with 400 and a message naming the field', async function () {
      await loadFlow([]);
      const im = await aliceBotIm();
      assertRefused(await get('streams', { user: 'mallory' }), /^user: the built-in simulator has no user "mallory"$/);
      assertRefused(await get('streams', {}), /^user is required/);
      assertRefused(await get('messages', { user: 'bob', stream: im }), /^stream: bob is not a member of this stream$/);
      assertRefused(await get('messages', { user: 'alice', stream: 'nope' }), /^stream: the built-in simulator has no stream "nope"$/);
      assertRefused(await post('messages', { user: 'bob', stream: im, text: 'let me in' }), /bob is not a member/);
      assertRefused(await post('messages', { user: 'alice', stream: im, text: '   ' }), /^text is required/);
      assertRefused(await post('messages', { user: 'alice', stream: im }), /^text is required/);
      assertRefused(await post('messages', { user: 'alice', stream: im, text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }),
        new RegExp(`^text is too long: ${MAX_TEXT_LENGTH + 1} characters, at most ${MAX_TEXT_LENGTH}$`));
      assertRefused(await post('ims', { user: 'alice', with: 'dave' }), /^with: alice and dave work for different firms/);
      assertRefused(await post('ims', { user: 'alice', with: 'alice' }), /^with: pick someone other than alice$/);
      assertRefused(await post('ims', { user: 'alice' }), /^with is required/);
      const count = sim().state.messages.get(im)!.length;
      assert.equal(count, sim().state.messages.get(im)!.filter((m) => m.userId !== USERS.bob.id).length, 'bob wrote nothing');
    });

    it('shows message content as parts, never as markup: scripts and javascript: links are dropped', async function () {
      await loadFlow([]);
      const im = await aliceBotIm();
      sim().injectMessage({
        from: bot().username, streamId: im,
        message: '<messageML>Look <a href="javascript:alert(1)">here</a> or <a href="https://example.com/x">there</a>'
          + '<script>alert(2)</script><img src="x" onerror="alert(3)"/><ul><li>one</li></ul></messageML>',
      });
      const seen = await get('messages', { user: 'alice', stream: im });
      const parts = flatten((seen.body.messages as SymphonyChatData.Message[]).at(-1)!.content);
      assert.deepEqual(parts.filter((p) => 'link' in p).map((p) => (p as SymphonyChatData.LinkPart).link), ['https://example.com/x']);
      assert.equal(textOf(parts.filter((p) => !('children' in p))), 'Look here or thereone');
      assert.ok(parts.some((p) => 'tag' in p && p.tag === 'li'));
      assert.doesNotMatch(seen.text, /alert\(2\)|onerror/);
    });

    it('submits a form as alice: the bot\'s events node receives the SYMPHONYELEMENTSACTION a real client sends', async function () {
      const events = eventsNode({ eventTypes: ['SYMPHONYELEMENTSACTION'] });
      await loadFlow([
        { id: 'cfg', type: 'symphony-config', name: 'built-in', podUrl: sim().url, agentUrl: '', keyManagerUrl: '', authType: 'rsa', botUsername: bot().username, timeout: 10, maxRetries: 3 },
        events, { id: 'events', type: 'helper' },
      ], { cfg: { privateKey: bot().privateKeyPem } });
      await reading(sim(), String(events.tag));
      const im = await aliceBotIm();
      const form = sim().injectMessage({
        from: bot().username, streamId: im,
        message: '<messageML><h3>New FX order</h3><form id="trade"><text-field name="ticker" label="Currency pair" required="true">EURUSD</text-field>'
          + '<select name="side" label="Side"><option value="buy" selected="true">Buy</option><option value="sell">Sell</option></select>'
          + '<checkbox name="flags" value="urgent">Urgent</checkbox><radio name="venue" value="lit" checked="true">Lit</radio>'
          + '<textarea name="note" placeholder="Anything else?"/>'
          + '<button name="submit" type="action">Place order</button><button type="reset">Clear</button></form></messageML>',
      });

      const seen = await get('messages', { user: 'alice', stream: im });
      const shown = (seen.body.messages as SymphonyChatData.Message[]).find((m) => m.id === form.messageId)!;
      const formPart = flatten(shown.content).find((p): p is SymphonyChatData.FormPart => 'form' in p)!;
      assert.equal(formPart.form, 'trade');
      const fields = flatten(formPart.children).filter((p): p is SymphonyChatData.FieldPart => 'field' in p);
      assert.deepEqual(fields.map((f) => `${f.field}:${f.name}`), [
        'text:ticker', 'select:side', 'checkbox:flags', 'radio:venue', 'textarea:note', 'button:submit', 'button:',
      ]);
      assert.deepEqual(fields[0], { field: 'text', name: 'ticker', label: 'Currency pair', required: true, value: 'EURUSD' });
      assert.deepEqual(fields[1]!.options, [{ value: 'buy', label: 'Buy', selected: true }, { value: 'sell', label: 'Sell', selected: false }]);
      assert.equal(fields[6]!.action, 'reset');

      assertRefused(await post('forms', { user: 'alice', messageId: form.messageId, formId: 'other', values: { action: 'submit' } }), /^formId: the message has no form "other"$/);
      assertRefused(await post('forms', { user: 'alice', messageId: form.messageId, formId: 'trade', values: { size: '1', action: 'submit' } }), /^values: the form has no field "size"$/);
      assertRefused(await post('forms', { user: 'alice', messageId: form.messageId, formId: 'trade', values: { ticker: 'EURUSD' } }), /^values\.action must name one of the form's action buttons \(submit\)$/);
      assertRefused(await post('forms', { user: 'alice', messageId: form.messageId, formId: 'trade', values: { ticker: 5, action: 'submit' } }), /^values\.ticker must be a text/);
      assertRefused(await post('forms', { user: 'bob', messageId: form.messageId, formId: 'trade', values: { action: 'submit' } }), /^messageId: bob sees no message/);

      const received = nextMessage('events');
      const values = { ticker: 'GBPUSD', side: 'sell', flags: 'urgent', venue: 'lit', note: '', action: 'submit' };
      const submitted = await post('forms', { user: 'alice', messageId: form.messageId, formId: 'trade', values });
      assert.equal(submitted.status, 200, submitted.text);
      const msg = await received;
      assert.equal(msg.topic, 'SYMPHONYELEMENTSACTION');
      assert.equal(msg.formId, 'trade');
      assert.equal(msg.formMessageId, form.messageId);
      assert.deepEqual(msg.formValues, values);
      assert.equal(msg.streamId, im);
      assert.equal((msg.initiator as { username: string }).username, 'alice');
    });
  });
});
