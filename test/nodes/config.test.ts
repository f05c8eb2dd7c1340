import assert from 'node:assert/strict';
import type { Simulator } from '../../simulator';
import { CONFIG_ID, configCredentials, configNode, helper, loadFlow, nextMessage, send, statuses, unloadReportingErrors, type FlowNode, useSimulator } from '../helpers/flow';
import { until } from '../helpers/wait';
import { startConnectProxy } from '../helpers/connect-proxy';
import { DESK_ROOM_ID, startTestSimulator } from '../helpers/simulator';

const lookup: FlowNode = { id: 'lookup', type: 'symphony-users-lookup', config: CONFIG_ID, usernames: 'alice', usernamesType: 'str', wires: [['out']] };
const sendNode: FlowNode = {
  id: 'send', type: 'symphony-message-send', config: CONFIG_ID, streamId: DESK_ROOM_ID, streamIdType: 'str', message: 'payload', messageType: 'msg', wires: [['out']],
};
const out: FlowNode = { id: 'out', type: 'helper' };
/** An injected delay no test outlives: the simulator cancels it when it closes. */
const NO_ANSWER_MS = 10 * 60_000;

/** Every text the runtime logged, as the user would see it in the Node-RED log. */
function loggedText(): string {
  return helper.log().args.map((args) => JSON.stringify(args[0] ?? '')).join('\n');
}

describe('config node', function () {
  const sim = useSimulator();

  it('reports a bad private key at deploy: red status, a clear log line, Catch on use, no crash', async function () {
    const badPem = '-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    await loadFlow([configNode(sim()), lookup, out], configCredentials({ privateKey: badPem }));
    assert.match(loggedText(), /privateKey: could not be read: expected an RSA private key in PEM/);
    assert.ok(!loggedText().includes('MIIBVQIBADANBgkqhkiG9w0BAQEFAASC'), 'the key text is never logged');

    const caught = nextMessage('caught');
    send('lookup', { payload: 1, topic: 'kept' });
    const msg = await caught;
    assert.equal(msg.error!.code, 'INVALID_CONFIG');
    assert.equal(msg.error!.cause!.field, 'privateKey');
    assert.equal(msg.topic, 'kept');
    assert.equal(sim().requests.length, 0);
  });

  it('shows the config problem on the node\'s status', async function () {
    await loadFlow([configNode(sim(), { podUrl: 'not a url' }), lookup, out]);
    const shown = statuses('lookup');
    const caught = nextMessage('caught');
    send('lookup', { payload: 1 });
    await caught;
    assert.deepEqual(shown.at(-1), { fill: 'red', shape: 'ring', text: 'config invalid: podUrl' });
  });

  it('reports a node without a config node', async function () {
    await loadFlow([{ ...lookup, config: '' }, out]);
    const caught = nextMessage('caught');
    send('lookup', { payload: 1 });
    const msg = await caught;
    assert.equal(msg.error!.message, 'no Symphony config node is selected');
    assert.equal(msg.error!.cause!.field, 'config');
  });

  describe('certificate authentication (mutual TLS)', function () {
    const certificateConfig = (s: Simulator): FlowNode => configNode(s, {
      authType: 'certificate', sessionAuthUrl: s.mtlsUrl, keyAuthUrl: s.mtlsUrl, caCertificates: s.caCertificate, appId: '',
    });

    it('works with a PEM certificate and key', async function () {
      const cert = sim().issueClientCertificate('demo-bot');
      await loadFlow([certificateConfig(sim()), sendNode, out], { [CONFIG_ID]: { clientCertificate: cert.certificate, clientKey: cert.key } });
      const done = nextMessage('out');
      send('send', { payload: 'over mutual TLS' });
      const msg = await done;
      assert.match((msg.payload as { message: string }).message, /over mutual TLS/);
      assert.equal(sim().count('POST', '/sessionauth/v1/authenticate'), 1);
      assert.equal(sim().count('POST', '/keyauth/v1/authenticate'), 1);
    });

    it('works with a PKCS#12 file and its passphrase', async function () {
      const cert = sim().issueClientCertificate('demo-bot', 'p12-pass');
      await loadFlow([certificateConfig(sim()), lookup, out], { [CONFIG_ID]: { pkcs12: cert.pfx.toString('base64'), certificatePassphrase: 'p12-pass' } });
      const done = nextMessage('out');
      send('lookup', { payload: 1 });
      await done;
    });

    it('names the PKCS#12 field when the passphrase is wrong', async function () {
      const cert = sim().issueClientCertificate('demo-bot', 'p12-pass');
      await loadFlow([certificateConfig(sim()), lookup, out], { [CONFIG_ID]: { pkcs12: cert.pfx.toString('base64'), certificatePassphrase: 'nope' } });
      const caught = nextMessage('caught');
      send('lookup', { payload: 1 });
      const msg = await caught;
      assert.equal(msg.error!.cause!.field, 'pkcs12');
      assert.ok(!loggedText().includes('nope'));
    });
  });

  describe('TLS and proxies', function () {
    let tlsSim: Simulator;
    before(async function () {
      tlsSim = await startTestSimulator({ https: true });
    });
    after(async function () {
      await tlsSim.close();
    });

    it('verifies the pod certificate: an unknown CA is refused', async function () {
      await loadFlow([configNode(tlsSim), lookup, out]);
      const caught = nextMessage('caught');
      send('lookup', { payload: 1 });
      const msg = await caught;
      assert.equal(msg.error!.code, 'NETWORK');
      assert.match(msg.error!.message, /could not reach POST https:\/\/127\.0\.0\.1:\d+\/login\/pubkey\/authenticate/);
    });

    it('trusts the extra CA certificates of the config node', async function () {
      await loadFlow([configNode(tlsSim, { caCertificates: tlsSim.caCertificate }), lookup, out]);
      const done = nextMessage('out');
      send('lookup', { payload: 1 });
      await done;
    });

    it('reaches every service through the proxy, with its credentials', async function () {
      const proxy = await startConnectProxy({ username: 'ops', password: 'proxy-secret' });
      try {
        await loadFlow(
          [configNode(tlsSim, { caCertificates: tlsSim.caCertificate, proxyUrl: proxy.url, proxyUsername: 'ops' }), sendNode, out],
          configCredentials({ proxyPassword: 'proxy-secret' }),
        );
        const done = nextMessage('out');
        send('send', { payload: 'through the proxy' });
        await done;
        const port = new URL(tlsSim.url).port;
        assert.ok(proxy.tunnels.length >= 1 && proxy.tunnels.every((t) => t === `127.0.0.1:${port}`), JSON.stringify(proxy.tunnels));
      } finally {
        await proxy.close();
      }
    });

    it('reports a proxy that refuses the credentials', async function () {
      const proxy = await startConnectProxy({ username: 'ops', password: 'proxy-secret' });
      try {
        await loadFlow([configNode(tlsSim, { caCertificates: tlsSim.caCertificate, proxyUrl: proxy.url }), lookup, out]);
        const caught = nextMessage('caught');
        send('lookup', { payload: 1 });
        const msg = await caught;
        assert.match(msg.error!.message, /EPROXY_AUTH/);
        assert.equal(proxy.tunnels.length, 0);
      } finally {
        await proxy.close();
      }
    });
  });

  it('stops on redeploy with a call under way, without waiting for its answer', async function () {
    // Beyond Node-RED's 15 s close timeout: a stop that waited for the call would be reported, not just slow.
    this.timeout(30_000);
    await loadFlow([configNode(sim()), lookup, out]);
    const warm = nextMessage('out');
    send('lookup', { payload: 'warm up' });
    await warm;
    // An answer that never comes while the flow runs: only a call aborted by the stop lets the flow stop cleanly.
    sim().injectFault({ method: 'GET', path: '/pod/v3/users', delayMs: NO_ANSWER_MS, times: 1 });
    send('lookup', { payload: 'slow' });
    await until('the slow call to reach the simulator', () => sim().count('GET', '/pod/v3/users') === 2);
    const { stopErrors, endedMsgs } = await unloadReportingErrors([CONFIG_ID, 'lookup', 'out']);
    assert.deepEqual(stopErrors, [], 'every node stopped without a close timeout');
    assert.deepEqual(endedMsgs.map((m) => [m.node, m.msg.payload, m.error]), [['lookup', 'slow', 'request aborted: the node was stopped or redeployed']],
      'the stop cut the call off, and its msg ended there');
  });
});
