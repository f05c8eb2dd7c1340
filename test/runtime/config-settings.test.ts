import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { checkSimulatorProperties, parseConfig, simulatorConfig, usesBuiltInSimulator } from '../../nodes/runtime/config/config-settings';
import { encryptedPem, keyPair } from '../helpers/keys';

const base = { podUrl: 'https://acme.symphony.com/', botUsername: 'bot' };

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return (err as { cause?: { field?: string } }).cause?.field;
  }
  return undefined;
}

describe('config node settings', function () {
  const pair = keyPair('bot');

  it('derives every service URL from the pod URL unless set', function () {
    const settings = parseConfig(base, { privateKey: pair.privatePem });
    assert.deepEqual(settings.auth.urls, {
      pod: 'https://acme.symphony.com', agent: 'https://acme.symphony.com', keyManager: 'https://acme.symphony.com',
      sessionAuth: 'https://acme.symphony.com', keyAuth: 'https://acme.symphony.com',
    });
    const split = parseConfig({ ...base, agentUrl: 'https://agent.acme.com', keyManagerUrl: 'https://km.acme.com' }, { privateKey: pair.privatePem });
    assert.equal(split.auth.urls.agent, 'https://agent.acme.com');
    assert.equal(split.auth.urls.keyAuth, 'https://km.acme.com');
  });

  it('reads PKCS#1, PKCS#8, encrypted keys, and PEM pasted without line breaks', function () {
    assert.ok(parseConfig(base, { privateKey: pair.privatePkcs1Pem }).auth.botKey);
    assert.ok(parseConfig(base, { privateKey: encryptedPem(pair, 's3cret'), privateKeyPassphrase: 's3cret' }).auth.botKey);
    assert.ok(parseConfig(base, { privateKey: pair.privatePem.replace(/\n/g, ' ') }).auth.botKey);
  });

  it('names the field at fault, never the secret', function () {
    assert.equal(fieldOf(() => parseConfig({ ...base, podUrl: '' }, { privateKey: pair.privatePem })), 'podUrl');
    assert.equal(fieldOf(() => parseConfig({ ...base, podUrl: 'ftp://x' }, { privateKey: pair.privatePem })), 'podUrl');
    assert.equal(fieldOf(() => parseConfig({ ...base, botUsername: ' ' }, { privateKey: pair.privatePem })), 'botUsername');
    assert.equal(fieldOf(() => parseConfig(base, { privateKey: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----' })), 'privateKey');
    assert.equal(fieldOf(() => parseConfig(base, { privateKey: encryptedPem(pair, 'right'), privateKeyPassphrase: 'wrong' })), 'privateKey');
    assert.equal(fieldOf(() => parseConfig({ ...base, appId: 'app' }, { privateKey: pair.privatePem })), 'appPrivateKey');
    assert.equal(fieldOf(() => parseConfig({ ...base, caCertificates: 'nonsense' }, { privateKey: pair.privatePem })), 'caCertificates');
    assert.equal(fieldOf(() => parseConfig({ ...base, authType: 'certificate' }, {})), 'clientCertificate');
    let message = '';
    try {
      parseConfig(base, { privateKey: pair.privatePem.slice(0, 300) + '\n-----END PRIVATE KEY-----' });
    } catch (err) {
      message = (err as Error).message;
    }
    assert.match(message, /^privateKey: /);
    assert.ok(!message.includes(pair.privatePem.slice(40, 80)), 'the key text is not echoed');
  });

  it('refuses a proxy URL that carries credentials, naming proxyUrl and pointing to proxyUsername and proxyPassword', function () {
    for (const proxyUrl of ['http://user:secret@proxy.corp:8080', 'http://user@proxy.corp:8080', 'https://:secret@proxy.corp']) {
      let error: { message?: string; cause?: { field?: string } } = {};
      try {
        parseConfig({ ...base, proxyUrl }, { privateKey: pair.privatePem });
      } catch (err) {
        error = err as typeof error;
      }
      assert.equal(error.cause?.field, 'proxyUrl', proxyUrl);
      assert.match(error.message ?? '', /proxyUsername and proxyPassword/);
      assert.ok(!error.message?.includes('secret'), 'the password is not echoed');
    }
    const settings = parseConfig({ ...base, proxyUrl: 'http://proxy.corp:8080', proxyUsername: 'user' }, { privateKey: pair.privatePem, proxyPassword: 'secret' });
    assert.equal(settings.http.proxy?.username, 'user');
    assert.equal(settings.http.proxy?.password, 'secret');
  });

  describe('several agents', function () {
    const key = { privateKey: pair.privatePem };
    const messageOf = (fn: () => unknown): string => {
      try {
        fn();
      } catch (err) {
        return (err as Error).message;
      }
      return '';
    };

    it('one agent, sticky, when no more are listed: flows saved before the field exist are unchanged', function () {
      assert.deepEqual(parseConfig({ ...base, agentUrl: 'https://agent.acme.com' }, key).agents, { urls: ['https://agent.acme.com'], balancing: 'sticky' });
      assert.deepEqual(parseConfig({ ...base, agentUrls: '\n  \n' }, key).agents, { urls: ['https://acme.symphony.com'], balancing: 'sticky' });
    });

    it('the agent URL (or the pod URL) first, then each line, trimmed; the mode as chosen', function () {
      const settings = parseConfig({ ...base, agentUrls: ' https://a2.acme.com/ \r\n\nhttps://a3.acme.com:8443', agentBalancing: 'round-robin' }, key);
      assert.deepEqual(settings.agents, { urls: ['https://acme.symphony.com', 'https://a2.acme.com', 'https://a3.acme.com:8443'], balancing: 'round-robin' });
      assert.equal(settings.auth.urls.agent, 'https://acme.symphony.com', 'the first agent is the agent URL');
    });

    it('names agentUrls and the line of each kind of faulty URL, and refuses an unknown mode', function () {
      const parse = (agentUrls: string) => () => parseConfig({ ...base, agentUrl: 'https://a1.acme.com', agentUrls }, key);
      assert.equal(fieldOf(parse('nope')), 'agentUrls');
      assert.match(messageOf(parse('https://a2.acme.com\nnope')), /^agentUrls: line 2 is not a URL: "nope"/);
      assert.match(messageOf(parse('\nftp://a2.acme.com')), /^agentUrls: line 2 must start with https:\/\//);
      assert.match(messageOf(parse('https://bot:secret@a2.acme.com')), /^agentUrls: line 1 must not carry credentials/);
      assert.ok(!messageOf(parse('https://bot:secret@a2.acme.com')).includes('secret'), 'the password is not quoted');
      assert.match(messageOf(parse('https://a2.acme.com\nhttps://a1.acme.com/')), /^agentUrls: line 2 repeats an agent URL given before/);
      assert.equal(fieldOf(() => parseConfig({ ...base, agentBalancing: 'random' }, key)), 'agentBalancing');
    });
  });

  describe('the built-in simulator', function () {
    const access = {
      url: 'http://127.0.0.1:40001', mtlsUrl: 'https://127.0.0.1:40002', caCertificate: '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----',
      botUsername: 'demo-bot', botKey: createPrivateKey(pair.privatePem), appId: 'demo-obo-app', appKey: createPrivateKey(pair.privatePem),
    };

    it('is chosen by connectTo "simulator"; absent, blank and "pod" mean a pod; anything else names connectTo', function () {
      assert.equal(usesBuiltInSimulator({ connectTo: 'simulator' }), true);
      for (const connectTo of [undefined, '', 'pod']) assert.equal(usesBuiltInSimulator({ connectTo }), false, String(connectTo));
      assert.equal(fieldOf(() => usesBuiltInSimulator({ connectTo: 'Simulator' })), 'connectTo');
    });

    it("takes the simulator's URLs and identities, whatever the dialog holds, and trusts its CA alone", function () {
      const settings = simulatorConfig({ podUrl: 'https://acme.symphony.com', botUsername: 'someone', appId: 'other', proxyUrl: 'http://proxy:8080' }, access);
      assert.deepEqual(settings.auth.urls, {
        pod: access.url, agent: access.url, keyManager: access.url, sessionAuth: access.mtlsUrl, keyAuth: access.mtlsUrl,
      });
      assert.equal(settings.auth.botUsername, 'demo-bot');
      assert.equal(settings.auth.appId, 'demo-obo-app');
      assert.deepEqual(settings.http.caCertificates, [access.caCertificate]);
      assert.equal(settings.http.onlyTheseCas, true);
      assert.equal(settings.http.proxy, undefined, 'no proxy to a loopback simulator');
      assert.equal(settings.mtlsHttp, undefined, 'no client certificate in RSA mode');
    });

    it('uses the client certificate it is given in certificate mode', function () {
      const clientTls = { cert: 'CERT', key: 'KEY' };
      const settings = simulatorConfig({ authType: 'certificate' }, { ...access, clientTls });
      assert.equal(settings.auth.authType, 'certificate');
      assert.deepEqual(settings.mtlsHttp?.clientTls, clientTls);
    });

    it('still checks what applies to it, naming the field', function () {
      assert.equal(fieldOf(() => checkSimulatorProperties({ connectTo: 'simulator', timeout: 0 })), 'timeout');
      assert.equal(fieldOf(() => checkSimulatorProperties({ connectTo: 'simulator', authType: 'kerberos' })), 'authType');
      assert.equal(fieldOf(() => checkSimulatorProperties({ connectTo: 'simulator', oboCacheSize: -1 })), 'oboCacheSize');
      assert.doesNotThrow(() => checkSimulatorProperties({ connectTo: 'simulator' }));
    });
  });
});
