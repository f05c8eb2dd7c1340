import assert from 'node:assert/strict';
import { CONFIG_ID, configNode, loadFlow, nextMessage, send, useSimulator } from '../helpers/flow';
import { asUser, expectCaught, expectOut, runNode } from '../helpers/signals-flow';
import { BOT, DESK_ROOM_ID, USERS } from '../helpers/simulator';

interface V4MessageJson {
  messageId: string; timestamp: number; message: string; user: { userId: number }; stream: { streamId: string };
  attachments: Array<{ name: string }>; replacing?: string; replacedBy?: string; initialMessageId?: string; initialTimestamp?: number; silent?: boolean;
}

const FROM_PAYLOAD = { message: 'payload', messageType: 'msg' };

describe('message nodes: update message', function () {
  const sim = useSimulator();

  /** Sends a message with the send node, as a flow would before updating it. */
  async function sent(actAs: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<V4MessageJson> {
    const msg = await expectOut(runNode(sim(), 'symphony-message-send', { ...FROM_PAYLOAD, ...actAs }, { streamId: DESK_ROOM_ID, payload: 'Price: 1.0805', ...extra }));
    return msg.payload as V4MessageJson;
  }

  it('send then update in one flow: the new version replaces the sent one, lineage in place', async function () {
    await loadFlow([
      configNode(sim()),
      { id: 'send', type: 'symphony-message-send', config: CONFIG_ID, ...FROM_PAYLOAD, streamId: DESK_ROOM_ID, streamIdType: 'str', outputProperty: 'sent', wires: [['update']] },
      {
        id: 'update', type: 'symphony-message-update', config: CONFIG_ID, streamId: 'sent.stream.streamId', streamIdType: 'msg',
        messageId: 'sent.messageId', messageIdType: 'msg', message: 'Price: <b>1.0850</b> (corrected)', messageType: 'str', format: 'auto', wires: [['out']],
      },
      { id: 'out', type: 'helper' },
    ]);
    const done = nextMessage('out');
    send('send', { payload: 'Price: 1.0805' });
    const msg = await done;
    const original = msg.sent as V4MessageJson;
    const updated = msg.payload as V4MessageJson;

    assert.notEqual(updated.messageId, original.messageId, 'the new version has its own id');
    assert.equal(updated.replacing, original.messageId);
    assert.equal(updated.initialMessageId, original.messageId);
    assert.equal(updated.initialTimestamp, original.timestamp);
    assert.equal(updated.silent, true);
    assert.equal(updated.user.userId, BOT.id);
    assert.match(updated.message, /Price: &lt;b&gt;1\.0850&lt;\/b&gt; \(corrected\)/, 'auto format: plain text is escaped');
    const stored = sim().state.messages.get(DESK_ROOM_ID)!;
    assert.equal(stored.find((m) => m.messageId === original.messageId)?.replacedBy, updated.messageId, 'the old version points to the new one');
    assert.equal(stored.at(-1)?.messageId, updated.messageId);
  });

  it('a second update keeps the first message as initial, and the replaced version cannot be updated again', async function () {
    const first = await sent();
    const second = (await expectOut(runNode(sim(), 'symphony-message-update', FROM_PAYLOAD, { streamId: DESK_ROOM_ID, messageId: first.messageId, payload: 'v2' }))).payload as V4MessageJson;
    const third = (await expectOut(runNode(sim(), 'symphony-message-update', { ...FROM_PAYLOAD, silent: 'false', silentType: 'bool' }, { streamId: DESK_ROOM_ID, messageId: second.messageId, payload: 'v3' }))).payload as V4MessageJson;
    assert.equal(third.replacing, second.messageId);
    assert.equal(third.initialMessageId, first.messageId);
    assert.equal(third.initialTimestamp, first.timestamp);
    assert.equal(third.silent, false);

    const stale = await expectCaught(runNode(sim(), 'symphony-message-update', FROM_PAYLOAD, { streamId: DESK_ROOM_ID, messageId: first.messageId, payload: 'v2 again' }));
    assert.equal(stale.error!.cause!.status, 400);
    assert.equal(stale.error!.cause!.symphonyMessage, `Message ${first.messageId} was replaced by ${second.messageId}: update the latest version`);
  });

  it('updates on behalf of the user who sent it; anyone else gets 403', async function () {
    const alices = await sent(asUser('alice'));
    const refused = await expectCaught(runNode(sim(), 'symphony-message-update', { ...FROM_PAYLOAD, ...asUser('bob') }, { streamId: DESK_ROOM_ID, messageId: alices.messageId, payload: 'hijack' }));
    assert.equal(refused.error!.cause!.status, 403);
    assert.equal(refused.error!.cause!.symphonyMessage, `Only the sender of message ${alices.messageId} may update it`);

    const updated = await expectOut(runNode(sim(), 'symphony-message-update', { ...FROM_PAYLOAD, ...asUser('alice') }, { streamId: DESK_ROOM_ID, messageId: alices.messageId, payload: 'fixed' }));
    assert.equal((updated.payload as V4MessageJson).user.userId, USERS.alice.id);
    assert.equal((updated.payload as V4MessageJson).replacing, alices.messageId);
  });

  it('keeps the attachments when the update sends none', async function () {
    const withFile = await sent({}, { attachments: { name: 'px.csv', content: 'a,b' } });
    const updated = await expectOut(runNode(sim(), 'symphony-message-update', { ...FROM_PAYLOAD, attachments: 'attachments', attachmentsType: 'msg' }, { streamId: DESK_ROOM_ID, messageId: withFile.messageId, payload: 'same file' }));
    assert.deepEqual((updated.payload as V4MessageJson).attachments.map((a) => a.name), ['px.csv']);
  });

  it('an unknown message is a 400 with Symphony\'s message', async function () {
    const caught = await expectCaught(runNode(sim(), 'symphony-message-update', FROM_PAYLOAD, { streamId: DESK_ROOM_ID, messageId: 'noSuchMessage', payload: 'x' }));
    assert.equal(caught.error!.cause!.status, 400);
    assert.equal(caught.error!.cause!.symphonyMessage, `Message noSuchMessage not found in stream ${DESK_ROOM_ID}`);
  });

  it('a missing message id or content is named before any request', async function () {
    const noId = await expectCaught(runNode(sim(), 'symphony-message-update', FROM_PAYLOAD, { streamId: DESK_ROOM_ID, payload: 'x' }));
    assert.equal(noId.error!.cause!.field, 'messageId');
    const noContent = await expectCaught(runNode(sim(), 'symphony-message-update', FROM_PAYLOAD, { streamId: DESK_ROOM_ID, messageId: 'abc' }));
    assert.equal(noContent.error!.cause!.field, 'message');
    assert.equal(sim().count('POST', '/agent/v4/stream/*'), 0);
  });
});
