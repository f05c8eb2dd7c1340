import assert from 'node:assert/strict';
import net from 'node:net';
import { CONFIG_ID, configNode, loadFlow, nextMessage, send, useSimulator } from '../helpers/flow';
import { DESK_ROOM_ID } from '../helpers/simulator';

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An answer that never comes while the test runs (the simulator cancels the delay when it closes). */
const NO_ANSWER_MS = 10 * 60_000;

describe('timeouts and unreachable services', function () {
  const sim = useSimulator();
  const createPath = `/agent/v4/stream/${DESK_ROOM_ID}/message/create`;

  it('does not post a message twice after a timeout', async function () {
    await loadFlow([
      configNode(sim(), { timeout: 1 }),
      { id: 'send', type: 'symphony-message-send', config: CONFIG_ID, streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg' },
    ]);
    sim().injectFault({ method: 'POST', path: createPath, delayMs: NO_ANSWER_MS, times: 1 });
    const caught = nextMessage('caught');
    send('send', { payload: 'only once' });
    const msg = await caught;
    assert.equal(msg.error!.code, 'TIMEOUT');
    assert.match(msg.error!.message, /no answer in time from POST http:\/\/127\.0\.0\.1:\d+\/agent\/v4\/stream\//);
    assert.equal(sim().count('POST', createPath), 1);
  });

  it('repeats a lookup that timed out, and succeeds', async function () {
    await loadFlow([
      configNode(sim(), { timeout: 1 }),
      { id: 'lookup', type: 'symphony-users-lookup', config: CONFIG_ID, usernames: 'carol', usernamesType: 'str', wires: [['out']] },
      { id: 'out', type: 'helper' },
    ]);
    sim().injectFault({ method: 'GET', path: '/pod/v3/users', delayMs: NO_ANSWER_MS, times: 1 });
    const done = nextMessage('out');
    send('lookup', { payload: 1 });
    const msg = await done;
    assert.equal((msg.payload as { users: Array<{ username: string }> }).users[0]!.username, 'carol');
    assert.equal(sim().count('GET', '/pod/v3/users'), 2);
  });

  it('retries a refused connection, then reports the service it could not reach', async function () {
    const port = await closedPort();
    await loadFlow([
      configNode(sim(), { agentUrl: `http://127.0.0.1:${port}`, maxRetries: 1 }),
      { id: 'send', type: 'symphony-message-send', config: CONFIG_ID, streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg' },
    ]);
    const caught = nextMessage('caught');
    send('send', { payload: 'nobody home' });
    const msg = await caught;
    assert.equal(msg.error!.code, 'NETWORK');
    assert.equal(msg.error!.message, `could not reach POST http://127.0.0.1:${port}${createPath}: ECONNREFUSED`);
  });
});
