import assert from 'node:assert/strict';
import { SymphonyError } from '../../nodes/runtime/core/errors';
import { text } from '../../nodes/runtime/core/i18n';
import { networkReason } from '../../nodes/runtime/admin/test-connection-reasons';

/** A failure as the HTTP client reports it: where it went in the message, the raw message and code in the cause. */
function networkError(url: string, networkCode: string, raw: string): SymphonyError {
  return new SymphonyError('NETWORK', text('runtime.errors.http.unreachable', { where: `POST ${url}`, code: networkCode }), { operation: 'http', symphonyMessage: raw, networkCode });
}

describe('Test connection: network failures in words (test-connection-reasons.ts)', () => {
  const props = { podUrl: 'https://acme.symphony.com', agentUrl: 'https://agent.acme.com:8444/' };

  it('names the certificate problems apart, on the field of the URL called', () => {
    const expired = networkReason(networkError('https://agent.acme.com:8444/agent/v1/info', 'CERT_HAS_EXPIRED', 'certificate has expired'), props, text);
    assert.deepEqual(expired, { reason: 'the certificate of agent.acme.com:8444 has expired (CERT_HAS_EXPIRED)', field: 'agentUrl' });
    const otherName = networkReason(networkError('https://acme.symphony.com/login/pubkey/authenticate', 'ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), props, text);
    assert.deepEqual(otherName, { reason: 'the certificate of acme.symphony.com:443 is for another host name (ERR_TLS_CERT_ALTNAME_INVALID)', field: 'podUrl' });
  });

  it('blames the proxy when the refused address is the proxy', () => {
    const refused = networkReason(networkError('https://acme.symphony.com/login/pubkey/authenticate', 'ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:3128'), { ...props, proxyUrl: 'http://10.0.0.5:3128' }, text);
    assert.deepEqual(refused, { reason: 'nothing listening at 10.0.0.5:3128 (ECONNREFUSED)', field: 'proxyUrl' });
  });

  it('recognises an OpenSSL "wrong version number" whatever the code, and leaves unknown codes as they were', () => {
    const tls = networkReason(networkError('https://acme.symphony.com/x', 'ERR_SOMETHING', 'write ERR_SOMETHING ...:ssl3_get_record:wrong version number'), props, text);
    assert.equal(tls?.reason, 'TLS handshake failed with acme.symphony.com:443: is it http on an https port? (ERR_SOMETHING)');
    assert.equal(networkReason(networkError('https://acme.symphony.com/x', 'EHOSTUNREACH', 'connect EHOSTUNREACH'), props, text), undefined);
    assert.equal(networkReason(new SymphonyError('HTTP_500', 'boom', { operation: 'x' }), props, text), undefined);
  });

  it('reads a connection closed before an answer as such', () => {
    const reset = networkReason(networkError('https://acme.symphony.com/x', 'ECONNRESET', 'socket hang up'), props, text);
    assert.deepEqual(reset, { reason: 'acme.symphony.com:443 closed the connection before answering (ECONNRESET)', field: 'podUrl' });
  });
});
