import assert from 'node:assert/strict';
import { escapeText, toMessageML } from '../../nodes/runtime/messages/messageml';

describe('MessageML', function () {
  it('escapes plain text and wraps it', function () {
    assert.equal(toMessageML('a < b & "c"', 'text', 'message'), '<messageML>a &lt; b &amp; &quot;c&quot;</messageML>');
  });

  it('never lets user text become a template expression', function () {
    assert.equal(escapeText('cost ${price} #{x}'), 'cost &#36;{price} &#35;{x}');
  });

  it('keeps line breaks', function () {
    assert.equal(escapeText('one\ntwo'), 'one<br/>two');
  });

  it('passes MessageML through as given in auto mode', function () {
    const ml = '<messageML>Hello <b>world</b></messageML>';
    assert.equal(toMessageML(ml, 'auto', 'message'), ml);
  });

  it('rejects malformed MessageML naming the field and the spot', function () {
    assert.throws(() => toMessageML('<messageML>Hello <b>world</messageML>', 'auto', 'message'), (err: Error & { code?: string }) => {
      assert.equal(err.code, 'INVALID_INPUT');
      assert.match(err.message, /^message: MessageML is not well-formed: .*line 1/);
      return true;
    });
    assert.throws(() => toMessageML('Hello', 'messageml', 'message'), /must start with <messageML>/);
  });
});
