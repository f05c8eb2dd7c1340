/** The form node's editor side: its defaults, ports, dialog rows, and the fields check the editor shows. */
import assert from 'node:assert/strict';
import { builtCatalog, htmlBlocks, loadEditor, readBuilt, type NodeDefinition } from './support';

describe('build: the form node (symphony-form)', () => {
  let form: NodeDefinition | undefined;
  let html: string;

  before(() => {
    html = readBuilt('symphony.html');
    form = loadEditor(html, builtCatalog()).definitions.get('symphony-form');
  });

  it('has one input, two labelled outputs and the runtime\'s defaults', () => {
    assert.ok(form);
    const values: unknown = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(form.defaults).map(([name, prop]) => [name, prop.value]))));
    assert.deepEqual(values, { name: '', config: '', streamId: 'streamId', streamIdType: 'msg', title: '', intro: '', fields: [] });
    const def = form as unknown as { inputs: number; outputs: number; outputLabels: (this: object, i: number) => string };
    assert.equal(def.inputs, 1);
    assert.equal(def.outputs, 2);
    assert.equal(def.outputLabels.call({}, 0), 'sent: the form\'s message');
    assert.equal(def.outputLabels.call({}, 1), 'replies to this form');
    assert.equal(form.label.call({}), 'form');
  });

  it('shows the fields as an editable list, filled and saved by the editor code', () => {
    const template = htmlBlocks(html, 'data-template-name').get('symphony-form')?.[0] ?? '';
    assert.ok(template.includes('<ol id="node-input-fields-list"></ol>'));
    assert.ok(!template.includes('id="node-input-fields"'), 'no input of the property\'s own name: oneditsave writes it');
    assert.match(html, /SymphonyEditor\.prepareFormFields\(this, 'fields'\)/);
    assert.match(html, /SymphonyEditor\.saveFormFields\(this, 'fields'\)/);
  });

  it('names the field at fault in the editor, as the runtime does', () => {
    const validate = (fields: unknown): unknown => form!.defaults.fields?.validate?.call({}, fields);
    const go = { kind: 'action', name: 'go', label: 'Go' };
    assert.equal(validate([{ kind: 'text', name: 'ticker' }, go]), true);
    assert.equal(validate([{ kind: 'reset', name: '', label: 'Clear' }, go]), true);
    assert.equal(validate([]), 'the form needs at least one action button');
    assert.equal(validate([{ kind: 'text', name: 'a b' }, go]), 'field 1: name "a b" is not valid (a letter, then letters, digits, _, - or .)');
    assert.equal(validate([go, { kind: 'text', name: 'go' }]), 'field 2: name "go" is used by an earlier field');
    assert.equal(validate([{ kind: 'text', name: 'action' }, go]), 'field 1: name "action" is reserved for the pressed button');
    assert.equal(validate([{ kind: 'select', name: 's', options: '' }, go]), 'field 1 (s) needs at least one option');
    assert.equal(validate([{ kind: 'select', name: 's', options: [{ value: 'a', label: 'A' }] }, go]), true);
    assert.equal(validate([{ kind: 'slider', name: 's' }, go]), 'field 1 (s): choose a kind');
    assert.equal(validate('text'), 'must be a list of fields');
  });
});
