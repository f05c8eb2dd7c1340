import assert from 'node:assert/strict';
import { CONFIG_ID, configNode, delay, helper, loadFlow, send, useSimulator } from '../helpers/flow';
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
});
