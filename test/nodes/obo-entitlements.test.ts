import assert from 'node:assert/strict';
import { CONFIG_ID, configNode, loadFlow, nextMessage, send, useSimulator, type FlowNode } from '../helpers/flow';
import { USERS } from '../helpers/simulator';

const asUser = (username: string) => ({ actAs: 'username', oboUser: username, oboUserType: 'str' });
const im = (id: string, username: string, userId: number): FlowNode => ({
  id, type: 'symphony-im-create', config: CONFIG_ID, ...asUser(username), userIds: String(userId), userIdsType: 'str', wires: [['out']],
});

describe('entitlements hold on behalf of users', function () {
  const sim = useSimulator();

  it('refuses an IM with an external user the acting user is not connected to', async function () {
    await loadFlow([configNode(sim()), im('notConnected', 'alice', USERS.dave.id), im('connected', 'alice', USERS.erin.id), { id: 'out', type: 'helper' }]);
    const caught = nextMessage('caught');
    send('notConnected', {});
    const refusal = await caught;
    assert.equal(refusal.error!.cause!.status, 403);
    assert.match(refusal.error!.message, /dave|connect/i);

    const ok = nextMessage('out');
    send('connected', {});
    assert.equal(typeof ((await ok).payload as { id: string }).id, 'string', 'alice may talk to erin, her connection');
  });

  it('refuses an attachment from a user without the "can send files" entitlement, not the text', async function () {
    await loadFlow([
      configNode(sim()),
      im('im', 'frank', USERS.alice.id),
      { id: 'send', type: 'symphony-message-send', config: CONFIG_ID, ...asUser('frank'), streamId: '', streamIdType: 'str', message: 'payload', messageType: 'msg', attachments: 'files', attachmentsType: 'msg', wires: [['out']] },
      { id: 'out', type: 'helper' },
    ]);
    const opened = nextMessage('out');
    send('im', {});
    const streamId = ((await opened).payload as { id: string }).id;

    const caught = nextMessage('caught');
    send('send', { streamId, payload: 'the report', files: [{ name: 'report.csv', content: Buffer.from('a,b') }] });
    const refusal = await caught;
    assert.equal(refusal.error!.cause!.status, 403);

    const sent = nextMessage('out');
    send('send', { streamId, payload: 'no file this time' });
    assert.match(((await sent).payload as { message: string }).message, /no file this time/);
  });
});
