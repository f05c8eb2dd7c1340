import assert from 'node:assert/strict';
import { catalogue } from '../../nodes/catalogue/index';
import { dedicatedNodes } from '../../nodes/dedicated/index';
import { CONFIG_CREDENTIALS } from '../../nodes/runtime/config/config-settings';
import { SCHEMA_VERSION } from '../../nodes/runtime/migrations/migrations';
import { DEFAULT_MAX_ITEMS } from '../../nodes/runtime/operations/paging';
import { lookupText } from '../../scripts/build/locale';
import { builtCatalog, htmlBlocks, loadEditor, readBuilt, REGISTER_TYPE, type Sandbox } from './support';

const REGISTER_TYPE_OF_OPERATION = /SymphonyEditor\.operationRegistry\(/;
import { AREA_COLORS } from '../../scripts/build/palette';

describe('build: dist/nodes/symphony.html', () => {
  let html: string;
  let editor: Sandbox;

  before(() => {
    html = readBuilt('symphony.html');
    editor = loadEditor(html, builtCatalog());
  });

  function definition(type: string) {
    const def = editor.definitions.get(type);
    assert.ok(def, `${type} is registered`);
    return def;
  }

  it('registers every catalogue type exactly once, in the literal form the scorecard parses', () => {
    const found = [...html.matchAll(REGISTER_TYPE)].map((m) => [m[1], m[2]]);
    const expected = [['symphony-config', 'config'], ...catalogue.map((op) => [op.type, `symphony ${op.area}`]),
      ...dedicatedNodes.map((spec) => [spec.type, spec.category])];
    assert.deepEqual(found.sort(), expected.sort());
  });

  it('has one edit template per node type, which Node-RED\'s registry lists the types from', () => {
    const templates = htmlBlocks(html, 'data-template-name');
    for (const type of ['symphony-config', ...catalogue.map((op) => op.type), ...dedicatedNodes.map((spec) => spec.type)]) {
      assert.equal(templates.get(type)?.length, 1, `template of ${type}`);
    }
    assert.equal(templates.size, catalogue.length + dedicatedNodes.length + 1);
    // An operation's is filled by the editor helper, before its registerType call (which comes after them all).
    const lastTemplate = Math.max(...catalogue.map((op) => html.indexOf(`data-template-name="${op.type}"`)));
    assert.ok(lastTemplate < html.search(REGISTER_TYPE_OF_OPERATION));
  });

  it('runs in the editor and registers what the catalogue describes', () => {
    assert.deepEqual([...editor.definitions.keys()].sort(), ['symphony-config', ...catalogue.map((op) => op.type), ...dedicatedNodes.map((spec) => spec.type)].sort());
  });

  for (const op of catalogue) {
    describe(op.type, () => {
      it('declares the properties the runtime reads, with their defaults', () => {
        const defaults = definition(op.type).defaults;
        const values = Object.fromEntries(Object.entries(defaults).map(([name, prop]) => [name, prop.value]));
        const expected: Record<string, unknown> = { name: '', config: '', actAs: 'bot', oboUser: '', oboUserType: 'str' };
        for (const param of op.params) {
          expected[param.name] = param.default?.value ?? '';
          expected[`${param.name}Type`] = param.default?.type ?? param.types[0];
        }
        for (const option of op.options ?? []) expected[option.name] = option.default;
        if (op.paging) Object.assign(expected, { pages: 'one', maxItems: DEFAULT_MAX_ITEMS, split: 'list' });
        expected.outputProperty = 'payload';
        expected.schemaVersion = SCHEMA_VERSION;
        assert.deepEqual(values, expected);
        assert.equal(defaults.config?.type, 'symphony-config');
        assert.equal(defaults.config?.required, true);
      });

      it('has an edit dialog with a row per property the user sets, each label a locale text', () => {
        const template = editor.templates.get(op.type) ?? '';
        const ids = [...template.matchAll(/ id="node-input-([A-Za-z]+)"/g)].map((m) => m[1] ?? '');
        const expected = ['name', 'config', 'actAs', 'oboUser', 'oboUserType', ...op.params.flatMap((p) => [p.name, `${p.name}Type`]),
          ...(op.options ?? []).map((o) => o.name), ...(op.paging ? ['pages', 'maxItems', 'split'] : []), 'outputProperty'];
        assert.deepEqual([...ids].sort(), [...expected].sort());
        for (const param of op.params) {
          const label = new RegExp(`<label for="node-input-${param.name}"[^>]*>.*${param.required ? '<span class="symphony-required">\\*</span>' : '</span>'}</label>`);
          assert.match(template, label, param.name);
        }
        const keys = [...template.matchAll(/data-i18n="(?:\[[a-z]+\])?([^"]+)"/g)].map((m) => m[1] ?? '');
        assert.ok(keys.length >= expected.length / 2);
        for (const key of keys) assert.notEqual(lookupText(builtCatalog(), key), undefined, key);
        assert.equal(template.includes('symphony-advanced-toggle'), op.params.some((p) => p.advanced));
      });

      it("uses its area's icon and colour", () => {
        const def = definition(op.type);
        assert.equal(def.icon, `symphony-${op.area}.svg`);
        assert.equal(def.color, AREA_COLORS[op.area]);
      });

      it('accepts a new node as it is', () => {
        const def = definition(op.type);
        const node = Object.fromEntries(Object.entries(def.defaults).map(([name, prop]) => [name, prop.value]));
        for (const [name, prop] of Object.entries(def.defaults)) {
          if (prop.validate) assert.equal(prop.validate.call(node, node[name], {}), true, `${name} of a new node`);
        }
      });

      it('has a palette label and labels the node by what it is set to', () => {
        const def = definition(op.type);
        const palette = def.paletteLabel?.call(def) ?? '';
        assert.ok(palette && !palette.includes('.'), `palette label "${palette}" is a translated text`);
        const node = Object.fromEntries(Object.entries(def.defaults).map(([name, prop]) => [name, prop.value]));
        assert.ok(def.label.call(node).startsWith(palette));
        assert.equal(def.label.call({ ...node, name: 'mine' }), 'mine');
        if (op.oboPermissions) assert.match(def.label.call({ ...node, actAs: 'userId' }), /\(OBO\)$/);
      });

      it('offers acting on behalf of a user only where the endpoint is OBO-enabled', () => {
        const validate = definition(op.type).defaults.actAs?.validate;
        assert.equal(validate?.call({}, 'username', {}) === true, op.oboPermissions !== null);
        assert.equal(validate?.call({}, 'bot', {}), true);
      });
    });
  }

  it('shows a fixed enum value in the label: "set presence: AWAY"', () => {
    const def = definition('symphony-presence-set');
    assert.equal(def.label.call({ category: 'AWAY', categoryType: 'str', actAs: 'bot' }), 'set presence: AWAY');
    assert.equal(def.label.call({ category: '', categoryType: 'str', actAs: 'username' }), 'set presence (OBO)');
  });

  it('cuts a label showing a setting to 30 characters, on one line, never inside an emoji', () => {
    const def = definition('symphony-presence-set');
    const long = def.label.call({ category: 'a value far too long\nto be shown whole on a node', categoryType: 'str', actAs: 'bot' });
    assert.equal(long, 'set presence: a value far too\u2026');
    assert.equal([...long].length, 30);
    const emoji = def.label.call({ category: '\u{1F600}'.repeat(40), categoryType: 'str', actAs: 'userId' });
    assert.equal(emoji, `set presence: ${'\u{1F600}'.repeat(15)}\u2026 (OBO)`);
    assert.equal(def.label.call({ category: 'x'.repeat(16), categoryType: 'str' }), `set presence: ${'x'.repeat(16)}`, '30 characters: whole');
    assert.equal(def.label.call({ name: 'a name of any length, kept as the user wrote it', category: 'AWAY' }), 'a name of any length, kept as the user wrote it');
    const config = definition('symphony-config');
    assert.equal(config.label.call({ name: '', botUsername: 'a-very-long-bot-service-account', podUrl: 'https://acme.symphony.com' }), 'a-very-long-bot-service-accou\u2026');
  });

  describe('parameter validators', () => {
    const validate = (type: string, name: string, node: Record<string, unknown>) =>
      definition(type).defaults[name]?.validate?.call(node, node[name], { label: name });

    it('accept a blank text field on a required parameter: it reads msg.<name>', () => {
      assert.equal(validate('symphony-im-create', 'userIds', { userIds: '', userIdsType: 'str' }), true);
    });

    it('reject a blank field of another type on a required parameter', () => {
      assert.match(String(validate('symphony-im-create', 'userIds', { userIds: '', userIdsType: 'flow' })), /required/);
    });

    it('accept a blank optional field of any type', () => {
      assert.equal(validate('symphony-message-send', 'data', { data: '', dataType: 'json' }), true);
      assert.equal(validate('symphony-presence-set', 'soft', { soft: '', softType: 'bool' }), true);
    });

    it('reject what can never work: bad JSON, a value outside an enum, a non-boolean', () => {
      assert.notEqual(validate('symphony-message-send', 'data', { data: '{oops', dataType: 'json' }), true);
      assert.match(String(validate('symphony-presence-set', 'category', { category: 'SLEEPING', categoryType: 'str' })), /AVAILABLE/);
      assert.notEqual(validate('symphony-presence-set', 'soft', { soft: 'maybe', softType: 'bool' }), true);
      assert.equal(validate('symphony-presence-set', 'category', { category: 'AWAY', categoryType: 'str' }), true);
    });

    it('read the field type from the open dialog before the saved node', () => {
      editor.dialogValues.set('userIdsType', 'flow');
      try {
        assert.notEqual(validate('symphony-im-create', 'userIds', { userIds: '', userIdsType: 'str' }), true);
      } finally {
        editor.dialogValues.clear();
      }
    });

    it('accept a property missing from an older flow: the runtime applies its default', () => {
      for (const name of ['actAs', 'oboUser', 'outputProperty', 'format', 'message']) {
        assert.equal(definition('symphony-message-send').defaults[name]?.validate?.call({}, undefined, {}), true, name);
      }
    });

    it('return false instead of a message for Node-RED versions that pass no options', () => {
      const def = definition('symphony-im-create').defaults.userIds;
      assert.equal(def?.validate?.call({ userIdsType: 'flow' }, ''), false);
    });
  });

  describe('the generic node (dynamicTarget)', () => {
    const generic = catalogue.find((op) => op.dynamicTarget);
    const validate = (name: string, node: Record<string, unknown>) =>
      definition(generic?.type ?? '').defaults[name]?.validate?.call(node, node[name], { label: name });

    it('is in the catalogue', () => {
      assert.ok(generic);
    });

    it('offers acting on behalf of a user, its permission being the called endpoint\'s', () => {
      const template = editor.templates.get(generic?.type ?? '') ?? '';
      assert.match(template, /<select id="node-input-actAs"[^>]*><option value="bot"[^>]*><\/option><option value="userId"[^>]*><\/option><option value="username"/);
      assert.equal(validate('actAs', { actAs: 'userId' }), true);
    });

    it('requires path: a blank text field reads msg.path, a blank field of another type is refused', () => {
      assert.ok(generic?.params.find((p) => p.name === 'path')?.required);
      assert.match(editor.templates.get(generic?.type ?? '') ?? '', /<label for="node-input-path"[^>]*>.*<span class="symphony-required">\*<\/span><\/label>/);
      assert.equal(validate('path', { path: '', pathType: 'str' }), true);
      for (const type of ['msg', 'flow', 'jsonata']) assert.match(String(validate('path', { path: '', pathType: type })), /required/, type);
      assert.equal(validate('path', { path: '/pod/v1/sessioninfo', pathType: 'str' }), true);
    });
  });

  describe('symphony-config', () => {
    it('declares every runtime credential, all of type password', () => {
      const credentials = definition('symphony-config').credentials ?? {};
      assert.deepEqual(Object.keys(credentials).sort(), [...CONFIG_CREDENTIALS].sort());
      for (const [name, credential] of Object.entries(credentials)) assert.equal(credential.type, 'password', name);
    });

    it("requires and checks a pod's fields only while a pod is chosen", () => {
      const defaults = definition('symphony-config').defaults;
      const check = (name: string, node: Record<string, unknown>, value: unknown): unknown => {
        assert.equal(defaults[name]?.required, undefined, `${name}: no plain "required", which Node-RED checks whatever the choice`);
        return defaults[name]?.validate?.call(node, value, { label: name });
      };
      for (const connectTo of [undefined, 'pod']) {
        assert.match(String(check('podUrl', { connectTo }, '')), /required/, `podUrl, connectTo ${connectTo}`);
        assert.match(String(check('botUsername', { connectTo }, '')), /required/, `botUsername, connectTo ${connectTo}`);
        assert.match(String(check('agentUrl', { connectTo }, 'not a url')), /URL/i, `agentUrl, connectTo ${connectTo}`);
        assert.equal(check('podUrl', { connectTo }, 'https://acme.symphony.com'), true);
        assert.equal(check('agentUrl', { connectTo }, ''), true, 'a blank optional URL passes');
      }
      // Called without a node (as a plain function): checked as for a pod.
      assert.match(String(defaults.proxyUrl?.validate?.call(undefined as never, 'http://user:secret@proxy.corp:8080', { label: 'proxyUrl' })), /user name or password/);
      for (const name of ['podUrl', 'botUsername', 'agentUrl', 'proxyUrl']) {
        assert.equal(check(name, { connectTo: 'simulator' }, name === 'agentUrl' ? 'not a url' : ''), true, `${name} with the built-in simulator`);
      }
    });

    it('declares the documented properties and defaults', () => {
      const defaults = definition('symphony-config').defaults;
      const values = Object.fromEntries(Object.entries(defaults).map(([name, prop]) => [name, prop.value]));
      assert.deepEqual(values, {
        connectTo: 'pod', name: '', podUrl: '', agentUrl: '', agentUrls: '', agentBalancing: 'sticky', keyManagerUrl: '', botUsername: '', authType: 'rsa', sessionAuthUrl: '',
        keyAuthUrl: '', appId: '', oboCacheSize: 100, proxyUrl: '', proxyUsername: '', caCertificates: '', timeout: 30,
        maxRetries: 3, retryUnsafe: false, schemaVersion: SCHEMA_VERSION,
      });
    });

    it('has a multi-line input for every PEM credential and a spot for the connection test', () => {
      const template = htmlBlocks(html, 'data-template-name').get('symphony-config')?.[0] ?? '';
      for (const name of ['privateKey', 'clientCertificate', 'clientKey', 'pkcs12', 'appPrivateKey']) {
        assert.match(template, new RegExp(`<textarea id="node-config-input-${name}"[^>]*symphony-secret`));
      }
      for (const name of CONFIG_CREDENTIALS) assert.match(template, new RegExp(`id="node-config-input-${name}"`));
      assert.match(template, /id="node-config-symphony-test-connection"/);
    });

    it('validates URLs and numbers', () => {
      const defaults = definition('symphony-config').defaults;
      assert.equal(defaults.podUrl?.validate?.call({}, 'https://acme.symphony.com', {}), true);
      assert.notEqual(defaults.podUrl?.validate?.call({}, '', {}), true);
      assert.notEqual(defaults.podUrl?.validate?.call({}, 'ftp://acme', {}), true);
      assert.equal(defaults.agentUrl?.validate?.call({}, '', {}), true);
      assert.notEqual(defaults.maxRetries?.validate?.call({}, '1.5', {}), true);
      assert.equal(defaults.timeout?.validate?.call({}, '2.5', {}), true);
      assert.equal(defaults.timeout?.validate?.call({}, '', {}), true, 'blank: the runtime default');
      assert.notEqual(defaults.oboCacheSize?.validate?.call({}, '0', {}), true);
    });

    it('is labelled by name, else bot@host', () => {
      const def = definition('symphony-config');
      assert.equal(def.label.call({ name: '', botUsername: 'bot', podUrl: 'https://acme.symphony.com' }), 'bot@acme.symphony.com');
      assert.equal(def.label.call({ name: 'prod' }), 'prod');
    });
  });
});
