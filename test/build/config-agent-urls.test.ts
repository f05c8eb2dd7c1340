/**
 * The config dialog's More agents field (agentUrls): the generated validator, run from the built symphony.html
 * against a fake editor, accepts one http(s) URL a line and names the first faulty line, as the runtime does;
 * it checks nothing while the built-in simulator is chosen. The mode select defaults to sticky.
 */
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { javascriptBlocks, readBuilt } from './support';

type Validator = (this: Record<string, unknown>, value: unknown, opt?: { label?: string }) => boolean | string;

interface Definition {
  defaults: Record<string, { value: unknown; validate?: Validator }>;
}

describe('build: the config dialog lists more agents, one URL a line', () => {
  const definitions = new Map<string, Definition>();
  let connectTo = 'pod';
  let agentUrl = 'https://agent1.acme.com/';

  before(() => {
    const context = vm.createContext({
      RED: {
        // The message's key and its values, so the test sees which text and which line.
        _: (key: string, vars?: Record<string, string>) => (vars ? `${key.replace(/^.*:/, '')} ${JSON.stringify(vars)}` : key.replace(/^.*:/, '')),
        nodes: { registerType: (type: string, def: Definition) => definitions.set(type, def) },
        events: { emit: () => undefined },
      },
      // The dialog's inputs; any other element (an operation's template the helper fills) is there and takes text.
      $: (selector: string) => ({
        length: selector.startsWith('#') ? 0 : 1,
        text: () => undefined,
        val: () => (selector === '#node-config-input-connectTo' ? connectTo : selector === '#node-config-input-agentUrl' ? agentUrl : ''),
      }),
      URL,
    });
    for (const code of javascriptBlocks(readBuilt('symphony.html'))) vm.runInContext(code, context);
  });

  function check(value: string): boolean | string {
    const field = definitions.get('symphony-config')?.defaults.agentUrls;
    assert.ok(field?.validate, 'agentUrls has a validator');
    return field.validate.call({}, value, { label: 'More agents' });
  }

  it('blank, or URLs one a line (blank lines and spaces allowed): valid', () => {
    connectTo = 'pod';
    assert.equal(check(''), true);
    assert.equal(check('https://agent2.acme.com\n\n  https://agent3.acme.com:8443/  \r\nhttp://127.0.0.1:9000'), true);
  });

  it('names the first faulty line: not a URL, another scheme, credentials, a repeat', () => {
    connectTo = 'pod';
    assert.equal(check('https://a2.acme.com\nnot a url'), 'More agents: editor.validation.urlLine {"line":"2","reason":"editor.validation.url"}');
    assert.equal(check('\n\nftp://a2.acme.com'), 'More agents: editor.validation.urlLine {"line":"3","reason":"editor.validation.url"}');
    assert.equal(check('https://bot:pw@a2.acme.com'), 'More agents: editor.validation.urlLine {"line":"1","reason":"editor.validation.urlCredentials"}');
    assert.equal(check('https://a2.acme.com\nhttps://a2.acme.com/'), 'More agents: editor.validation.urlLine {"line":"2","reason":"editor.validation.urlRepeated"}');
    assert.equal(check('https://agent1.acme.com'), 'More agents: editor.validation.urlLine {"line":"1","reason":"editor.validation.urlRepeated"}', 'the agent URL again');
    agentUrl = '';
    assert.equal(check('https://agent1.acme.com'), true);
  });

  it('is not checked while the built-in simulator is chosen; the mode defaults to sticky', () => {
    connectTo = 'simulator';
    assert.equal(check('not a url'), true);
    assert.equal(definitions.get('symphony-config')?.defaults.agentBalancing?.value, 'sticky');
  });
});
