import assert from 'node:assert/strict';
import { collect, configNode, helper, loadFlow, nextMessage, CONFIG_ID } from '../helpers/flow';
import { DESK_ROOM_ID, USERS } from '../helpers/simulator';
import { FAST, statusTexts, uniqueTag, until } from '../helpers/events-flow';
import { useSimulator, type FlowNode } from '../helpers/flow';
import type { Simulator } from '../../simulator';

const IM_ID = 'dataHoseAliceBobImXXXXXXXXXXXXXXXX';

function datahoseNode(props: Record<string, unknown> = {}, id = 'dh', wires: string[][] = [['events']]): FlowNode {
  return { id, type: 'symphony-datahose', config: CONFIG_ID, eventTypes: ['MESSAGESENT'], ...FAST, tag: uniqueTag(), ...props, wires };
}

/** An IM between alice and bob, which the bot is not in. */
function aliceBobIm(sim: Simulator): void {
  if (sim.state.streams.has(IM_ID)) return;
  sim.state.streams.set(IM_ID, { id: IM_ID, type: 'IM', members: [USERS.alice.id, USERS.bob.id], createdBy: USERS.alice.id, createdAt: Date.now(), active: true });
}

/** Waits until the simulator has a datahose feed with this tag and a read waiting on it. */
async function reading(sim: Simulator, tag: string): Promise<void> {
  await until(`a datahose read on ${tag}`, () => sim.datahoseFeeds().some((f) => f.tag === tag));
  // The feed is made by the first read; a message sent now reaches it.
}

describe('symphony-datahose: the whole pod\'s events', function () {
  const sim = useSimulator({ datafeedHoldMs: 3_000 });

  it('sends messages of conversations the bot is not in, with their text, stream and initiator', async function () {
    aliceBobIm(sim());
    const node = datahoseNode();
    await loadFlow([configNode(sim()), node, { id: 'events', type: 'helper' }]);
    await reading(sim(), String(node.tag));
    const next = nextMessage('events');
    const sent = sim().injectMessage({ from: 'alice', streamId: IM_ID, message: 'between us <hash tag="deal"/>' });
    const msg = await next;
    assert.equal(msg.topic, 'MESSAGESENT');
    assert.equal(msg.streamId, IM_ID);
    assert.equal(msg.messageId, sent.messageId);
    assert.equal(msg.text, 'between us #deal');
    assert.deepEqual(msg.hashtags, ['deal']);
    assert.equal((msg.initiator as { username: string }).username, 'alice');
  });

  it('asks the agent for the selected types only, and sends on one output per type when asked', async function () {
    aliceBobIm(sim());
    const node = datahoseNode({ eventTypes: ['ROOMUPDATED', 'MESSAGESENT'], outputMode: 'perType', outputs: 2 }, 'dh', [['updates'], ['events']]);
    const botPresence = sim().state.presence.get(sim().state.userByUsername('demo-bot')!.id)?.category;
    await loadFlow([configNode(sim()), node, { id: 'events', type: 'helper' }, { id: 'updates', type: 'helper' }]);
    await reading(sim(), String(node.tag));
    const feed = sim().datahoseFeeds().find((f) => f.tag === node.tag);
    assert.deepEqual(feed?.eventTypes, ['ROOMUPDATED', 'MESSAGESENT']);
    assert.deepEqual(feed?.scopes, [], 'no scope selected: every scope');
    assert.equal(sim().state.presence.get(sim().state.userByUsername('demo-bot')!.id)?.category, botPresence, 'the bot\'s presence is left alone by default');
    const message = nextMessage('events');
    sim().injectMessage({ from: 'bob', streamId: IM_ID, message: 'typed' });
    assert.equal((await message).text, 'typed');
  });

  it('spreads the events across nodes sharing a tag: each event reaches one of them, none twice', async function () {
    const tag = uniqueTag();
    await loadFlow([
      configNode(sim()),
      datahoseNode({ tag }, 'dh1', [['a']]), datahoseNode({ tag }, 'dh2', [['b']]),
      { id: 'a', type: 'helper' }, { id: 'b', type: 'helper' },
    ]);
    await reading(sim(), tag);
    const a = collect('a');
    const b = collect('b');
    const texts = Array.from({ length: 40 }, (_, i) => `m${i}`);
    for (const text of texts) {
      sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: text });
      // Gives a waiting reader a turn now and then, so both take part.
      if (Number(text.slice(1)) % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await until('all 40 messages delivered', () => a.length + b.length >= texts.length, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const got = [...a, ...b].map((m) => String(m.text)).sort();
    assert.deepEqual(got, [...texts].sort(), 'every message once, across both nodes');
    assert.equal(sim().datahoseFeeds().filter((f) => f.tag === tag).length, 1, 'one shared feed');
  });

  it('shows the agent\'s refusal (the account has no datahose) and keeps trying', async function () {
    // A config acting with a normal user's key would be refused; here the bot becomes a normal account.
    const bot = sim().state.userByUsername('demo-bot')!;
    const before = bot.accountType;
    bot.accountType = 'NORMAL';
    try {
      await loadFlow([
        configNode(sim()), datahoseNode(), { id: 'events', type: 'helper' },
        { id: 'status-watch', type: 'status', scope: ['dh'], wires: [['status']] }, { id: 'status', type: 'helper' },
      ]);
      const seen = statusTexts();
      await until('a failed status naming 403', () => seen.some((s) => s.startsWith('red') && s.includes('403')));
      const reads = (): number => sim().requests.filter((r) => r.path === '/agent/v5/events/read').length;
      const first = reads();
      await until('another read after the backoff', () => reads() > first);
    } finally {
      bot.accountType = before;
    }
  });

  it('reads on where it stopped after a redeploy: nothing lost, nothing twice', async function () {
    // A read cut by the redeploy may have taken the next event on its way out: the agent gives an answer that is not
    // acknowledged to the next reader after its visibility timeout (short here).
    sim().setVisibilityTimeoutMs(800);
    try {
      await redeployKeepsEverything();
    } finally {
      sim().setVisibilityTimeoutMs(30_000);
    }
  });

  async function redeployKeepsEverything(): Promise<void> {
    const node = datahoseNode();
    const flow = (): FlowNode[] => [configNode(sim()), node, { id: 'events', type: 'helper' }];
    await loadFlow(flow());
    await reading(sim(), String(node.tag));
    const first = nextMessage('events');
    sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: 'before' });
    assert.equal((await first).text, 'before');
    await helper.unload();
    // Sent while no node reads: the shared feed keeps it for the next reader.
    sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: 'between' });
    await loadFlow(flow());
    const received = collect('events');
    await until('the message sent between the two nodes', () => received.some((m) => m.text === 'between'), 10_000);
    sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: 'after' });
    await until('the message sent after the redeploy', () => received.some((m) => m.text === 'after'));
    assert.deepEqual(received.map((m) => m.text), ['between', 'after']);
  }
});
