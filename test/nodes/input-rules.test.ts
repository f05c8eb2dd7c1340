import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CONFIG_ID, collect, configNode, helper, loadFlow, nextMessage, send, useSimulator, type FlowNode, type Msg } from '../helpers/flow';
import { until } from '../helpers/wait';
import { DESK_ROOM_ID, USERS } from '../helpers/simulator';

/** Sends one msg; resolves with where it ended: the output or Catch. */
function outcome(id: string, msg: Record<string, unknown>): Promise<{ at: 'out' | 'caught'; msg: Msg }> {
  const out = nextMessage('out').then((m) => ({ at: 'out' as const, msg: m }));
  const caught = nextMessage('caught').then((m) => ({ at: 'caught' as const, msg: m }));
  send(id, msg);
  return Promise.race([out, caught]);
}

const apiRequests = <T extends { path: string }>(records: T[]): T[] => records.filter((r) => /^\/(pod|agent)\//.test(r.path));

describe('input rules on the wire', function () {
  const sim = useSimulator();

  const signalGet: FlowNode = { id: 'node', type: 'symphony-signal-get', config: CONFIG_ID, signalId: '', signalIdType: 'str', wires: [['out']] };

  it('refuses ".", "..", blank values, control characters and lone surrogates as a path parameter, naming it, with no request', async function () {
    await loadFlow([configNode(sim()), signalGet, { id: 'out', type: 'helper' }]);
    for (const signalId of ['..', '.', '   ', 'a\u0000b', 'line\nbreak', 'x\uD800']) {
      sim().clearRequests();
      const ended = await outcome('node', { signalId, topic: 'kept' });
      assert.equal(ended.at, 'caught', JSON.stringify(signalId));
      assert.equal(ended.msg.error?.code, 'INVALID_INPUT');
      assert.equal(ended.msg.error?.cause?.field, 'signalId');
      assert.equal(ended.msg.topic, 'kept');
      assert.deepEqual(apiRequests(sim().requests), [], `nothing sent for ${JSON.stringify(signalId)}`);
    }
  });

  it('sends any other path value as exactly one segment that decodes to the value (random text)', async function () {
    this.timeout(60_000);
    await loadFlow([configNode(sim()), signalGet, { id: 'out', type: 'helper' }]);
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), async (signalId) => {
      sim().clearRequests();
      const ended = await outcome('node', { signalId });
      const sent = apiRequests(sim().requests).filter((r) => r.path.startsWith('/agent/v1/signals'));
      if (ended.at === 'caught' && ended.msg.error?.code === 'INVALID_INPUT') {
        assert.equal(ended.msg.error.cause?.field, 'signalId');
        assert.deepEqual(sent, []);
        return;
      }
      // Sent: the simulator found no such signal, or did; either way one request with the value as one segment.
      assert.equal(sent.length, 1);
      const segments = sent[0]!.path.split('/');
      assert.equal(segments.length, 6, sent[0]!.path);
      assert.equal(decodeURIComponent(segments[4]!), signalId);
      assert.equal(segments[5], 'get');
    }), { numRuns: 150 });
  });

  it('refuses an OBO username that would not stay one segment of the login path, naming oboUser, with no login', async function () {
    await loadFlow([configNode(sim()), { id: 'node', type: 'symphony-users-lookup', config: CONFIG_ID, actAs: 'username', oboUser: '', oboUserType: 'str', usernames: 'bob', usernamesType: 'str', wires: [['out']] }, { id: 'out', type: 'helper' }]);
    for (const oboUser of ['..', '.', 'al\u0001ice', 'x\uDC00']) {
      sim().clearRequests();
      const ended = await outcome('node', { oboUser });
      assert.equal(ended.at, 'caught', JSON.stringify(oboUser));
      assert.equal(ended.msg.error?.cause?.field, 'oboUser');
      assert.deepEqual(sim().requests.filter((r) => r.path.startsWith('/login/')), [], JSON.stringify(oboUser));
    }
  });

  it('quotes only the start of a long path in an error about the answer', async function () {
    await loadFlow([configNode(sim()), { id: 'node', type: 'symphony-stream-info', config: CONFIG_ID, streamId: '', streamIdType: 'str', wires: [['out']] }, { id: 'out', type: 'helper' }]);
    const ended = await outcome('node', { streamId: 'A'.repeat(6000) });
    assert.equal(ended.at, 'caught');
    assert.ok(Number(ended.msg.error?.cause?.status) >= 400);
    assert.ok(ended.msg.error!.message.length < 600, ended.msg.error!.message.slice(0, 300));
  });

  it('does not let the generic node climb out of its API with dot segments, plain or percent-encoded', async function () {
    await loadFlow([configNode(sim()), { id: 'node', type: 'symphony-api', config: CONFIG_ID, method: 'GET', methodType: 'str', path: '', pathType: 'str', wires: [['out']] }, { id: 'out', type: 'helper' }]);
    for (const path of ['/pod/./v2/sessioninfo', '/agent/%2e%2e/pod/v2/sessioninfo', '/agent/v1/%2E/info', '/pod/v1/..']) {
      sim().clearRequests();
      const ended = await outcome('node', { path });
      assert.equal(ended.at, 'caught', path);
      assert.equal(ended.msg.error?.cause?.field, 'path', path);
      assert.deepEqual(apiRequests(sim().requests), [], path);
    }
  });

  it('refuses a query value the URL cannot carry (an object, a list of objects), naming the query', async function () {
    await loadFlow([configNode(sim()), { id: 'node', type: 'symphony-api', config: CONFIG_ID, method: 'GET', methodType: 'str', path: '/pod/v2/sessioninfo', pathType: 'str', query: 'query', queryType: 'msg', wires: [['out']] }, { id: 'out', type: 'helper' }]);
    const out = collect('out');
    const caught = collect('caught');
    const refused = [{ '': { a: 1 } }, { skip: [{ n: 1 }] }, { limit: Object.create(null) as object }];
    for (const query of refused) send('node', { query });
    await until('every refused query at Catch', () => caught.length === refused.length);
    for (const msg of caught) {
      assert.equal(msg.error?.cause?.field, 'query');
      assert.match(msg.error?.message ?? '', /query value is text, a number, true or false/);
    }
    assert.deepEqual(apiRequests(sim().requests), []);
    send('node', { query: { limit: 5, tags: ['a', 'b'], local: true } });
    await until('the query of text, numbers and booleans sent', () => out.length === 1);
    assert.equal(apiRequests(sim().requests)[0]?.query, 'limit=5&tags=a,b&local=true');
  });

  it('does not send a blank query value', async function () {
    await loadFlow([configNode(sim()), { id: 'node', type: 'symphony-user-followers-list', config: CONFIG_ID, userId: String(USERS.alice.id), userIdType: 'str', after: '', afterType: 'str', wires: [['out']] }, { id: 'out', type: 'helper' }]);
    const ended = await outcome('node', { after: '   ' });
    assert.equal(ended.at, 'out', ended.msg.error?.message);
    const sent = apiRequests(sim().requests);
    assert.equal(sent.length, 1);
    assert.equal(new URLSearchParams(sent[0]!.query).has('after'), false);
  });

  it('refuses NaN and Infinity as text, and names the field of a BigInt or a lone surrogate deep inside a value', async function () {
    await loadFlow([
      configNode(sim()),
      { id: 'node', type: 'symphony-message-send', config: CONFIG_ID, streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg', wires: [['out']] },
      { id: 'api', type: 'symphony-api', config: CONFIG_ID, method: 'POST', methodType: 'str', path: '/pod/v3/room/create', pathType: 'str', body: 'payload', bodyType: 'msg', wires: [['out']] },
      { id: 'out', type: 'helper' },
    ]);
    for (const payload of [Number.NaN, Infinity, 10n, 'text with a lone \uDFFF']) {
      const ended = await outcome('node', { payload });
      assert.equal(ended.at, 'caught', String(payload));
      assert.equal(ended.msg.error?.cause?.field, 'message', String(payload));
    }
    for (const [payload, item] of [[{ name: 'r', keywords: [{ key: 'k', value: 5n }] }, 'keywords.0.value'], [{ name: 'r\uD83D' }, 'name']] as const) {
      const ended = await outcome('api', { payload });
      assert.equal(ended.at, 'caught');
      assert.equal(ended.msg.error?.cause?.field, 'body');
      assert.match(ended.msg.error?.message ?? '', new RegExp(`^body: item ${item.replace(/\./g, '\\.')} `));
    }
    assert.deepEqual(apiRequests(sim().requests).filter((r) => r.path.includes('/message/create') || r.path.includes('/room/create')), []);
  });

  it('quotes at most about 200 characters of a 1 MB bad value in the error and the log', async function () {
    await loadFlow([configNode(sim()), { id: 'node', type: 'symphony-im-create', config: CONFIG_ID, userIds: '', userIdsType: 'str', wires: [['out']] }, { id: 'out', type: 'helper' }]);
    const huge = `${'7'.repeat(20)}x${'y'.repeat(1_000_000)}`;
    const ended = await outcome('node', { userIds: [huge] });
    assert.equal(ended.at, 'caught');
    assert.equal(ended.msg.error?.cause?.field, 'userIds');
    assert.ok(ended.msg.error!.message.length < 400, `${ended.msg.error!.message.length} characters`);
    const logged = helper.log().args.map((args) => JSON.stringify(args[0] ?? '')).filter((line) => line.includes('yyyy'));
    for (const line of logged) assert.ok(line.length < 1500, `a log line of ${line.length} characters`);
  });
});

describe('a msg Node-RED cannot copy', function () {
  const sim = useSimulator();

  it('still ends once, at Catch, with what could not be copied replaced by a note, and Node-RED goes on', async function () {
    await loadFlow([configNode(sim()), { id: 'node', type: 'symphony-signal-get', config: CONFIG_ID, signalId: '', signalIdType: 'str', wires: [['out']] }, { id: 'out', type: 'helper' }]);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { deeper: deep };
    const first = await outcome('node', { signalId: '..', deep, topic: 'kept' });
    assert.equal(first.at, 'caught');
    assert.equal(first.msg.error?.code, 'INVALID_INPUT');
    assert.equal(first.msg.error?.cause?.field, 'signalId');
    assert.match(first.msg.error!.message, /^signalId: must not be "\.\."/);
    assert.equal(first.msg.topic, 'kept');
    assert.match(String(first.msg.deep), /^\[not copied: /);
    const next = await outcome('node', { signalId: '..' });
    assert.equal(next.at, 'caught');
  });
});
