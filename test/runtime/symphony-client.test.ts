import assert from 'node:assert/strict';
import type { Simulator } from '../../simulator';
import { parseConfig } from '../../nodes/runtime/config/config-settings';
import { openConnection, type Connection } from '../../nodes/runtime/http/connection';
import type { ApiCall } from '../../nodes/runtime/operations/request-builder';
import { keyPair } from '../helpers/keys';
import { BOT, startTestSimulator } from '../helpers/simulator';

/** The API client below every node: which tokens go where, whatever a call asks for. */
describe('API client: the key manager token', function () {
  let sim: Simulator;
  let connection: Connection;

  before(async function () {
    sim = await startTestSimulator();
    const settings = parseConfig({ podUrl: sim.url, botUsername: BOT.username, timeout: 10, maxRetries: 0 }, { privateKey: keyPair('bot').privatePem });
    connection = openConnection(settings, () => undefined);
  });
  after(async function () {
    connection?.close();
    await sim?.close();
  });

  const call = (api: 'pod' | 'agent', path: string): ApiCall => ({ operation: 'probe', api, method: 'GET', path, query: {}, idempotent: true, needsKeyManager: true });

  it('is never sent to the pod, even by a call that asks for it, and is sent to the agent', async function () {
    await connection.client.execute(call('pod', '/pod/v2/sessioninfo'), { kind: 'bot' });
    assert.equal(sim.count('POST', '/relay/pubkey/authenticate'), 0, 'a pod call does not even log in to the key manager');
    await connection.client.execute(call('agent', '/agent/v1/info'), { kind: 'bot' });
    const carrying = sim.requests.filter((r) => r.headers.keymanagertoken !== undefined).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(carrying, ['GET /agent/v1/info']);
  });
});
