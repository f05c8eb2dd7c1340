import assert from 'node:assert/strict';
import { CONFIG_ID, configCredentials, configNode, helper, loadFlow, messages, nextMessage, send, statuses, type FlowNode, type Msg, type StatusRecord, useSimulator } from '../helpers/flow';
import { encryptedPem, keyPair } from '../helpers/keys';
import { DESK_ROOM_ID } from '../helpers/simulator';

/** Distinctive pieces of a PEM: any 40 characters of its base64 body would betray it. */
function pemFragments(pem: string): string[] {
  const body = pem.split('\n').filter((line) => !line.startsWith('-----') && !line.includes(':')).join('');
  const fragments: string[] = [];
  for (let i = 0; i + 40 <= body.length; i += 200) fragments.push(body.slice(i, i + 40));
  return fragments;
}

describe('secrets', function () {
  const sim = useSimulator();

  it('never appear in logs, status, msg, output or errors, on success or failure', async function () {
    const passphrase = 'correct horse battery staple';
    const botPem = encryptedPem(keyPair('bot'), passphrase);
    const credentials = configCredentials({ privateKey: botPem, privateKeyPassphrase: passphrase, proxyPassword: 'unused-proxy-secret' });
    const nodes: FlowNode[] = [
      configNode(sim()),
      { id: 'bot', type: 'symphony-message-send', config: CONFIG_ID, streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg', wires: [['out']] },
      { id: 'obo', type: 'symphony-users-lookup', config: CONFIG_ID, actAs: 'username', oboUser: 'alice', oboUserType: 'str', usernames: 'bob', usernamesType: 'str', wires: [['out']] },
      { id: 'fails', type: 'symphony-im-create', config: CONFIG_ID, userIds: '424242', userIdsType: 'str', wires: [['out']] },
      { id: 'out', type: 'helper' },
    ];
    await loadFlow(nodes, credentials);
    const shown: StatusRecord[] = [...statuses('bot'), ...statuses('obo'), ...statuses('fails')];
    const outputs = messages('out', 2);
    const caught = nextMessage('caught');
    send('bot', { payload: 'hello' });
    send('obo', { payload: 1 });
    send('fails', { payload: 1 });
    const seen: Msg[] = [...(await outputs), await caught];
    const tokens = [...sim().state.sessions.keys()];
    sim().expireAllTokens();
    const again = nextMessage('out');
    send('bot', { payload: 'again, after expiry' });
    seen.push(await again);
    tokens.push(...sim().state.sessions.keys());

    const everything = JSON.stringify({ seen, shown, log: helper.log().args.map((a) => String(a[0] && JSON.stringify(a[0]))) });
    const secrets = [
      passphrase,
      'unused-proxy-secret',
      ...pemFragments(botPem),
      ...pemFragments(keyPair('bot').privatePem),
      ...pemFragments(keyPair('app').privatePem),
      ...tokens,
    ];
    assert.ok(secrets.length > 10);
    for (const secret of secrets) assert.ok(!everything.includes(secret), `a secret leaked: ${secret.slice(0, 6)}...`);
    assert.ok(seen.some((m) => m.error), 'the failure path was exercised');
  });
});
