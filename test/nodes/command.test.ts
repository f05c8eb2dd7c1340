/**
 * The command node after the events node, against the simulator: alice types commands in the desk room; each
 * reaches the output of its command with msg.command, anything else the "no match" output; /help is answered in
 * the room by the bot; bad patterns are reported and never stop the node.
 */
import assert from 'node:assert/strict';
import { CONFIG_ID, collect, configNode, helper, loadFlow, nextMessage, send, useSimulator, type FlowNode } from '../helpers/flow';
import { BOT, DESK_ROOM_ID, USERS } from '../helpers/simulator';
import { closingMessage, eventsNode, reading, until } from '../helpers/events-flow';

const COMMANDS = [
  { pattern: '/price {ticker}', description: 'The price of a ticker' },
  { pattern: '/assign {user:@mention} {priority:number}', description: 'Assign to someone' },
  { pattern: '/note {text:rest}', description: '' },
];
const OUTPUTS = ['price', 'assign', 'note', 'nomatch'];

describe('symphony-command: after the events node', function () {
  const sim = useSimulator({ datafeedHoldMs: 5_000 });

  /** events -> command -> one helper per output; returns the events node's tag. */
  async function start(props: Record<string, unknown> = {}): Promise<string> {
    const events = eventsNode({}, [['cmd']]);
    const command: FlowNode = {
      id: 'cmd', type: 'symphony-command', config: CONFIG_ID, commands: COMMANDS, requireMention: false, help: true,
      outputs: 4, ...props, wires: OUTPUTS.map((id) => [id]),
    };
    await loadFlow([configNode(sim()), events, command, ...OUTPUTS.map((id) => ({ id, type: 'helper' }))]);
    await reading(sim(), String(events.tag));
    return String(events.tag);
  }

  const type = (message: string): void => {
    sim().injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message });
  };

  const botMessages = (): string[] => (sim().state.messages.get(DESK_ROOM_ID) ?? []).filter((m) => m.userId === BOT.id).map((m) => m.messageML);

  it('sends "/price ACME" on the price output with msg.command, the event left in msg.payload', async function () {
    await start();
    const next = nextMessage('price');
    type('/price ACME');
    const msg = await next;
    assert.deepEqual(msg.command, { name: 'price', pattern: '/price {ticker}', args: { ticker: 'ACME' } });
    assert.equal((msg.payload as { type: string }).type, 'MESSAGESENT');
    assert.equal(msg.streamId, DESK_ROOM_ID);
    assert.equal((msg.initiator as { username: string }).username, 'alice');
  });

  it('gives a mention argument as the user\'s id and name from the message\'s entities, a number as a number', async function () {
    await start();
    const next = nextMessage('assign');
    type(`/ASSIGN <mention uid="${USERS.bob.id}"/> 2`);
    const msg = await next;
    assert.deepEqual(msg.command, {
      name: 'assign', pattern: '/assign {user:@mention} {priority:number}',
      args: { user: { id: USERS.bob.id, name: USERS.bob.displayName }, priority: 2 },
    });
  });

  it('sends what no command matches on the last output, and nothing on the others', async function () {
    const tag = await start();
    const received = OUTPUTS.map((id) => collect(id));
    type('hello there');
    type('/price');
    type('/assign bob 2');
    type('/note   remember the   milk ');
    await closingMessage(sim(), tag, received[3] as never[]);
    assert.deepEqual(received[3]?.map((m) => [m.text, m.command]), [['hello there', undefined], ['/price', undefined], ['/assign bob 2', undefined]]);
    assert.deepEqual(received[2]?.map((m) => (m.command as { args: unknown }).args), [{ text: 'remember the milk' }]);
    assert.equal(received[0]?.length, 0);
    assert.equal(received[1]?.length, 0);
  });

  it('takes commands only after a mention of the bot when Mention first is set, asking the bot\'s id once', async function () {
    const tag = await start({ requireMention: true });
    const sessionInfo = (): number => sim().requests.filter((r) => r.path === '/pod/v2/sessioninfo').length;
    const before = sessionInfo();
    const prices = collect('price');
    const others = collect('nomatch');
    type('/price ACME');
    type(`<mention uid="${BOT.id}"/> /price ACME`);
    type(`<mention uid="${USERS.bob.id}"/> /price BOB`);
    type(`<mention uid="${BOT.id}"/> /price ZZZ`);
    await closingMessage(sim(), tag, others as never[]);
    assert.deepEqual(prices.map((m) => (m.command as { args: unknown }).args), [{ ticker: 'ACME' }, { ticker: 'ZZZ' }]);
    assert.deepEqual(others.map((m) => m.text), ['/price ACME', `@${USERS.bob.displayName} /price BOB`]);
    assert.equal(sessionInfo() - before, 1);
    // /help shows the commands as they must be typed: after the bot's mention.
    const answers = botMessages().length;
    type(`<mention uid="${BOT.id}"/> /help`);
    await until('the bot answers /help', () => botMessages().length > answers);
    assert.match(String(botMessages().at(-1)), /<li><code>@Demo Bot \/price \{ticker\}<\/code>/);
  });

  it('answers /help in the room with the commands and their descriptions, sending nothing on', async function () {
    const tag = await start();
    const received = OUTPUTS.map((id) => collect(id));
    const before = botMessages().length;
    type('/help');
    await until('the bot answers /help', () => botMessages().length > before);
    await closingMessage(sim(), tag, received[3] as never[]);
    const answer = botMessages().at(-1);
    assert.match(String(answer), /<b>Commands<\/b><ul><li><code>\/price \{ticker\}<\/code> \u2014 The price of a ticker<\/li>/);
    assert.match(String(answer), /<li><code>\/note \{text:rest\}<\/code><\/li><\/ul>/);
    assert.deepEqual(received.map((r) => r.length), [0, 0, 0, 0]);
  });

  it('leaves /help to the flow when Answer /help is off', async function () {
    await start({ help: false });
    const before = botMessages().length;
    const next = nextMessage('nomatch');
    type('/help');
    assert.equal((await next).text, '/help');
    assert.equal(botMessages().length, before);
  });

  it('warns about a pattern that cannot match, keeps its output, and routes the others', async function () {
    const commands = [{ pattern: 'price {ticker', description: '' }, ...COMMANDS.slice(1)];
    await loadFlow([
      configNode(sim()),
      { id: 'cmd', type: 'symphony-command', config: CONFIG_ID, commands, outputs: 4, wires: OUTPUTS.map((id) => [id]) },
      ...OUTPUTS.map((id) => ({ id, type: 'helper' })),
    ]);
    const node = helper.getNode('cmd') as unknown as Record<'warn' | 'status', { args: unknown[][] }>;
    assert.deepEqual(node.warn.args.map((a) => String(a[0])), ['command 1 (price {ticker) never matches: it must start with the command, e.g. /price (found price)']);
    assert.deepEqual(node.status.args.map((a) => a[0]), [{ fill: 'yellow', shape: 'ring', text: '1 invalid pattern(s)' }]);
    const next = nextMessage('note');
    send('cmd', { text: '/note hi', mentions: [] });
    assert.deepEqual((await next).command, { name: 'note', pattern: '/note {text:rest}', args: { text: 'hi' } });
    const other = nextMessage('nomatch');
    send('cmd', { text: 'price ACME', payload: 'kept' });
    assert.equal((await other).payload, 'kept');
  });

  it('sends a /help without msg.streamId to Catch, naming the field', async function () {
    await loadFlow([
      configNode(sim()),
      { id: 'cmd', type: 'symphony-command', config: CONFIG_ID, commands: COMMANDS, outputs: 4, wires: OUTPUTS.map((id) => [id]) },
      ...OUTPUTS.map((id) => ({ id, type: 'helper' })),
    ]);
    const caught = nextMessage('caught');
    send('cmd', { text: '/help', topic: 'kept' });
    const msg = await caught;
    assert.equal(msg.error?.cause?.field, 'streamId');
    assert.equal(msg.topic, 'kept');
  });
});
