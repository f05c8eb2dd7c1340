import assert from 'node:assert/strict';
import { CONFIG_ID, configNode, delay, helper, loadFlow, nextMessage, send, useSimulator } from '../helpers/flow';
import { until } from '../helpers/wait';

const LOGIN = '/login/pubkey/authenticate';

describe('stopping a flow while a login is under way', function () {
  const sim = useSimulator();
  const lookup = { id: 'lookup', type: 'symphony-users-lookup', config: CONFIG_ID, usernames: 'bob', usernamesType: 'str', wires: [[]] };
  // Longer than every retry pause of the login below: a retry after the stop would have been made by then.
  const AFTER_RETRIES_MS = 2_500;

  it('aborts a login that hangs and never sends it again', async function () {
    await loadFlow([configNode(sim()), lookup]);
    sim().injectFault({ method: 'POST', path: LOGIN, delayMs: 1_000, times: 20 });
    send('lookup', {});
    await until('the login to reach the simulator', () => sim().count('POST', LOGIN) === 1);
    await helper.unload();
    await delay(AFTER_RETRIES_MS);
    assert.equal(sim().count('POST', LOGIN), 1);
    assert.equal(sim().requests.find((r) => r.path === LOGIN)?.status, 0, 'the hanging login got no answer: its connection was closed');
  });

  it('does not repeat a refused login after the stop, even when the server asked to retry', async function () {
    await loadFlow([configNode(sim()), lookup]);
    sim().injectFault({ method: 'POST', path: LOGIN, status: 503, headers: { 'retry-after': '1' }, times: 20 });
    send('lookup', {});
    await until('the first login to be refused', () => sim().requests.some((r) => r.path === LOGIN && r.status === 503));
    await helper.unload();
    await delay(AFTER_RETRIES_MS);
    assert.equal(sim().count('POST', LOGIN), 1);
  });

  it('stops a node alone at once while the shared login goes on, its msg ended at Catch before the stop completes', async function () {
    await loadFlow([configNode(sim()), lookup]);
    // node.error(err, msg) is how a msg is handed to Catch: recorded as it happens.
    const ended: Array<{ error: { code?: string }; msg: { topic?: string } }> = [];
    const node = helper.getNode('lookup') as unknown as { error: (...args: unknown[]) => void; close(removed: boolean): Promise<void> };
    const original = node.error;
    node.error = function (this: unknown, ...args: unknown[]) {
      ended.push({ error: args[0] as { code?: string }, msg: args[1] as { topic?: string } });
      original.apply(this, args);
    };
    const caught = nextMessage('caught');
    sim().injectFault({ method: 'POST', path: LOGIN, delayMs: 60_000, times: 1 });
    send('lookup', { topic: 'waiting for the login' });
    await until('the login to reach the simulator', () => sim().count('POST', LOGIN) === 1);
    await node.close(false);
    assert.deepEqual(ended.map((e) => [e.error.code, e.msg.topic]), [['ABORTED', 'waiting for the login']], 'the msg ended before the stop completed');
    assert.equal((await caught).error?.code, 'ABORTED');
  });
});
