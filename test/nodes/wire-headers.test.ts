import assert from 'node:assert/strict';
import type { RequestRecord } from '../../simulator/recorder';
import { CONFIG_ID, configNode, loadFlow, nextMessage, send, useSimulator } from '../helpers/flow';
import { asUser, expectOut, runNode } from '../helpers/signals-flow';
import { DESK_ROOM_ID } from '../helpers/simulator';

/**
 * Accept and Content-Type as the Symphony spec declares them for each kind of operation (JSON, multipart, a file
 * answer), as seen in the simulator's request log: a real pod or agent answers 406 to an Accept it cannot satisfy
 * and 415 to a body of another type.
 */
describe('request headers: Accept and Content-Type as each operation declares them', function () {
  const sim = useSimulator();

  function requests(method: string, path: string | RegExp): RequestRecord[] {
    const found = sim().requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
    assert.ok(found.length > 0, `no ${method} ${String(path)} was sent`);
    return found;
  }

  const headersOf = (record: RequestRecord): { accept?: string; contentType?: string } => ({
    accept: record.headers.accept,
    contentType: record.headers['content-type'],
  });

  it('a JSON body: Accept and Content-Type application/json, logins included', async function () {
    await expectOut(runNode(sim(), 'symphony-presence-set', {}, { category: 'BUSY' }));
    assert.deepEqual(headersOf(requests('POST', '/pod/v2/user/presence')[0]!), { accept: 'application/json', contentType: 'application/json' });
    for (const login of [...requests('POST', '/login/pubkey/authenticate')]) {
      assert.deepEqual(headersOf(login), { accept: 'application/json', contentType: 'application/json' });
    }
  });

  it('a POST without a body carries no Content-Type, as the bot and on behalf of a user (whose login has none either)', async function () {
    await expectOut(runNode(sim(), 'symphony-presence-feed-create', {}, {}));
    await expectOut(runNode(sim(), 'symphony-presence-feed-create', asUser('alice'), {}));
    const sent = [...requests('POST', '/pod/v1/presence/feed/create'), ...requests('POST', /^\/login\/pubkey\/app\/username\/alice\/authenticate$/)];
    assert.deepEqual(sent.map(headersOf), sent.map(() => ({ accept: 'application/json', contentType: undefined })));
  });

  it('certificate logins (mutual TLS) take no body: Accept application/json, no Content-Type', async function () {
    const cert = sim().issueClientCertificate('demo-bot');
    await loadFlow([
      configNode(sim(), { authType: 'certificate', sessionAuthUrl: sim().mtlsUrl, keyAuthUrl: sim().mtlsUrl, caCertificates: sim().caCertificate, appId: '' }),
      { id: 'node', type: 'symphony-signal-list', config: CONFIG_ID, wires: [['out']] },
      { id: 'out', type: 'helper' },
    ], { [CONFIG_ID]: { clientCertificate: cert.certificate, clientKey: cert.key } });
    const out = nextMessage('out');
    send('node', {});
    await out;
    const logins = [...requests('POST', '/sessionauth/v1/authenticate'), ...requests('POST', '/keyauth/v1/authenticate')];
    assert.deepEqual(logins.map(headersOf), logins.map(() => ({ accept: 'application/json', contentType: undefined })));
  });

  it('a message with a file: multipart/form-data with its boundary, Accept application/json', async function () {
    await expectOut(runNode(sim(), 'symphony-message-send', {}, { streamId: DESK_ROOM_ID, message: 'report', attachments: { name: 'a.txt', content: Buffer.from('a') } }));
    const { accept, contentType } = headersOf(requests('POST', /\/message\/create$/)[0]!);
    assert.equal(accept, 'application/json');
    assert.match(String(contentType), /^multipart\/form-data; boundary=\S+$/);
  });

  it('an attachment download asks for application/octet-stream and sends no Content-Type', async function () {
    const sent = await expectOut(runNode(sim(), 'symphony-message-send', {}, { streamId: DESK_ROOM_ID, message: 'file', attachments: { name: 'a.bin', content: Buffer.from([1, 2, 3]) } }));
    const message = sent.payload as { messageId: string; attachments: Array<{ id: string }> };
    const got = await expectOut(runNode(sim(), 'symphony-attachment-download', {}, { streamId: DESK_ROOM_ID, messageId: message.messageId, fileId: message.attachments[0]!.id }));
    assert.deepEqual(got.payload, Buffer.from([1, 2, 3]));
    assert.deepEqual(headersOf(requests('GET', /\/attachment$/)[0]!), { accept: 'application/octet-stream', contentType: undefined });
  });

  it('the Symphony API node accepts JSON first and anything else, and reads each answer by its Content-Type', async function () {
    const sent = await expectOut(runNode(sim(), 'symphony-message-send', {}, { streamId: DESK_ROOM_ID, message: 'file', attachments: { name: 'a.bin', content: Buffer.from('xyz') } }));
    const message = sent.payload as { messageId: string; attachments: Array<{ id: string }> };
    const file = await expectOut(runNode(sim(), 'symphony-api', {}, {
      method: 'GET', path: `/agent/v1/stream/${DESK_ROOM_ID}/attachment`, query: { messageId: message.messageId, fileId: message.attachments[0]!.id },
    }));
    // The agent's octet-stream answer (the file as base64 text) as the bytes that came.
    assert.deepEqual(file.payload, Buffer.from(Buffer.from('xyz').toString('base64')));
    const session = await expectOut(runNode(sim(), 'symphony-api', {}, { method: 'GET', path: '/pod/v2/sessioninfo' }));
    assert.equal((session.payload as { username?: string }).username, 'demo-bot');
    for (const record of [...requests('GET', /\/attachment$/), ...requests('GET', '/pod/v2/sessioninfo')]) {
      assert.deepEqual(headersOf(record), { accept: 'application/json, */*;q=0.8', contentType: undefined });
    }
  });
});
