import assert from 'node:assert/strict';
import { CONFIG_ID, collect, configCredentials, configNode, helper, loadFlow, messages, nextMessage, send, statuses, useSimulator, type StatusRecord } from '../helpers/flow';
import { keyPair } from '../helpers/keys';
import { DESK_ROOM_ID, LIMITED_APP_ID, USERS } from '../helpers/simulator';

const sendNode = (props: Record<string, unknown> = {}) => ({
  id: 'send', type: 'symphony-message-send', config: CONFIG_ID, streamId: DESK_ROOM_ID, streamIdType: 'str',
  message: 'payload', messageType: 'msg', wires: [['out']], ...props,
});
const lookupNode = (props: Record<string, unknown> = {}) => ({
  id: 'lookup', type: 'symphony-users-lookup', config: CONFIG_ID, usernames: 'alice', usernamesType: 'str', wires: [['out']], ...props,
});

describe('authentication and tokens', function () {
  const sim = useSimulator();

  it('logs in once for 50 messages arriving at a cold start', async function () {
    await loadFlow([configNode(sim()), sendNode(), { id: 'out', type: 'helper' }]);
    const all = messages('out', 50);
    for (let i = 0; i < 50; i++) send('send', { payload: `message ${i}` });
    const received = await all;

    assert.equal(received.length, 50);
    assert.equal(sim().count('POST', '/login/pubkey/authenticate'), 1, 'one session login');
    assert.equal(sim().count('POST', '/relay/pubkey/authenticate'), 1, 'one key manager login');
    assert.equal(sim().count('POST', `/agent/v4/stream/${DESK_ROOM_ID}/message/create`), 50);
  });

  it('re-authenticates once and retries the call when the session has expired', async function () {
    await loadFlow([configNode(sim()), sendNode(), { id: 'out', type: 'helper' }]);
    const first = nextMessage('out');
    send('send', { payload: 'before expiry' });
    await first;
    sim().expireAllTokens();
    const second = nextMessage('out');
    send('send', { payload: 'after expiry' });
    const msg = await second;

    assert.match((msg.payload as { message: string }).message, /after expiry/);
    assert.equal(sim().count('POST', '/login/pubkey/authenticate'), 2);
    assert.equal(sim().count('POST', '/relay/pubkey/authenticate'), 2);
    const creates = sim().requests.filter((r) => r.path.endsWith('/message/create')).map((r) => r.status);
    assert.deepEqual(creates, [200, 401, 200]);
  });

  it('fails fast with "not authorized" when the login itself is refused, without a retry storm', async function () {
    const wrongKey = configCredentials({ privateKey: keyPair('other').privatePem });
    await loadFlow([configNode(sim()), lookupNode()], wrongKey);
    const shown = statuses('lookup');
    const caught = nextMessage('caught');
    send('lookup', { payload: 1, topic: 'original' });
    const msg = await caught;

    assert.match(msg.error!.message, /not authorized/);
    assert.equal(msg.error!.code, 'NOT_AUTHORIZED');
    assert.equal(msg.error!.cause!.status, 401);
    assert.equal(msg.topic, 'original', 'the original msg reaches Catch');
    assert.deepEqual(shown.at(-1), { fill: 'red', shape: 'ring', text: 'not authorized' });

    const more = messages('caught', 5);
    for (let i = 0; i < 5; i++) send('lookup', { payload: i });
    await more;
    assert.equal(sim().count('POST', '/login/pubkey/authenticate'), 1, 'the refusal is remembered briefly, not retried per message');
    assert.equal(sim().count('GET', '/pod/v3/users'), 0);
  });

  it('waits for Retry-After on 429 and then succeeds, showing it is rate limited meanwhile', async function () {
    await loadFlow([configNode(sim()), lookupNode(), { id: 'out', type: 'helper' }]);
    const shown = statuses('lookup');
    const lookups = (): number => sim().count('GET', '/pod/v3/users');
    sim().injectFault({ method: 'GET', path: '/pod/v3/users', status: 429, headers: { 'Retry-After': '1' }, times: 1 });
    // A timer started when the node says it is rate limited, due before Retry-After (1 s) but after the longest
    // backoff the node would use without it (0.5 s): it must go off before the retry is sent. Timers go off in the
    // order they are due, so this holds on a busy machine too.
    const lookupsAtMarker = new Promise<number>((resolve) => {
      helper.getNode('lookup').on('call:status', (call: never) => {
        const text = (call as { args: StatusRecord[] }).args[0]?.text ?? '';
        if (text.startsWith('rate limited')) setTimeout(() => resolve(lookups()), 750);
      });
    });
    const done = nextMessage('out');
    send('lookup', { payload: 1 });
    const msg = await done;

    assert.equal((msg.payload as { users: unknown[] }).users.length, 1);
    assert.equal(await lookupsAtMarker, 1, 'no retry before Retry-After is over');
    const calls = sim().requests.filter((r) => r.path === '/pod/v3/users');
    assert.deepEqual(calls.map((r) => r.status), [429, 200]);
    assert.deepEqual(shown.slice(-2), [{ fill: 'yellow', shape: 'ring', text: 'rate limited, retry in 1 s' }, { fill: 'green', shape: 'dot', text: '1 user found' }], JSON.stringify(shown));
  });

  it('retries a send refused with 503, but not one that may have been applied (502)', async function () {
    await loadFlow([configNode(sim(), { maxRetries: 2 }), sendNode(), { id: 'out', type: 'helper' }]);
    const path = `/agent/v4/stream/${DESK_ROOM_ID}/message/create`;
    sim().injectFault({ method: 'POST', path, status: 503, times: 1 });
    const ok = nextMessage('out');
    send('send', { payload: 'after 503' });
    await ok;
    assert.equal(sim().count('POST', path), 2);

    sim().clearRequests();
    sim().injectFault({ method: 'POST', path, status: 502, times: 1 });
    const caught = nextMessage('caught');
    send('send', { payload: 'after 502' });
    const msg = await caught;
    assert.equal(msg.error!.cause!.status, 502);
    assert.equal(sim().count('POST', path), 1, 'not repeated: the message may have been posted');
  });

  it('repeats a send after 502 when the config allows duplicates', async function () {
    await loadFlow([configNode(sim(), { retryUnsafe: true }), sendNode(), { id: 'out', type: 'helper' }]);
    const path = `/agent/v4/stream/${DESK_ROOM_ID}/message/create`;
    sim().injectFault({ method: 'POST', path, status: 502, times: 1 });
    const ok = nextMessage('out');
    send('send', { payload: 'repeat me' });
    await ok;
    assert.deepEqual(sim().requests.filter((r) => r.path === path).map((r) => r.status), [502, 200]);
  });

  describe('on behalf of users (OBO)', function () {
    it('keeps one app session and one session per user', async function () {
      await loadFlow([
        configNode(sim()),
        lookupNode({ actAs: 'userId', oboUser: '', oboUserType: 'str' }),
        { id: 'out', type: 'helper' },
      ]);
      const all = messages('out', 5);
      for (const user of [USERS.alice.id, USERS.alice.id, String(USERS.bob.id), USERS.bob.id, USERS.alice.id]) {
        send('lookup', { payload: 1, oboUser: user });
      }
      await all;
      assert.equal(sim().count('POST', '/login/pubkey/app/authenticate'), 1);
      assert.equal(sim().count('POST', `/login/pubkey/app/user/${USERS.alice.id}/authenticate`), 1);
      assert.equal(sim().count('POST', `/login/pubkey/app/user/${USERS.bob.id}/authenticate`), 1);
      assert.equal(sim().count('POST', '/login/pubkey/authenticate'), 0);
    });

    it('logs the app and the user in again when their sessions have expired', async function () {
      await loadFlow([configNode(sim()), lookupNode({ actAs: 'username', oboUser: 'carol', oboUserType: 'str' }), { id: 'out', type: 'helper' }]);
      const first = nextMessage('out');
      send('lookup', { payload: 1 });
      await first;
      sim().expireAllTokens();
      const second = nextMessage('out');
      send('lookup', { payload: 2 });
      await second;
      assert.equal(sim().count('POST', '/login/pubkey/app/authenticate'), 2);
      assert.equal(sim().count('POST', '/login/pubkey/app/username/carol/authenticate'), 3, 'first login, refused with the old app session, then accepted');
    });

    it('brings the pod\'s 403 to Catch, naming the permission the app lacks', async function () {
      await loadFlow([
        configNode(sim(), { appId: LIMITED_APP_ID }),
        { id: 'im', type: 'symphony-im-create', config: CONFIG_ID, actAs: 'username', oboUser: 'alice', oboUserType: 'str', userIds: String(USERS.bob.id), userIdsType: 'str', wires: [['out']] },
        { id: 'out', type: 'helper' },
      ]);
      const shown = statuses('im');
      const caught = nextMessage('caught');
      send('im', { payload: 1 });
      const msg = await caught;
      assert.equal(msg.error!.cause!.status, 403);
      assert.equal(msg.error!.code, 'HTTP_403');
      assert.match(msg.error!.message, /SEND_MESSAGES/);
      assert.deepEqual(shown.at(-1), { fill: 'red', shape: 'ring', text: 'failed: HTTP 403' });
    });

    it('reports a user the app cannot act for', async function () {
      await loadFlow([configNode(sim()), lookupNode({ actAs: 'username', oboUser: 'nobody', oboUserType: 'str' })]);
      const caught = nextMessage('caught');
      send('lookup', { payload: 1 });
      const msg = await caught;
      assert.match(msg.error!.message, /OBO session for username nobody/);
      assert.ok([400, 404].includes(msg.error!.cause!.status as number));
    });
  });

  it('shows "authenticating" while the login runs, then the outcome', async function () {
    await loadFlow([configNode(sim()), lookupNode(), { id: 'out', type: 'helper' }]);
    const shown = statuses('lookup');
    const out = collect('out');
    sim().injectFault({ method: 'POST', path: '/login/pubkey/authenticate', delayMs: 200, times: 1 });
    const done = nextMessage('out');
    send('lookup', { payload: 1 });
    await done;
    assert.equal(out.length, 1);
    assert.deepEqual(shown.map((s) => s.text), ['authenticating', '1 user found']);
  });
});
