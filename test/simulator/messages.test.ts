import assert from 'node:assert/strict';
import { DEFAULT_SEED, type Simulator } from '../../simulator';
import { postJson, startAuthenticatedSimulator, type BotTokens } from './helpers';

const ROOM = DEFAULT_SEED.rooms[0].id;

interface V4Message {
  messageId: string;
  timestamp: number;
  message: string;
  data: string;
  user: { userId: number; displayName: string; email: string; username: string };
  stream: { streamId: string; streamType: string };
  attachments: Array<{ id: string; name: string; size: number; images: unknown[] }>;
}

function form(parts: Record<string, string>, files: Array<{ name: string; content: string }> = []): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(parts)) body.append(name, value);
  for (const file of files) body.append('attachment', new Blob([file.content], { type: 'text/plain' }), file.name);
  return body;
}

describe('simulator agent message create', () => {
  let sim: Simulator;
  let tokens: BotTokens;
  let oboToken: (username: string) => Promise<string>;

  before(async () => {
    ({ sim, tokens, oboToken } = await startAuthenticatedSimulator());
  });
  after(() => sim.close());

  const send = (streamId: string, body: FormData, headers: Record<string, string> = { ...tokens }): Promise<Response> =>
    fetch(`${sim.url}/agent/v4/stream/${streamId}/message/create`, { method: 'POST', headers, body });

  it('stores a MessageML message with data and an attachment and answers a V4Message', async () => {
    const res = await send(ROOM, form(
      { message: '<messageML>Hello <b>desk</b></messageML>', data: '{"order":{"type":"fx"}}', version: '2.0' },
      [{ name: 'note.txt', content: 'hello file' }],
    ));
    assert.equal(res.status, 200);
    const message = await res.json() as V4Message;
    assert.match(message.messageId, /^[A-Za-z0-9_-]+$/);
    assert.equal(message.message, '<div data-format="PresentationML" data-version="2.0">Hello <b>desk</b></div>');
    assert.equal(message.data, '{"order":{"type":"fx"}}');
    assert.deepEqual(message.user, {
      userId: DEFAULT_SEED.users.bot.id, firstName: 'Demo', lastName: 'Bot', displayName: 'Demo Bot',
      email: DEFAULT_SEED.users.bot.emailAddress, username: 'demo-bot',
    });
    assert.deepEqual(message.stream, { streamId: ROOM, streamType: 'ROOM', roomName: 'Simulated Trading Desk' });
    assert.equal(message.attachments.length, 1);
    assert.equal(message.attachments[0].name, 'note.txt');
    assert.equal(message.attachments[0].size, 10);
    assert.deepEqual(message.attachments[0].images, []);

    const stored = sim.state.messages.get(ROOM)?.at(-1);
    assert.equal(stored?.messageId, message.messageId);
    assert.equal(stored?.attachments[0].content.toString(), 'hello file');
    const viaControl = await (await fetch(`${sim.url}/_sim/streams/${ROOM}/messages`)).json() as V4Message[];
    assert.equal(viaControl.at(-1)?.messageId, message.messageId);
  });

  it('answers 400 with the parser reason for malformed MessageML', async () => {
    const res = await send(ROOM, form({ message: '<messageML>Hello <b>desk</messageML>' }));
    assert.equal(res.status, 400);
    const error = await res.json() as { code: number; message: string };
    assert.equal(error.code, 400);
    assert.match(error.message, /Invalid MessageML: .*closing tag/);
  });

  it('answers 400 for a wrong root element, a missing message and non-JSON data', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ message: '<div>Hello</div>' }, /root element must be messageML/],
      [{ data: '{}' }, /message is required/],
      [{ message: '<messageML>Hi</messageML>', data: '{not json' }, /data is not valid JSON/],
    ];
    for (const [parts, message] of cases) {
      const res = await send(ROOM, form(parts));
      assert.equal(res.status, 400, JSON.stringify(parts));
      assert.match((await res.json() as { message: string }).message, message);
    }
  });

  it('accepts the stream id in standard base64 form', async () => {
    const im = await (await postJson(`${sim.url}/pod/v1/im/create`, [DEFAULT_SEED.users.alice.id], { ...tokens })).json() as { id: string };
    const standard = encodeURIComponent(`${im.id.replace(/-/g, '+').replace(/_/g, '/')}==`);
    const res = await send(standard, form({ message: '<messageML>Hi Alice</messageML>' }));
    assert.equal(res.status, 200);
    assert.equal((await res.json() as V4Message).stream.streamId, im.id);
  });

  it('answers 400 for an unknown stream and 403 when the sender is not a member', async () => {
    assert.equal((await send('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', form({ message: '<messageML>x</messageML>' }))).status, 400);
    const dave = await oboToken('dave');
    const res = await send(ROOM, form({ message: '<messageML>x</messageML>' }), { sessionToken: dave });
    assert.equal(res.status, 403);
    assert.match((await res.json() as { message: string }).message, /not a member/);
  });

  it('answers 403 for an attachment from a user without canSendFiles, but sends their text', async () => {
    const room = sim.state.streams.get(ROOM);
    room?.members.push(DEFAULT_SEED.users.frank.id);
    const frank = await oboToken('frank');
    const withFile = await send(ROOM, form({ message: '<messageML>report</messageML>' }, [{ name: 'r.txt', content: 'x' }]), { sessionToken: frank });
    assert.equal(withFile.status, 403);
    assert.match((await withFile.json() as { message: string }).message, /canSendFiles/);
    const text = await send(ROOM, form({ message: '<messageML>report</messageML>' }), { sessionToken: frank });
    assert.equal(text.status, 200);
  });

  it('answers 415 when the body is not multipart', async () => {
    const res = await postJson(`${sim.url}/agent/v4/stream/${ROOM}/message/create`, { message: 'x' }, { ...tokens });
    assert.equal(res.status, 415);
    assert.match((await res.json() as { message: string }).message, /multipart\/form-data/);
  });
});
