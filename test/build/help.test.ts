import assert from 'node:assert/strict';
import { catalogue } from '../../nodes/catalogue/index';
import { dedicatedNodes } from '../../nodes/dedicated/index';
import { builtCatalog, htmlBlocks, loadEditor, readBuilt } from './support';
import { lookupText } from '../../scripts/build/locale';

describe('build: dist/nodes/locales/en-US/symphony.html (help)', () => {
  const file = htmlBlocks(readBuilt('locales/en-US/symphony.html'), 'data-help-name');
  /** As the editor shows it: the editor helper puts the parts every operation shares in. */
  const { expandHelp } = loadEditor(readBuilt('symphony.html'), builtCatalog());
  const help = new Map([...file].map(([type, entries]) => [type, entries.map(expandHelp)]));
  const botOnly = lookupText(builtCatalog(), 'editor.help.botOnly') ?? 'bot only';

  it('holds each part every operation shares once: the editor helper puts it in', () => {
    const raw = readBuilt('locales/en-US/symphony.html');
    assert.equal(raw.split('A failed call sends the original msg to a Catch node').length - 1, 0);
    assert.equal(raw.split('<!--symphony:errors-->').length - 1, catalogue.length);
  });

  it('has one entry per node type and the config node', () => {
    assert.deepEqual([...help.keys()].sort(), ['symphony-config', ...catalogue.map((op) => op.type), ...dedicatedNodes.map((spec) => spec.type)].sort());
    for (const entries of help.values()) assert.equal(entries.length, 1);
  });

  for (const op of catalogue) {
    it(`${op.type}: summary, inputs, outputs, endpoint, permission, errors and example`, () => {
      const text = help.get(op.type)?.[0] ?? '';
      assert.match(text, /^\s*<p>[^<]+<\/p>/, 'starts with a summary paragraph (the palette tooltip)');
      if (op.dynamicTarget) assert.ok(text.includes('<p>Endpoint: any Pod, Agent or Login path, given by Path</p>'), 'any endpoint');
      else assert.ok(text.includes(`<code>${op.method} ${op.path}</code>`), 'names the endpoint');
      for (const permission of op.oboPermissions ?? []) assert.ok(text.includes(`<code>${permission}</code>`), permission);
      if (!op.oboPermissions) assert.ok(text.includes(botOnly), 'says bot only');
      if (op.oboPermissions?.length === 0) assert.match(text, /<p>OBO permission: the one the called endpoint needs[^<]*Set Act as to a user/);
      if (op.paging) assert.match(text, /<h4>Pages<\/h4>\n<p>[^\n]*<code>pages<\/code>/, 'explains paging');
      for (const param of op.params) {
        const dt = new RegExp(`<dt${param.required ? '' : ' class="optional"'}>${param.name} <span class="property-type">`);
        assert.match(text, dt, `input ${param.name}`);
      }
      for (const heading of ['<h3>Inputs</h3>', '<h3>Outputs</h3>', '<h3>Details</h3>', '<dt>error.cause ', '<pre>']) {
        assert.ok(text.includes(heading), heading);
      }
      assert.ok(!text.includes('<!--'), 'every shared part put in');
      assert.equal(text.includes('<dt class="optional">oboUser '), op.oboPermissions !== null, 'the oboUser input where OBO is offered');
      assert.ok(text.includes('<p>A value set in the node wins.'), 'how fields read msg');
      assert.ok(text.includes('<p>The result goes to msg.payload'), 'where the result goes');
    });
  }

  it('documents every config node property', () => {
    const text = help.get('symphony-config')?.[0] ?? '';
    for (const name of ['podUrl', 'agentUrl', 'keyManagerUrl', 'authType', 'sessionAuthUrl', 'keyAuthUrl', 'botUsername', 'appId',
      'proxyUrl', 'proxyUsername', 'caCertificates', 'timeout', 'maxRetries', 'retryUnsafe', 'oboCacheSize', 'privateKey',
      'pkcs12', 'appPrivateKey', 'proxyPassword']) {
      assert.ok(text.includes(`<span class="property-type">${name}</span>`), name);
    }
  });
});
