import assert from 'node:assert/strict';
import { composeMessageML } from '../../nodes/runtime/chat/chat-compose';

/** What the chat view sends for typed text: mentions, hashtags and cashtags as MessageML tags, the rest escaped. */
describe('chat view: typed text as MessageML', () => {
  const ids: Record<string, number> = { alice: 1, bob: 2, 'demo-bot': 3 };
  const compose = (typed: string): string => composeMessageML(typed, (name) => ids[name.toLowerCase()]);

  it('turns @username, #hashtag and $CASHTAG into tags', () => {
    assert.equal(compose('Hi @Bob, #fx-desk $EURUSD.'), '<messageML>Hi <mention uid="2"/>, <hash tag="fx-desk"/> <cash tag="EURUSD"/>.</messageML>');
    assert.equal(compose('@demo-bot quote'), '<messageML><mention uid="3"/> quote</messageML>');
  });

  it('leaves text that only looks like a tag as text', () => {
    assert.equal(compose('mail alice@bank.example, pay US$5 or $5, see @nobody and a#b'),
      '<messageML>mail alice@bank.example, pay US$5 or $5, see @nobody and a#b</messageML>');
  });

  it('escapes markup, template interpolations and keeps line breaks', () => {
    assert.equal(compose('<b>x</b> & ${secret} #{y}\nnext'),
      '<messageML>&lt;b&gt;x&lt;/b&gt; &amp; &#36;{secret} &#35;{y}<br/>next</messageML>');
  });
});
