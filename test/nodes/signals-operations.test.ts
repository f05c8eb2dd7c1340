import assert from 'node:assert/strict';
import { useSimulator } from '../helpers/flow';
import { asUser, expectCaught, expectOut, runNode, runPerItem } from '../helpers/signals-flow';
import { BOT, LIMITED_APP_ID, USERS } from '../helpers/simulator';

interface SignalJson { id: string; name: string; query: string; visibleOnProfile: boolean; companyWide: boolean; timestamp: number }

/** Node properties for a field set in the node. */
function fields(values: Record<string, string | boolean | number>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    props[name] = String(value);
    props[`${name}Type`] = typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? 'num' : 'str';
  }
  return props;
}

describe('signal nodes: create, get, update, delete, list', function () {
  const sim = useSimulator();

  it('create signal as the bot: the signal comes back and a following get signal sees it', async function () {
    const created = await expectOut(runNode(sim(), 'symphony-signal-create', fields({ signalName: 'FX news', query: 'HASHTAG:fx OR CASHTAG:EURUSD' }), { topic: 'keep' }));
    const signal = created.payload as SignalJson;
    assert.equal(created.topic, 'keep');
    assert.match(signal.id, /^[0-9a-f]{24}$/);
    assert.deepEqual({ ...signal, id: undefined, timestamp: undefined }, {
      id: undefined, timestamp: undefined, name: 'FX news', query: 'HASHTAG:fx OR CASHTAG:EURUSD', visibleOnProfile: false, companyWide: false,
    });
    assert.equal(sim().state.signals.get(signal.id)?.ownerId, BOT.id, 'the bot owns it');
    const create = sim().requests.find((r) => r.path === '/agent/v1/signals/create');
    assert.equal(create?.headers.keymanagertoken, '<redacted>', 'the bot sends its key manager token');

    const got = await expectOut(runNode(sim(), 'symphony-signal-get', {}, { signalId: signal.id }));
    assert.deepEqual(got.payload, signal);
  });

  it('create signal on behalf of a user: the user owns it and lists it, others do not see it', async function () {
    const created = await expectOut(runNode(sim(), 'symphony-signal-create', { ...asUser('alice'), ...fields({ signalName: 'Rates', query: 'hashtag:rates AND author:13287555072102', visibleOnProfile: false }) }));
    const signal = created.payload as SignalJson;
    assert.equal(sim().state.signals.get(signal.id)?.ownerId, USERS.alice.id);
    assert.equal(sim().count('POST', '/relay/pubkey/authenticate'), 0, 'OBO agent calls need no key manager token');

    const alices = await expectOut(runNode(sim(), 'symphony-signal-list', asUser('alice')));
    assert.ok((alices.payload as SignalJson[]).some((s) => s.id === signal.id));
    const bobs = await expectOut(runNode(sim(), 'symphony-signal-list', asUser('bob')));
    assert.ok(!(bobs.payload as SignalJson[]).some((s) => s.id === signal.id), 'a private signal is not listed for others');
    const refused = await expectCaught(runNode(sim(), 'symphony-signal-get', asUser('bob'), { signalId: signal.id }));
    assert.equal(refused.error!.cause!.status, 403);
    assert.match(String(refused.error!.cause!.symphonyMessage), /may not access signal/);
  });

  it('create signal: a query without hashtag or cashtag is refused by Symphony with its reason', async function () {
    const caught = await expectCaught(runNode(sim(), 'symphony-signal-create', fields({ signalName: 'People', query: 'author:13287555072101' })));
    assert.equal(caught.error!.code, 'HTTP_400');
    assert.equal(caught.error!.cause!.symphonyMessage, 'query must contain at least one hashtag or cashtag');

    const badSyntax = await expectCaught(runNode(sim(), 'symphony-signal-create', fields({ signalName: 'Bad', query: 'hashtag:fx cashtag:EURUSD' })));
    assert.match(String(badSyntax.error!.cause!.symphonyMessage), /expects AND or OR before "cashtag:EURUSD"/);
    const unknownField = await expectCaught(runNode(sim(), 'symphony-signal-create', fields({ signalName: 'Bad', query: 'topic:fx OR hashtag:fx' })));
    assert.match(String(unknownField.error!.cause!.symphonyMessage), /"topic:fx" where a field:value pair is expected/);
  });

  it('create signal: a missing query is named before any request', async function () {
    const caught = await expectCaught(runNode(sim(), 'symphony-signal-create', fields({ signalName: 'No query' }), { payload: 'x' }));
    assert.equal(caught.error!.code, 'INVALID_INPUT');
    assert.equal(caught.error!.cause!.field, 'query');
    assert.equal(sim().count('POST', '/agent/v1/signals/create'), 0);
  });

  it('create signal on behalf of a user through an app without MANAGE_SIGNALS: 403 at Catch', async function () {
    const caught = await expectCaught(runNode(sim(), 'symphony-signal-create', { ...asUser('alice'), ...fields({ signalName: 'x', query: 'hashtag:x' }) }, {}, { config: { appId: LIMITED_APP_ID } }));
    assert.equal(caught.error!.cause!.status, 403);
    assert.match(String(caught.error!.cause!.symphonyMessage), /lacks the MANAGE_SIGNALS permission/);
  });

  it('get signal: an unknown id is a 400 with Symphony\'s message', async function () {
    const caught = await expectCaught(runNode(sim(), 'symphony-signal-get', {}, { signalId: '0123456789abcdef01234567' }));
    assert.equal(caught.error!.cause!.status, 400);
    assert.equal(caught.error!.cause!.symphonyMessage, 'Signal 0123456789abcdef01234567 not found');
  });

  it('update signal: the fields set change, the others stay, and get signal sees the change', async function () {
    const signal = sim().state.signals.create(USERS.alice.id, { name: 'Old', query: 'hashtag:old', visibleOnProfile: true, companyWide: false });
    const updated = await expectOut(runNode(sim(), 'symphony-signal-update', { ...asUser('alice'), ...fields({ signalId: signal.id }) }, { query: 'hashtag:new OR (cashtag:AAPL AND hashtag:tech)' }));
    assert.deepEqual(updated.payload, {
      id: signal.id, name: 'Old', query: 'hashtag:new OR (cashtag:AAPL AND hashtag:tech)', visibleOnProfile: true, companyWide: false, timestamp: signal.timestamp,
    });
    const got = await expectOut(runNode(sim(), 'symphony-signal-get', asUser('bob'), { signalId: signal.id }));
    assert.equal((got.payload as SignalJson).query, 'hashtag:new OR (cashtag:AAPL AND hashtag:tech)', 'a public signal is readable by others');
  });

  it('update signal: only the creator may, and a node with no field set sends nothing', async function () {
    const signal = sim().state.signals.create(USERS.alice.id, { name: 'Mine', query: 'hashtag:mine', visibleOnProfile: true, companyWide: false });
    const refused = await expectCaught(runNode(sim(), 'symphony-signal-update', asUser('bob'), { signalId: signal.id, signalName: 'Stolen' }));
    assert.equal(refused.error!.cause!.status, 403);
    assert.equal(sim().state.signals.get(signal.id)?.name, 'Mine');

    sim().clearRequests();
    const empty = await expectCaught(runNode(sim(), 'symphony-signal-update', asUser('alice'), { signalId: signal.id }));
    assert.equal(empty.error!.code, 'INVALID_INPUT');
    assert.equal(empty.error!.cause!.field, 'signalName|query|visibleOnProfile|companyWide');
    assert.equal(sim().count('*', '/agent/v1/signals/*'), 0);
  });

  it('delete signal: it is gone for get and list; only the creator may delete', async function () {
    const signal = sim().state.signals.create(USERS.carol.id, { name: 'Temp', query: 'cashtag:TMP', visibleOnProfile: true, companyWide: false });
    const refused = await expectCaught(runNode(sim(), 'symphony-signal-delete', asUser('bob'), { signalId: signal.id }));
    assert.equal(refused.error!.cause!.status, 403);

    const deleted = await expectOut(runNode(sim(), 'symphony-signal-delete', asUser('carol'), { signalId: signal.id }));
    assert.deepEqual(deleted.payload, { format: 'TEXT', message: 'Signal deleted' });
    const gone = await expectCaught(runNode(sim(), 'symphony-signal-get', asUser('carol'), { signalId: signal.id }));
    assert.equal(gone.error!.cause!.status, 400);
    const listed = await expectOut(runNode(sim(), 'symphony-signal-list', asUser('carol')));
    assert.ok(!(listed.payload as SignalJson[]).some((s) => s.id === signal.id));
  });

  describe('list signals, page by page', function () {
    let names: string[] = [];
    before(function () {
      names = [];
      for (let i = 1; i <= 7; i++) {
        names.push(sim().state.signals.create(USERS.frank.id, { name: `frank ${i}`, query: `hashtag:f${i}`, visibleOnProfile: false, companyWide: false }).name);
      }
    });

    it('one page: the API\'s answer for the skip and limit given', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-signal-list', { ...asUser('frank'), ...fields({ skip: 2, limit: 3 }) }));
      assert.deepEqual((msg.payload as SignalJson[]).map((s) => s.name), names.slice(2, 5));
    });

    it('all pages up to a cap: stops at the cap', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-signal-list', { ...asUser('frank'), ...fields({ limit: 2 }), pages: 'all', maxItems: 5 }));
      assert.deepEqual((msg.payload as SignalJson[]).map((s) => s.name), names.slice(0, 5));
      const pages = sim().requests.filter((r) => r.path === '/agent/v1/signals/list').map((r) => Object.fromEntries(new URLSearchParams(r.query)));
      assert.deepEqual(pages, [{ skip: '0', limit: '2' }, { skip: '2', limit: '2' }, { skip: '4', limit: '1' }]);
    });

    it('all pages: every signal, read in pages of the limit', async function () {
      const msg = await expectOut(runNode(sim(), 'symphony-signal-list', { ...asUser('frank'), ...fields({ limit: 3 }), pages: 'all' }));
      assert.deepEqual((msg.payload as SignalJson[]).map((s) => s.name), names);
    });

    it('one msg per signal, with msg.parts', async function () {
      const msgs = await runPerItem(sim(), 'symphony-signal-list', { ...asUser('frank'), pages: 'all', split: 'items' }, 7);
      assert.deepEqual(msgs.map((m) => (m.payload as SignalJson).name), names);
      assert.deepEqual(msgs.map((m) => (m.parts as { index: number; count: number }).index), [0, 1, 2, 3, 4, 5, 6]);
      assert.equal((msgs[0]!.parts as { count: number }).count, 7);
    });

    it('a limit above the 500 the API serves is refused before any request', async function () {
      const caught = await expectCaught(runNode(sim(), 'symphony-signal-list', { ...asUser('frank'), ...fields({ limit: 501 }) }));
      assert.equal(caught.error!.cause!.field, 'limit');
      assert.equal(sim().count('GET', '/agent/v1/signals/list'), 0);
    });
  });
});
