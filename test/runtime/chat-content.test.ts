import assert from 'node:assert/strict';
import { formFields, messageContent } from '../../nodes/runtime/chat/chat-content';

const pml = (content: string): string => `<div data-format="PresentationML" data-version="2.0">${content}</div>`;

/** PresentationML as the chat tab shows it: whitelisted parts, text as text. */
describe('chat view: message content as parts', () => {
  it('keeps emphasis, lists, line breaks and safe links; drops scripts, images and javascript: links', () => {
    assert.deepEqual(messageContent(pml('a &lt;b&gt; <b>bold</b><br/><ul><li>one</li></ul><a href="javascript:x()">js</a>'
      + '<a href="mailto:a@b.example">mail</a><script>evil()</script><img src="x"/><custom>kept text</custom>'), '{}'), [
      { text: 'a <b> ' }, { tag: 'b', children: [{ text: 'bold' }] }, { tag: 'br' },
      { tag: 'ul', children: [{ tag: 'li', children: [{ text: 'one' }] }] },
      { text: 'js' }, { link: 'mailto:a@b.example', children: [{ text: 'mail' }] }, { text: 'kept text' },
    ]);
  });

  it('reads entity spans by their EntityJSON: a span without data is text', () => {
    const data = JSON.stringify({ 0: { type: 'com.symphony.user.mention', version: '1.0', id: [{ type: 'com.symphony.user.userId', value: '7' }] } });
    assert.deepEqual(messageContent(pml('<span class="entity" data-entity-id="0">@Bob</span> <span class="entity" data-entity-id="1">#x</span>'), data), [
      { entity: 'mention', text: '@Bob' }, { text: ' ' }, { text: '#x' },
    ]);
  });

  it('falls back to the text of markup it cannot read as XML, or that is nested too deep', () => {
    assert.deepEqual(messageContent('<div>a < b <b>c</b></div>', '{}'), [{ text: 'a < b c' }]);
    const deep = `<div>${'<b>'.repeat(20_000)}x${'</b>'.repeat(20_000)}</div>`;
    assert.deepEqual(messageContent(deep, '{}'), [{ text: 'x' }]);
  });

  it('finds a form\'s fields and action buttons, not its reset button', () => {
    const parts = messageContent(pml('<form id="f"><p><text-field name="a"/></p><checkbox name="c" value="1">C</checkbox>'
      + '<button name="go" type="action">Go</button><button type="reset">Reset</button></form>'), '{}');
    assert.deepEqual(formFields(parts, 'f'), { fields: new Set(['a', 'c']), actions: new Set(['go']) });
    assert.equal(formFields(parts, 'other'), undefined);
  });
});
