/**
 * "Test connection" with several agents: every agent URL is checked with the bot's tokens, in the dialog's order;
 * the first one that fails is named by host:port, with the field that lists it, and no secret.
 */
import assert from 'node:assert/strict';
import { configNode, helper, loadFlow, useSimulator } from '../helpers/flow';
import { keyPair } from '../helpers/keys';
import { hostPort, refusingUrl, startTestAgents, type TestAgent } from '../helpers/agent-proxies';

interface AdminResponse {
  status: number;
  body: { ok?: boolean; reason?: string; field?: string; agents?: string[]; agentVersion?: string };
  text: string;
}
interface AdminRequest {
  post(path: string): { send(body: object): Promise<AdminResponse> };
}
const admin = (): AdminRequest => (helper as unknown as { request(): AdminRequest }).request();

describe('config node: Test connection checks every agent', function () {
  this.timeout(30_000);
  const sim = useSimulator();
  let agents: TestAgent[] = [];

  beforeEach(async () => {
    await loadFlow([]);
    agents = await startTestAgents(sim().url, 2);
  });
  afterEach(async () => {
    await Promise.all(agents.map((a) => a.stop()));
  });

  async function test(agentUrl: string, agentUrls: string[]): Promise<AdminResponse['body']> {
    const { id: _id, type: _type, ...config } = configNode(sim(), { agentUrl, agentUrls: agentUrls.join('\n'), maxRetries: 0 });
    const response = await admin().post('/symphony/test-connection').send({
      id: 'new', config, credentials: { privateKey: keyPair('bot').privatePem, appPrivateKey: keyPair('app').privatePem },
    });
    assert.equal(response.status, 200, response.text);
    assert.ok(!response.text.includes('PRIVATE KEY'), 'no key in the answer');
    return response.body;
  }

  it('all agents answer: each is listed, and each was asked', async () => {
    const result = await test(agents[0]!.url, [agents[1]!.url]);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.deepEqual(result.agents, agents.map((a) => hostPort(a.url)));
    assert.match(String(result.agentVersion), /\d/);
    assert.deepEqual(agents.map((a) => a.count('/agent/v1/info')), [1, 1]);
  });

  it('a refused agent in More agents: named by host:port, the field to check is agentUrls', async () => {
    const refused = await refusingUrl();
    const result = await test(agents[0]!.url, [agents[1]!.url, refused]);
    assert.equal(result.ok, false);
    assert.equal(result.field, 'agentUrls');
    assert.equal(result.reason, `agent ${hostPort(refused)}: nothing listening at ${hostPort(refused)} (ECONNREFUSED)`);
  });

  it('the first agent answering 503: named, with the agent URL as the field', async () => {
    agents[0]!.behaviour = '503';
    const result = await test(agents[0]!.url, [agents[1]!.url]);
    assert.equal(result.ok, false);
    assert.equal(result.field, 'agentUrl');
    assert.match(String(result.reason), new RegExp(`^agent ${hostPort(agents[0]!.url)}: .*HTTP 503`));
    assert.equal(agents[1]!.count('/agent/v1/info'), 0, 'the check stops at the first failure');
  });
});
