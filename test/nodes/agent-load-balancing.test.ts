/**
 * Agent load balancing: one config node with several agent URLs, each a loopback proxy in front of the one
 * simulator (so every agent shares the pod's state). Calls spread or stick as the mode says, fail over from a
 * refused or 503 agent, end in one error naming every agent when all fail, never repeat a send that may have been
 * applied unless Retry sends is on, and an events node keeps its agent until that agent fails.
 */
import assert from 'node:assert/strict';
import { CONFIG_ID, collect, configNode, helper, loadFlow, send, useSimulator, type FlowNode, type Msg } from '../helpers/flow';
import { DESK_ROOM_ID } from '../helpers/simulator';
import { hostPort, refusingUrl, startTestAgents, type TestAgent } from '../helpers/agent-proxies';
import { FAST, closingMessage, eventsNode, reading, uniqueTag, until } from '../helpers/events-flow';

const INFO: FlowNode = { id: 'info', type: 'symphony-agent-info', config: CONFIG_ID, wires: [['out']] };
const SEND: FlowNode = {
  id: 'send', type: 'symphony-message-send', config: CONFIG_ID, streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg', wires: [['out']],
};
const HELPERS: FlowNode[] = [{ id: 'out', type: 'helper' }];

describe('config node: several agents (load balancing and failover)', function () {
  this.timeout(30_000);
  const sim = useSimulator({ datafeedHoldMs: 1_000 });
  let agents: TestAgent[] = [];
  // A read cut when its agent stops may take an event on its way out: it comes again after the visibility timeout.
  before(() => sim().setVisibilityTimeoutMs(1_000));

  afterEach(async () => {
    await Promise.all(agents.map((a) => a.stop()));
    agents = [];
  });

  /** A config node whose agents are these URLs, first as the agent URL, the rest one a line. */
  function withAgents(urls: string[], props: Record<string, unknown> = {}): FlowNode {
    return configNode(sim(), { agentUrl: urls[0], agentUrls: urls.slice(1).join('\n'), ...props });
  }

  /** What the config node logged as warnings, from now on. */
  function configWarnings(): string[] {
    const seen: string[] = [];
    helper.getNode(CONFIG_ID).on('call:warn', (call: { args: unknown[] }) => seen.push(String(call.args[0])));
    return seen;
  }

  /** Every msg out or caught since the flow loaded, in order (set by load). */
  let ended: Msg[] = [];

  async function load(nodes: FlowNode[]): Promise<void> {
    await loadFlow(nodes);
    ended = [];
    for (const id of ['out', 'caught']) helper.getNode(id).on('input', (msg: never) => ended.push(msg as Msg));
  }

  /** Sends `count` msgs to a node one after another; resolves with each msg out or caught, in order. */
  async function run(node: string, count: number, payload: unknown = 'hello'): Promise<Msg[]> {
    const results: Msg[] = [];
    for (let i = 0; i < count; i++) {
      const seen = ended.length;
      send(node, { payload, i });
      await until(`msg ${i} sent to ${node} to end`, () => ended.length > seen, 15_000);
      results.push(ended[seen] as Msg);
    }
    return results;
  }

  const infoCalls = (agent: TestAgent): number => agent.count('/agent/v1/info');
  const sendCalls = (agent: TestAgent): number => agent.count(`/agent/v4/stream/${DESK_ROOM_ID}/message/create`);
  const created = (): number => sim().requests.filter((r) => r.method === 'POST' && r.path.endsWith('/message/create')).length;

  it('round robin: calls are spread evenly over the agents', async () => {
    agents = await startTestAgents(sim().url, 3);
    await load([withAgents(agents.map((a) => a.url), { agentBalancing: 'round-robin' }), INFO, ...HELPERS]);
    const results = await run('info', 9);
    assert.ok(results.every((m) => m.error === undefined), 'every call answered');
    assert.deepEqual(agents.map(infoCalls), [3, 3, 3]);
  });

  it('sticky (the default): one agent until it refuses connections, then the next one, kept; the log says so', async () => {
    agents = await startTestAgents(sim().url, 3);
    await load([withAgents(agents.map((a) => a.url)), INFO, ...HELPERS]);
    const warnings = configWarnings();
    await run('info', 4);
    assert.deepEqual(agents.map(infoCalls), [4, 0, 0]);
    await agents[0]!.stop();
    const results = await run('info', 4);
    assert.ok(results.every((m) => m.error === undefined), 'every call answered after the failover');
    assert.deepEqual(agents.slice(1).map(infoCalls), [4, 0], 'the second agent took over and was kept');
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0]!, new RegExp(`agent ${hostPort(agents[0]!.url)} failed \\(ECONNREFUSED\\).*moved to agent ${hostPort(agents[1]!.url)}`));
  });

  it('a refused agent and a 503 agent are skipped: the msg succeeds on the third, a send included', async () => {
    agents = await startTestAgents(sim().url, 2);
    agents[0]!.behaviour = '503';
    const refused = await refusingUrl();
    await load([withAgents([refused, agents[0]!.url, agents[1]!.url]), SEND, ...HELPERS]);
    const before = created();
    const [result] = await run('send', 1, 'through the third agent');
    assert.equal(result!.error, undefined, JSON.stringify(result!.error));
    assert.equal(typeof (result!.payload as { messageId?: unknown }).messageId, 'string', 'the sent message comes out');
    assert.equal(agents[0]!.count('/agent/'), 1, 'the 503 agent was asked once, not retried');
    assert.equal(sendCalls(agents[1]!), 1);
    assert.equal(created() - before, 1, 'the message was posted once');
  });

  it('every agent down: one error at Catch naming each agent and its failure', async () => {
    agents = await startTestAgents(sim().url, 1);
    agents[0]!.behaviour = '503';
    const refused = [await refusingUrl(), await refusingUrl()];
    await load([withAgents([refused[0]!, agents[0]!.url, refused[1]!], { maxRetries: 0 }), INFO, ...HELPERS]);
    const [result] = await run('info', 1);
    const message = String(result!.error?.message);
    assert.match(message, /every agent failed/);
    assert.ok(message.includes(`${hostPort(refused[0]!)} (ECONNREFUSED)`), message);
    assert.ok(message.includes(`${hostPort(agents[0]!.url)} (HTTP 503)`), message);
    assert.ok(message.includes(`${hostPort(refused[1]!)} (ECONNREFUSED)`), message);
    assert.equal(result!.i, 0, 'the original msg reaches Catch');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(ended.length, 1, 'one error, nothing else');
  });

  it('a send reset after the agent took it is not repeated on another agent; a read is', async () => {
    agents = await startTestAgents(sim().url, 2);
    agents[0]!.behaviour = 'reset-after';
    await load([withAgents(agents.map((a) => a.url)), SEND, INFO, ...HELPERS]);
    const before = created();
    const [sent] = await run('send', 1, 'maybe applied');
    assert.equal(sent!.error?.code, 'NETWORK', JSON.stringify(sent!.error));
    assert.equal(created() - before, 1, 'the first agent posted it');
    assert.equal(sendCalls(agents[1]!), 0, 'not repeated on the second agent');
    const [read] = await run('info', 1);
    assert.equal(read!.error, undefined, 'a read moves on');
    assert.equal(infoCalls(agents[1]!), 1);
  });

  it('with Retry sends, a send reset after the agent took it goes to the next agent (it may then be posted twice)', async () => {
    agents = await startTestAgents(sim().url, 2);
    agents[0]!.behaviour = 'reset-after';
    await load([withAgents(agents.map((a) => a.url), { retryUnsafe: true }), SEND, ...HELPERS]);
    const before = created();
    const [sent] = await run('send', 1, 'sent again');
    assert.equal(sent!.error, undefined, JSON.stringify(sent!.error));
    assert.equal(sendCalls(agents[1]!), 1);
    assert.equal(created() - before, 2, 'posted by both agents: the duplicate Retry sends accepts');
  });

  it('an events node keeps its agent while calls spread round robin, and moves on when that agent fails', async () => {
    agents = await startTestAgents(sim().url, 3);
    const events = eventsNode();
    const tag = String(events.tag);
    await load([withAgents(agents.map((a) => a.url), { agentBalancing: 'round-robin' }), events, { id: 'events', type: 'helper' }, INFO, ...HELPERS]);
    const warnings = configWarnings();
    const received = collect('events');
    await reading(sim(), tag);
    await run('info', 3);
    assert.deepEqual(agents.map(infoCalls), [1, 1, 1], 'other calls spread');
    await closingMessage(sim(), tag, received, 'on the first agent');
    const feed = (agent: TestAgent): number => agent.count('/agent/v5/datafeeds');
    assert.ok(feed(agents[0]!) >= 2, 'the feed is read from the first agent');
    assert.deepEqual([feed(agents[1]!), feed(agents[2]!)], [0, 0], 'and from no other');

    agents[0]!.behaviour = '503';
    await until('a read on the second agent', () => feed(agents[1]!) > 0, 10_000);
    const failedAt = feed(agents[0]!);
    await closingMessage(sim(), tag, received, 'on the second agent');
    assert.equal(feed(agents[0]!), failedAt, 'the failed agent is not read again');
    assert.equal(feed(agents[2]!), 0, 'the feed stays on the second agent');
    assert.ok(warnings.some((w) => w.includes(`agent ${hostPort(agents[0]!.url)} failed (HTTP 503) on datafeed-read: moved to agent ${hostPort(agents[1]!.url)}`)), warnings.join('\n'));
    assert.equal(sim().datafeeds().filter((f) => f.tag === tag).length, 1, 'the same feed goes on');
  });

  it('a datahose node keeps its agent too, and moves on when that agent refuses connections', async () => {
    agents = await startTestAgents(sim().url, 3);
    const datahose: FlowNode = { id: 'dh', type: 'symphony-datahose', config: CONFIG_ID, eventTypes: ['MESSAGESENT'], ...FAST, tag: uniqueTag(), wires: [['events']] };
    await load([withAgents(agents.map((a) => a.url), { agentBalancing: 'round-robin' }), datahose, { id: 'events', type: 'helper' }, INFO, ...HELPERS]);
    const warnings = configWarnings();
    const received = collect('events');
    const reads = (agent: TestAgent): number => agent.count('/agent/v5/events/read');
    const say = async (text: string): Promise<void> => {
      sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: text });
      await until(`"${text}" from the datahose`, () => received.some((m) => m.text === text), 15_000);
    };
    await until('a datahose read', () => reads(agents[0]!) > 0);
    await run('info', 3);
    await say('first agent');
    assert.deepEqual([reads(agents[1]!), reads(agents[2]!)], [0, 0], 'read from the first agent only');

    await agents[0]!.stop();
    await until('a datahose read on the second agent', () => reads(agents[1]!) > 0);
    await say('second agent');
    assert.ok(reads(agents[1]!) > 0, 'read from the second agent');
    assert.equal(reads(agents[2]!), 0, 'and from no other');
    assert.ok(warnings.some((w) => w.includes(`agent ${hostPort(agents[0]!.url)} failed (`) && w.includes(`moved to agent ${hostPort(agents[1]!.url)}`)), warnings.join('\n'));
  });

  it('a malformed line of More agents: every node using the config reports it at Catch, naming the field and line', async () => {
    await load([configNode(sim(), { agentUrls: 'http://127.0.0.1:9/\nnot a url' }), INFO, ...HELPERS]);
    const [result] = await run('info', 1);
    assert.match(String(result!.error?.message), /agentUrls: line 2 is not a URL/);
  });
});
