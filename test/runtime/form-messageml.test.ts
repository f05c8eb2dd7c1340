/**
 * The form node's MessageML and reply values: what it builds the simulator accepts as Symphony Elements, whatever
 * the labels, options and names hold (XML special characters, unicode), and a reply's values come back typed.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkFields, FIELD_KINDS, type FieldKind } from '../../nodes/runtime/forms/form-fields';
import { escapeXml, formIdOf, formMessageML } from '../../nodes/runtime/forms/form-messageml';
import { typeReplyValues } from '../../nodes/runtime/forms/form-values';
import { readForms } from '../../simulator/elements';
import { toPresentationML } from '../../simulator/messageml';
import { XMLParser } from 'fast-xml-parser';

const TEXT = { title: '', intro: '', numberError: 'Enter a number' };

// htmlEntities: character references decoded, as any XML parser does.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, trimValues: false, htmlEntities: true });

/** Every text node and attribute value of the XML, decoded, in document order. */
function textsOf(xml: string): string[] {
  const out: string[] = [];
  const walk = (nodes: Array<Record<string, unknown>>): void => {
    for (const node of nodes) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '#text') out.push(String(value));
        else if (key === ':@') out.push(...Object.values(value as Record<string, string>));
        else if (Array.isArray(value)) walk(value as Array<Record<string, unknown>>);
      }
    }
  };
  walk(parser.parse(xml) as Array<Record<string, unknown>>);
  return out;
}

const fieldName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,20}$/).filter((n) => n !== 'action');
/** Text a person may type: XML's special characters, unicode (astral too), new lines; no control characters. */
const typed = fc.string({ unit: fc.oneof(fc.constantFrom('<', '>', '&', '"', "'", '\n', ']]>', '&amp;', 'é', '中', '😀', '\u202e'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 24 })
  .map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));
const optionValue = typed.map((s) => s.replace(/[=,\n\r]/g, '').trim()).filter((s) => s !== '');

const inputKinds = FIELD_KINDS.filter((k) => k !== 'action' && k !== 'reset');
const fieldArb = fc.record({
  kind: fc.constantFrom(...inputKinds),
  label: typed,
  placeholder: typed,
  required: fc.boolean(),
  options: fc.uniqueArray(fc.record({ value: optionValue, label: typed }), { minLength: 1, maxLength: 4, selector: (o) => o.value }),
});

const formArb = fc.record({
  names: fc.uniqueArray(fieldName, { minLength: 2, maxLength: 8 }),
  fields: fc.array(fieldArb, { minLength: 1, maxLength: 7 }),
  button: typed.filter((s) => s.trim() !== ''),
  title: typed,
  intro: typed,
  withReset: fc.boolean(),
}).map(({ names, fields, button, title, intro, withReset }) => {
  const inputs = fields.slice(0, names.length - 1).map((f, i) => ({ ...f, name: names[i]! }));
  const buttons = [{ kind: 'action' as FieldKind, name: names[names.length - 1]!, label: button }, ...(withReset ? [{ kind: 'reset' as FieldKind, name: '', label: button }] : [])];
  return { saved: [...inputs, ...buttons], title, intro };
});

describe('form MessageML (symphony-form)', function () {
  it('builds a form the simulator accepts, with every kind of field', function () {
    const checked = checkFields([
      { kind: 'text', name: 'ticker', label: 'Pair', placeholder: 'EURUSD', required: true, value: 'EURUSD' },
      { kind: 'textarea', name: 'note', label: 'Note' },
      { kind: 'number', name: 'qty', label: 'Quantity', value: '5000' },
      { kind: 'select', name: 'side', label: 'Side', options: 'buy=Buy\nsell=Sell', value: 'sell' },
      { kind: 'checkbox', name: 'flags', label: 'Flags', options: [{ value: 'urgent', label: 'Urgent' }, { value: 'otc', label: 'OTC' }], value: 'otc' },
      { kind: 'radio', name: 'venue', label: 'Venue', options: 'lit\ndark' },
      { kind: 'date', name: 'settle', label: 'Settlement', value: '2026-12-24' },
      { kind: 'person', name: 'trader', label: 'Trader', required: true },
      { kind: 'action', name: 'submit', label: 'Place order' },
      { kind: 'reset', label: 'Clear' },
    ]);
    assert.ok(checked.ok);
    const xml = formMessageML('nr-form-1', checked.fields, { title: 'New order', intro: 'Fill it in', numberError: 'a number' });
    assert.equal(xml,
      '<messageML><h3>New order</h3><p>Fill it in</p><form id="nr-form-1">'
      + '<text-field name="ticker" label="Pair" placeholder="EURUSD" required="true">EURUSD</text-field>'
      + '<textarea name="note" label="Note"></textarea>'
      + '<text-field name="qty" label="Quantity" pattern="^-?\\d+(?:\\.\\d+)?$" pattern-error-message="a number">5000</text-field>'
      + '<select name="side" label="Side"><option value="buy">Buy</option><option value="sell" selected="true">Sell</option></select>'
      + '<p>Flags</p><checkbox name="flags" value="urgent">Urgent</checkbox><checkbox name="flags" value="otc" checked="true">OTC</checkbox>'
      + '<p>Venue</p><radio name="venue" value="lit">lit</radio><radio name="venue" value="dark">dark</radio>'
      + '<date-picker name="settle" label="Settlement" value="2026-12-24"/>'
      + '<person-selector name="trader" label="Trader" required="true"/>'
      + '<button name="submit" type="action">Place order</button><button type="reset">Clear</button>'
      + '</form></messageML>');
    assert.ok(toPresentationML(xml).ok);
    const forms = readForms(xml);
    assert.ok(forms.ok);
    assert.deepEqual(forms.forms, [{ id: 'nr-form-1', fieldNames: ['ticker', 'note', 'qty', 'side', 'flags', 'venue', 'settle', 'trader'], actions: ['submit'] }]);
  });

  it('refuses fields a form cannot have, naming the field', function () {
    const problem = (fields: unknown): string | undefined => {
      const checked = checkFields(fields);
      return checked.ok ? undefined : `${checked.problem.key} ${JSON.stringify(checked.problem.substitutions ?? {})}`;
    };
    const submit = { kind: 'action', name: 'go', label: 'Go' };
    assert.equal(problem([{ kind: 'text', name: '1st', label: 'x' }, submit]), 'runtime.form.problems.name {"position":1,"name":"1st"}');
    assert.equal(problem([{ kind: 'text', name: 'a b' }, submit]), 'runtime.form.problems.name {"position":1,"name":"a b"}');
    assert.equal(problem([{ kind: 'text', name: 'q' }, { kind: 'number', name: 'q' }, submit]), 'runtime.form.problems.twice {"position":2,"name":"q"}');
    assert.equal(problem([{ kind: 'text', name: 'action' }, submit]), 'runtime.form.problems.reserved {"position":1,"name":"action"}');
    assert.equal(problem([{ kind: 'select', name: 's', options: '' }, submit]), 'runtime.form.problems.noOptions {"position":1,"name":"s"}');
    assert.equal(problem([{ kind: 'radio', name: 's', options: 'a\na' }, submit]), 'runtime.form.problems.optionValue {"position":1,"name":"s","option":2}');
    assert.equal(problem([{ kind: 'select', name: 's', options: 'a', value: 'b' }, submit]), 'runtime.form.problems.defaultOption {"position":1,"name":"s","value":"b"}');
    assert.equal(problem([{ kind: 'number', name: 'n', value: 'ten' }, submit]), 'runtime.form.problems.defaultNumber {"position":1,"name":"n"}');
    assert.equal(problem([{ kind: 'date', name: 'd', value: '24/12/2026' }, submit]), 'runtime.form.problems.defaultDate {"position":1,"name":"d"}');
    assert.equal(problem([{ kind: 'slider', name: 'n' }, submit]), 'runtime.form.problems.kind {"position":1,"name":"n","kind":"slider"}');
    assert.equal(problem([{ kind: 'text', name: 'n' }]), 'runtime.form.problems.noAction {}');
    assert.equal(problem([{ kind: 'action', name: 'go', label: ' ' }]), 'runtime.form.problems.buttonLabel {"position":1,"name":"go"}');
    assert.equal(problem('not json'), 'runtime.form.problems.notList {}');
    assert.equal(problem(JSON.stringify([submit])), undefined);
  });

  it('types a reply\'s values by the form\'s fields', function () {
    const checked = checkFields([
      { kind: 'text', name: 't' }, { kind: 'textarea', name: 'a' }, { kind: 'number', name: 'n' }, { kind: 'number', name: 'm' },
      { kind: 'select', name: 's', options: 'x' }, { kind: 'radio', name: 'r', options: 'x' }, { kind: 'checkbox', name: 'c', options: 'x\ny' },
      { kind: 'checkbox', name: 'one', options: 'x' }, { kind: 'checkbox', name: 'none', options: 'x' },
      { kind: 'person', name: 'p' }, { kind: 'date', name: 'd' }, { kind: 'date', name: 'ts' }, { kind: 'action', name: 'go', label: 'Go' },
    ]);
    assert.ok(checked.ok);
    const typedValues = typeReplyValues(checked.fields, {
      t: 'hi', n: '-3.5', m: 'many', s: 'x', c: ['x', 'y'], one: 'x', p: [13287555072101, '13287555072102'], d: '2026-12-24', ts: Date.UTC(2026, 11, 24), action: 'go', extra: 1,
    });
    assert.deepEqual(typedValues, {
      t: 'hi', a: '', n: -3.5, m: null, s: 'x', r: null, c: ['x', 'y'], one: ['x'], none: [], p: [13287555072101, 13287555072102], d: '2026-12-24', ts: '2026-12-24', action: 'go',
    });
  });

  it('gives every node a form id of its own, the same after a redeploy, valid in XML', function () {
    assert.equal(formIdOf('a1b2.c3'), formIdOf('a1b2.c3'));
    assert.notEqual(formIdOf('a1b2.c3'), formIdOf('a1b2.c4'));
    assert.match(formIdOf('x"<&>.y'), /^nr-form-[A-Za-z0-9_-]+$/);
    assert.equal(escapeXml('a<b>&"c"\u0001'), 'a&lt;b&gt;&amp;&quot;c&quot;');
  });

  it('property: any labels, options and names make MessageML the simulator accepts, every text kept as typed and every value typed back', function () {
    fc.assert(fc.property(formArb, ({ saved, title, intro }) => {
      const checked = checkFields(saved);
      assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.problem));
      const xml = formMessageML('nr-form-p', checked.fields, { ...TEXT, title, intro });
      const accepted = toPresentationML(xml);
      assert.ok(accepted.ok, !accepted.ok ? accepted.reason : '');
      const forms = readForms(xml);
      assert.ok(forms.ok);
      const names = checked.fields.filter((f) => f.kind !== 'action' && f.kind !== 'reset').map((f) => f.name);
      assert.deepEqual(forms.forms[0]!.fieldNames, names);
      assert.deepEqual(forms.forms[0]!.actions, [saved.find((f) => f.kind === 'action')!.name]);
      // Every visible text is in the parsed MessageML as the user typed it (what XML cannot hold aside).
      const texts = textsOf(xml);
      const strip = (s: string): string => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, '');
      for (const field of checked.fields) {
        if (field.label.trim() !== '') assert.ok(texts.includes(strip(field.label)), `label ${JSON.stringify(field.label)} kept`);
        for (const option of field.options) assert.ok(texts.includes(strip(option.value)), `option ${JSON.stringify(option.value)} kept`);
      }
      // A reply choosing the last option of each field comes back typed: one value, or a list for checkboxes.
      const reply: Record<string, unknown> = { action: forms.forms[0]!.actions[0] };
      const expected: Record<string, unknown> = { action: reply.action };
      for (const field of checked.fields) {
        const last = field.options[field.options.length - 1]?.value ?? '';
        switch (field.kind) {
          case 'text': case 'textarea': reply[field.name] = field.label; expected[field.name] = field.label; break;
          case 'number': reply[field.name] = '42.5'; expected[field.name] = 42.5; break;
          case 'select': case 'radio': reply[field.name] = last; expected[field.name] = last; break;
          case 'checkbox': reply[field.name] = last; expected[field.name] = [last]; break;
          case 'person': reply[field.name] = [13287555072101]; expected[field.name] = [13287555072101]; break;
          case 'date': reply[field.name] = '2026-01-31'; expected[field.name] = '2026-01-31'; break;
          default: break;
        }
      }
      assert.deepEqual(typeReplyValues(checked.fields, reply), expected);
    }), { numRuns: 200 });
  });
});

describe('simulator: Symphony Elements in MessageML', function () {
  const refused = (xml: string): string => {
    const result = toPresentationML(xml);
    assert.equal(result.ok, false, `refused: ${xml}`);
    return result.ok ? '' : result.reason;
  };
  const ok = '<button name="b" type="action">B</button>';

  it('refuses what Elements does not allow', function () {
    assert.match(refused(`<messageML><form>${ok}</form></messageML>`), /needs an id/);
    assert.match(refused('<messageML><form id="f"><text-field name="q"/></form></messageML>'), /at least one <button type="action">/);
    assert.match(refused(`<messageML><form id="f"><text-field/>${ok}</form></messageML>`), /<text-field> needs a name/);
    assert.match(refused(`<messageML><form id="f"><button type="submit" name="x">X</button>${ok}</form></messageML>`), /action or reset/);
    assert.match(refused(`<messageML><form id="f"><button type="action">X</button></form></messageML>`), /action <button> needs a name/);
    assert.match(refused(`<messageML><form id="f"><select name="s"></select>${ok}</form></messageML>`), /at least one <option>/);
    assert.match(refused(`<messageML><form id="f"><select name="s"><option>a</option></select>${ok}</form></messageML>`), /<option> needs a value/);
    assert.match(refused(`<messageML><form id="f"><date-picker name="d" value="31/01/2026"/>${ok}</form></messageML>`), /yyyy-MM-dd/);
    assert.match(refused(`<messageML><form id="f"><text-field name="q" required="yes"/>${ok}</form></messageML>`), /"true" or "false"/);
    assert.match(refused('<messageML><text-field name="q"/></messageML>'), /only be used inside a <form>/);
    assert.match(refused(`<messageML><form id="f"><form id="g">${ok}</form>${ok}</form></messageML>`), /another form/);
    assert.match(refused(`<messageML><form id="f">${ok}</form><form id="f">${ok}</form></messageML>`), /two forms/);
  });

  it('accepts forms as Symphony clients send them', function () {
    assert.ok(toPresentationML(`<messageML><form id="f"><button name="ok">OK</button></form><p>after</p><form id="g">${ok}</form></messageML>`).ok);
  });
});
