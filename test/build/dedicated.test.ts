import assert from 'node:assert/strict';
import { dedicatedNodes } from '../../nodes/dedicated/index';
import type { DedicatedNodeSpec } from '../../nodes/dedicated/types';
import { EVENT_TYPES } from '../../nodes/runtime/events/event-types';
import { BuildError } from '../../scripts/build/errors';
import { lookupText } from '../../scripts/build/locale';
import { checkDedicatedNodes, dedicatedHelp, dedicatedScript } from '../../scripts/build/dedicated-node';
import { Texts } from '../../scripts/build/texts';
import { builtCatalog, htmlBlocks, loadEditor, type NodeDefinition, readBuilt, REGISTER_TYPE } from './support';

describe('build: dedicated nodes (nodes/dedicated)', () => {
  let html: string;
  let events: NodeDefinition | undefined;

  before(() => {
    html = readBuilt('symphony.html');
    events = loadEditor(html, builtCatalog()).definitions.get('symphony-events');
  });

  it('registers each in the literal form the scorecard parses, with its palette icon built', () => {
    const found = new Map([...html.matchAll(REGISTER_TYPE)].map((m) => [m[1], m[2]]));
    for (const spec of dedicatedNodes) {
      assert.equal(found.get(spec.type), spec.category);
      assert.match(readBuilt(`icons/${spec.icon}`), /<svg[^>]*viewBox="0 0 40 60"/);
    }
  });

  it('symphony-events: no input, the runtime\'s properties and defaults, translated labels', () => {
    assert.ok(events);
    // JSON round trip: arrays made in the editor sandbox have another realm's prototype.
    const values: unknown = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(events.defaults).map(([name, prop]) => [name, prop.value]))));
    assert.deepEqual(values, {
      name: '', config: '', eventTypes: ['MESSAGESENT'], streamIds: '', ignoreOwn: true, mentionsOnly: false, outputMode: 'single',
      tag: '', claim: 'none', redisUrl: '', claimPrefix: 'symphony:event:', claimExpiry: 24, outputs: 1,
    });
    assert.equal(events.defaults.config?.type, 'symphony-config');
    const def = events as unknown as { inputs: number; outputs: number; outputLabels: (this: object, i: number) => string };
    assert.equal(def.inputs, 0);
    assert.equal(def.outputs, 1);
    assert.equal(events.paletteLabel?.call(events), 'events');
    assert.equal(events.label.call({}), 'events');
    assert.equal(events.label.call({ name: 'inbox' }), 'inbox');
    assert.equal(def.outputLabels.call({ outputMode: 'perType', eventTypes: ['MESSAGESENT', 'ROOMCREATED'] }, 1), 'a room was created (ROOMCREATED)');
    assert.equal(def.outputLabels.call({ outputMode: 'perType', eventTypes: 'messagesent, userjoinedroom' }, 1), 'a user joined a room (USERJOINEDROOM)', 'saved as text, as the runtime reads it');
    assert.equal(def.outputLabels.call({ outputMode: 'single' }, 0), 'events');
    assert.equal(events.defaults.eventTypes?.validate?.call({}, []), false);
    assert.equal(events.defaults.tag?.validate?.call({}, 'x'.repeat(101)), false);
  });

  it('events and datahose: the shared claim\'s Redis password is a password credential, the URL refused with a password in it', () => {
    const { definitions, dialogValues } = loadEditor(html, builtCatalog());
    for (const type of ['symphony-events', 'symphony-datahose']) {
      const def = definitions.get(type);
      assert.ok(def);
      assert.deepEqual(JSON.parse(JSON.stringify(def.credentials)), { redisPassword: { type: 'password' } }, type);
      assert.equal(def.defaults.redisPassword, undefined, `${type}: never a default, so never in the flow JSON`);
      const url = def.defaults.redisUrl?.validate;
      const expiry = def.defaults.claimExpiry?.validate;
      assert.ok(url && expiry);
      dialogValues.set('claim', 'redis');
      assert.equal(url.call({}, 'redis://127.0.0.1:6379', { label: 'Redis URL' }), true);
      assert.equal(url.call({}, 'rediss://user@redis.corp:6380/2', { label: 'Redis URL' }), true, 'a user name is no secret');
      assert.match(String(url.call({}, 'redis://user:s3cret@redis.corp:6379', { label: 'Redis URL' })), /^Redis URL: must not carry a password/);
      assert.doesNotMatch(String(url.call({}, 'redis://:s3cret@redis.corp:6379', { label: 'Redis URL' })), /s3cret/);
      assert.match(String(url.call({}, 'http://redis.corp', { label: 'Redis URL' })), /redis:\/\/ or rediss:\/\//);
      assert.match(String(expiry.call({}, '0', { label: 'Claim expiry' })), /above 0/);
      assert.equal(expiry.call({}, '0.5', { label: 'Claim expiry' }), true);
      dialogValues.set('claim', 'none');
      assert.equal(url.call({}, '', { label: 'Redis URL' }), true, 'no claim: the URL is not used');
    }
    const template = htmlBlocks(html, 'data-template-name').get('symphony-events')?.[0] ?? '';
    assert.ok(template.includes('<input type="password" id="node-input-redisPassword"'));
  });

  it('symphony-events: a dialog listing every event type, and a help that documents outputs and guarantees', () => {
    const template = htmlBlocks(html, 'data-template-name').get('symphony-events')?.[0] ?? '';
    const catalog = builtCatalog();
    const words = (key: string): string => String(lookupText(catalog, key));
    // Every type once: a checkbox labelled in words, its API name in small print beside it.
    for (const type of EVENT_TYPES) {
      assert.equal(template.split(`<input type="checkbox" value="${type}"`).length, 2, type);
      assert.ok(template.includes(`<span data-i18n="dedicated.events.choices.eventTypes.${type}"></span> <small`), type);
      assert.ok(template.includes(`>${type}</small>`), type);
      assert.doesNotMatch(words(`dedicated.events.choices.eventTypes.${type}`), /^$|undefined|[A-Z]{6}/, type);
    }
    assert.equal(words('dedicated.events.choices.eventTypes.USERJOINEDROOM'), 'a user joined a room');
    assert.equal(words('dedicated.events.choices.eventTypes.SYMPHONYELEMENTSACTION'), 'a form was submitted');
    const groups = [...template.matchAll(/data-i18n="dedicated\.events\.groups\.eventTypes\.(\w+)"/g)].map((m) => words(`dedicated.events.groups.eventTypes.${m[1]}`));
    assert.deepEqual(groups, ['Messages', 'Forms', 'Rooms and IMs', 'Connections', 'Other']);
    const presets = Object.fromEntries([...template.matchAll(/data-symphony-preset="([^"]*)" data-i18n="dedicated\.events\.presets\.eventTypes\.(\w+)"/g)].map((m) => [m[2], m[1]]));
    assert.deepEqual(Object.keys(presets), ['messages', 'forms', 'rooms', 'connections', 'all', 'none']);
    assert.equal(presets.messages, 'MESSAGESENT,MESSAGESUPPRESSED,SHAREDPOST');
    assert.equal(presets.forms, 'SYMPHONYELEMENTSACTION');
    assert.equal(presets.connections, 'CONNECTIONREQUESTED,CONNECTIONACCEPTED');
    assert.deepEqual(presets.all?.split(',').sort(), [...EVENT_TYPES].sort());
    assert.equal(presets.none, '');
    assert.ok(!template.includes('id="node-input-eventTypes"'), 'no input Node-RED would save on its own: the dialog saves the types only when they changed');
    assert.ok(template.includes('<input type="hidden" id="node-input-outputs">'));
    const help = htmlBlocks(readBuilt('locales/en-US/symphony.html'), 'data-help-name').get('symphony-events')?.[0] ?? '';
    assert.match(help, /^\s*<p>[^<]+<\/p>/, 'starts with a summary');
    for (const name of ['topic', 'payload', 'text', 'mentions', 'formId', 'formValues']) {
      assert.ok(help.includes(`<dt>${name} <span class="property-type">`), name);
    }
    assert.ok(help.includes('exactly once'));
    assert.ok(help.includes('bot only'));
  });

  const spec = (over: Partial<DedicatedNodeSpec>): DedicatedNodeSpec => ({
    type: 'symphony-x', key: 'x', category: 'symphony x', icon: 'x.svg', inputs: 1, outputs: 1, botOnly: false,
    fields: [{ name: 'name', value: '', input: { kind: 'text' } }], help: { inputs: [], outputs: [] }, ...over,
  });

  it('refuses a type taken by the catalogue, and a field declared twice', () => {
    assert.throws(() => checkDedicatedNodes([spec({})], ['symphony-x']), BuildError);
    assert.throws(() => checkDedicatedNodes([spec({ fields: [{ name: 'a', value: '', input: { kind: 'text' } }, { name: 'a', value: '', input: { kind: 'text' } }] })], []), /declared twice/);
  });

  it('reports every missing text of a new dedicated node at once', () => {
    const texts = new Texts({ editor: { help: { inputs: 'Inputs', outputs: 'Outputs', details: 'Details', options: 'Node options' } } }, 'test');
    dedicatedHelp(spec({ help: { inputs: [['payload', 'string']], outputs: [] } }), texts);
    assert.throws(() => texts.assertComplete(), /dedicated\.x\.summary[\s\S]*dedicated\.x\.help\.inputs\.payload/);
    assert.match(dedicatedScript(spec({ fields: [{ name: 'value', value: '', input: { kind: 'typed', types: ['msg', 'str'] } }] })), /typedInput\(\{ default: 'msg'/);
  });
});
