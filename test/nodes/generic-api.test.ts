/**
 * The generic Symphony API node beyond GET/POST/PUT/DELETE with JSON: PATCH, multipart bodies and the certificate
 * authenticators, and the sign-in calls it refuses. What reaches the wire is read from a stub agent that records
 * each request as it came, not from the package.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import busboy from 'busboy';
import { CONFIG_ID, configNode, helper, loadFlow, nextMessage, send, useSimulator, type Msg } from '../helpers/flow';
import { listenOnLoopback, readAll, type LoopbackServer } from '../helpers/loopback-server';
import { expectCaught, runNode } from '../helpers/signals-flow';

interface Received {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface Part {
  name: string;
  filename?: string;
  mimeType?: string;
  value: string;
}

/** The parts of a multipart/form-data body, as a server reads them. */
function partsOf(request: Received): Promise<Part[]> {
  return new Promise((resolve, reject) => {
    const parts: Part[] = [];
    const parser = busboy({ headers: request.headers });
    parser.on('field', (name, value) => parts.push({ name, value }));
    parser.on('file', (name, stream, info) => {
      void readAll(stream).then((content) => parts.push({ name, filename: info.filename, mimeType: info.mimeType, value: content.toString('utf8') }));
    });
    parser.on('close', () => resolve(parts));
    parser.on('error', reject);
    parser.end(request.body);
  });
}

describe('symphony-api: PATCH, multipart and the authenticators', function () {
  const sim = useSimulator();
  let agent: LoopbackServer;
  const received: Received[] = [];

  before(async function () {
    agent = await listenOnLoopback(http.createServer((req, res) => {
      void readAll(req).then((body) => {
        received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    }));
  });
  after(async function () {
    await agent?.close();
  });
  beforeEach(function () {
    received.length = 0;
  });

  async function call(msg: Record<string, unknown>, props: Record<string, unknown> = {}): Promise<{ at: 'out' | 'caught'; msg: Msg }> {
    await helper.unload();
    await loadFlow([
      configNode(sim(), { agentUrl: agent.url }),
      { id: 'api', type: 'symphony-api', config: CONFIG_ID, method: 'method', methodType: 'msg', path: 'path', pathType: 'msg', body: 'payload', bodyType: 'msg', ...props, wires: [['out']] },
      { id: 'out', type: 'helper' },
    ]);
    const out = nextMessage('out').then((m) => ({ at: 'out' as const, msg: m }), () => undefined);
    const caught = nextMessage('caught').then((m) => ({ at: 'caught' as const, msg: m }), () => undefined);
    send('api', msg);
    const ended = await Promise.race([out, caught]);
    assert.ok(ended, 'the msg ended');
    return ended;
  }

  it('sends PATCH with its JSON body, and does not repeat it after a failure', async function () {
    const ended = await call({ method: 'PATCH', path: '/agent/v1/things/7', payload: { installed: true } });
    assert.equal(ended.at, 'out');
    assert.deepEqual(ended.msg.payload, { ok: true });
    assert.equal(received.length, 1);
    assert.equal(received[0]!.method, 'PATCH');
    assert.equal(received[0]!.path, '/agent/v1/things/7');
    assert.equal(received[0]!.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(received[0]!.body.toString('utf8')), { installed: true });
  });

  it('sends a multipart body: text values as fields, Buffers and { name, content } as files', async function () {
    const ended = await call({
      method: 'POST', path: '/agent/v1/dlp/dictionaries/d1/data/upload',
      payload: { note: 'weekly', count: 3, data: { name: 'words.txt', content: Buffer.from('alpha\nbeta') }, more: [Buffer.from('x')] },
    }, { bodyFormat: 'multipart', bodyFormatType: 'str' });
    assert.equal(ended.at, 'out', String(ended.msg.error?.message));
    const request = received[0]!;
    assert.match(String(request.headers['content-type']), /^multipart\/form-data; boundary=/);
    const parts = await partsOf(request);
    const byName = (name: string): Part | undefined => parts.find((p) => p.name === name);
    assert.equal(byName('note')?.value, 'weekly');
    assert.equal(byName('count')?.value, '3');
    assert.deepEqual({ filename: byName('data')?.filename, mimeType: byName('data')?.mimeType, value: byName('data')?.value }, { filename: 'words.txt', mimeType: 'text/plain', value: 'alpha\nbeta' });
    assert.equal(byName('more')?.value, 'x');
  });

  it('refuses a multipart body that is not an object of parts, or a part that is neither text nor a file, naming the body', async function () {
    // A part or file name with a control character: HTTP (and so a pod) refuses it in the part's header.
    const badNames = [{ 'tab\there': 'x' }, { data: { name: 'bell\u0007.txt', content: 'x' } }];
    for (const payload of ['text', [1, 2], { nested: { deep: true } }, { data: { path: '/etc/hosts' } }, ...badNames]) {
      const ended = await call({ method: 'POST', path: '/agent/v1/upload', payload }, { bodyFormat: 'multipart', bodyFormatType: 'str' });
      assert.equal(ended.at, 'caught', JSON.stringify(payload));
      assert.equal(ended.msg.error?.cause?.field, 'body');
    }
    assert.equal(received.length, 0, 'nothing was sent');
  });

  it('refuses the package\'s own sign-in calls: their answers hold tokens, and a logout would end the shared session', async function () {
    for (const path of ['/login/pubkey/authenticate', '/login/pubkey/app/username/alice/authenticate', '/login/idm/tokens', '/sessionauth/v1/authenticate', '/keyauth/v1/logout', '/login/v1/pubkey/app/authenticate/extensionApp']) {
      const outcome = await expectCaught(runNode(sim(), 'symphony-api', {}, { method: 'POST', path }));
      assert.equal(outcome.error?.cause?.field, 'path', path);
      assert.match(String(outcome.error?.message), /own sign-in calls/, path);
    }
  });

  it('reaches the pod\'s certificate authenticator with the bot\'s certificate (the pod certificate)', async function () {
    const cert = sim().issueClientCertificate('demo-bot');
    await loadFlow([
      configNode(sim(), { authType: 'certificate', sessionAuthUrl: sim().mtlsUrl, keyAuthUrl: sim().mtlsUrl, caCertificates: sim().caCertificate, appId: '' }),
      { id: 'api', type: 'symphony-api', config: CONFIG_ID, method: 'GET', methodType: 'str', path: '/sessionauth/v1/app/pod/certificate', pathType: 'str', wires: [['out']] },
      { id: 'out', type: 'helper' },
    ], { [CONFIG_ID]: { clientCertificate: cert.certificate, clientKey: cert.key } });
    const out = nextMessage('out');
    send('api', {});
    const msg = await out;
    assert.match(String((msg.payload as { certificate?: string }).certificate), /^-----BEGIN CERTIFICATE-----/);
  });

  it('a PATCH is refused by a server that does not offer it, reaching Catch with the status', async function () {
    const caught = await expectCaught(runNode(sim(), 'symphony-api', {}, { method: 'PATCH', path: '/pod/v2/sessioninfo', payload: {} }));
    assert.match(String(caught.error?.code), /^HTTP_4\d\d$/);
  });
});
