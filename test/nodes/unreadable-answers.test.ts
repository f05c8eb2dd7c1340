import assert from 'node:assert/strict';
import { CONFIG_ID, configNode, loadFlow, nextMessage, send, useSimulator } from '../helpers/flow';
import { DESK_ROOM_ID } from '../helpers/simulator';

const LOGIN = '/login/pubkey/authenticate';
const CREATE = `/agent/v4/stream/${DESK_ROOM_ID}/message/create`;
const HTML_PAGE = '<html><head><title>Gateway</title></head><body>Access denied by the corporate proxy</body></html>';

describe('answers that are not the JSON they should be', function () {
  const sim = useSimulator();

  const lookup = { id: 'lookup', type: 'symphony-users-lookup', config: CONFIG_ID, usernames: 'bob', usernamesType: 'str', wires: [['out']] };
  const sendMessage = { id: 'send', type: 'symphony-message-send', config: CONFIG_ID, streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg', wires: [['out']] };

  it('a 2xx HTML page from a proxy reaches Catch with its own code, the status and the first bytes of the body, after the retries a read allows', async function () {
    await loadFlow([configNode(sim(), { maxRetries: 1 }), lookup, { id: 'out', type: 'helper' }]);
    sim().injectFault({ method: 'GET', path: '/pod/v3/users', status: 200, body: HTML_PAGE, headers: { 'content-type': 'text/html' }, times: 2 });
    const caught = nextMessage('caught');
    send('lookup', { topic: 'original' });
    const msg = await caught;
    assert.equal(msg.error?.code, 'BAD_RESPONSE');
    assert.equal(msg.error?.cause?.status, 200);
    assert.match(msg.error!.message, /answered HTTP 200 with a body that is not JSON: "<html><head><title>Gateway/);
    assert.doesNotMatch(msg.error!.message, /may have been applied/);
    assert.equal(msg.topic, 'original');
    assert.equal(sim().count('GET', '/pod/v3/users'), 2, 'a read is repeated like after a network error');
  });

  it('a read whose first answer was cut short is repeated and succeeds with the parsed answer', async function () {
    await loadFlow([configNode(sim()), lookup, { id: 'out', type: 'helper' }]);
    sim().injectFault({ method: 'GET', path: '/pod/v3/users', status: 200, body: '{"users":[{"id":1', times: 1 });
    const done = nextMessage('out');
    send('lookup', {});
    const msg = await done;
    assert.equal(typeof msg.payload, 'object');
    assert.equal((msg.payload as { users: Array<{ username: string }> }).users[0]!.username, 'bob');
  });

  it('a send whose 2xx answer was cut short is not repeated, and says it may have been applied', async function () {
    await loadFlow([configNode(sim()), sendMessage, { id: 'out', type: 'helper' }]);
    sim().injectFault({ method: 'POST', path: CREATE, status: 200, body: '{"messageId":"abc', times: 1 });
    const caught = nextMessage('caught');
    send('send', { payload: 'hello' });
    const msg = await caught;
    assert.equal(msg.error?.code, 'BAD_RESPONSE');
    assert.match(msg.error!.message, /not JSON: "\{\\"messageId\\":\\"abc"\. The request may have been applied/);
    assert.equal(sim().count('POST', CREATE), 1);
  });

  it('a login answer that cannot be read is repeated like a network error, and the waiting messages go through', async function () {
    await loadFlow([configNode(sim()), lookup, { id: 'out', type: 'helper' }]);
    sim().injectFault({ method: 'POST', path: LOGIN, status: 200, body: '{"token":"eyJhbGciOiJSUzUxMiJ9.trunc', times: 1 });
    const done = nextMessage('out');
    send('lookup', {});
    const msg = await done;
    assert.equal((msg.payload as { users: unknown[] }).users.length, 1);
    assert.equal(sim().count('POST', LOGIN), 2);
  });

  it('a login answer that never becomes readable fails without quoting the token it may hold', async function () {
    await loadFlow([configNode(sim(), { maxRetries: 1 }), lookup, { id: 'out', type: 'helper' }]);
    sim().injectFault({ method: 'POST', path: LOGIN, status: 200, body: '{"token":"SECRET-TOKEN-PART', times: 2 });
    const caught = nextMessage('caught');
    send('lookup', {});
    const msg = await caught;
    assert.equal(msg.error?.code, 'BAD_RESPONSE');
    assert.doesNotMatch(JSON.stringify(msg.error), /SECRET/);
    assert.match(msg.error!.message, /characters, not shown/);
  });
});
