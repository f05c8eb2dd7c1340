import assert from 'node:assert/strict';
import { CONFIG_ID, configNode, loadFlow, nextMessage, send, useSimulator } from '../helpers/flow';
import { BOT, DESK_ROOM_ID } from '../helpers/simulator';

describe('parse message node', function () {
  const sim = useSimulator();

  it('turns a message sent with a mention, a hashtag and a cashtag into text and lists', async function () {
    await loadFlow([
      configNode(sim()),
      { id: 'send', type: 'symphony-message-send', config: CONFIG_ID, streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg', format: 'messageml', wires: [['parse']] },
      { id: 'parse', type: 'symphony-message-parse', message: 'payload.message', messageType: 'msg', data: 'payload.data', dataType: 'msg', wires: [['out']] },
      { id: 'out', type: 'helper' },
    ]);
    const done = nextMessage('out');
    send('send', { payload: `<messageML>Hi <mention uid="${BOT.id}"/>, book <cash tag="EURUSD"/> for <hash tag="fx"/> &amp; more</messageML>`, topic: 'kept' });
    const msg = await done;
    assert.equal(msg.topic, 'kept');
    assert.deepEqual(msg.mentions, [{ id: BOT.id, name: BOT.displayName }]);
    assert.deepEqual(msg.hashtags, ['fx']);
    assert.deepEqual(msg.cashtags, ['EURUSD']);
    assert.match(String(msg.text), /^Hi @?Demo Bot, book \$?EURUSD for #?fx & more$/);
  });

  it('sends a msg without a message text to Catch, naming the field', async function () {
    await loadFlow([{ id: 'parse', type: 'symphony-message-parse', message: 'payload.message', messageType: 'msg', data: 'payload.data', dataType: 'msg' }]);
    const caught = nextMessage('caught');
    send('parse', { payload: { nothing: true }, topic: 'kept' });
    const msg = await caught;
    assert.equal(msg.error!.cause!.field, 'message');
    assert.equal(msg.topic, 'kept');
  });
});
