/**
 * How one node of a type under test is set up. A variant fixes, for each field, where its value comes from (left
 * blank, a literal of a TypedInput type the field offers, msg, flow, global, env, JSONata); each run then puts
 * fresh random values wherever the variant reads them.
 */
import fc from 'fast-check';
import { CONFIG_ID, type FlowNode } from '../helpers/flow';
import { OBO_USER_TYPES, type InputField, type Subject } from './subjects';
import { anyNumber, anyString } from './values';

/** Where a field's value comes from in one variant. */
export type FieldSource =
  | { via: 'blank' }
  | { via: 'default' }
  | { via: 'literal'; type: 'str' | 'num' | 'bool' | 'json'; text: string }
  | { via: 'jsonata'; text: string }
  | { via: 'msg' | 'flow' | 'global' | 'env' };

export interface Variant {
  actAs: 'bot' | 'userId' | 'username';
  oboUser: FieldSource;
  fields: Record<string, FieldSource>;
  outputProperty: 'payload' | 'result';
  format?: string;
}

/** The msg property, context key or env variable an indirect field reads. */
export const indirectName = (field: string): string => `f_${field}`;
export const envName = (field: string): string => `SYMPHONY_PROPERTY_${field.toUpperCase()}`;

const nonEmpty = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> => arb.filter((text) => text !== '');

function literalText(type: 'str' | 'num' | 'bool' | 'json'): fc.Arbitrary<string> {
  switch (type) {
    case 'str': return nonEmpty(anyString);
    case 'num': return nonEmpty(fc.oneof(anyNumber.map(String), fc.constantFrom('12', ' 7 ', 'abc', '1e400', '0x10', '-1', '13287555072101')));
    case 'bool': return fc.constantFrom('true', 'false', 'yes');
    case 'json': return nonEmpty(fc.oneof(fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), fc.constantFrom('[1,', '{', '"x"', '[]', '{}')));
  }
}

function jsonataText(field: string): fc.Arbitrary<string> {
  const own = `$$.${indirectName(field)}`;
  return fc.constantFrom(own, own, `$string(${own})`, '"text"', '42', '1/0', '[1, 2]', '{"a": 1}', '(((', '$$.payload', '$number("x")', '$$.missing.deep');
}

/** Mostly sources that read the run's value (blank, msg, flow, global, env, JSONata); now and then a literal. */
function fieldSource(field: InputField): fc.Arbitrary<FieldSource> {
  const options: Array<{ arbitrary: fc.Arbitrary<FieldSource>; weight: number }> = [{ arbitrary: fc.constant<FieldSource>({ via: 'blank' }), weight: 4 }];
  if (field.default) options.push({ arbitrary: fc.constant<FieldSource>({ via: 'default' }), weight: 2 });
  for (const type of field.types) {
    if (type === 'str' || type === 'num' || type === 'bool' || type === 'json') {
      options.push({ arbitrary: literalText(type).map((text): FieldSource => ({ via: 'literal', type, text })), weight: 1 });
    } else if (type === 'jsonata') {
      options.push({ arbitrary: jsonataText(field.name).map((text): FieldSource => ({ via: 'jsonata', text })), weight: 1 });
    } else if (type === 'msg' || type === 'flow' || type === 'global' || type === 'env') {
      options.push({ arbitrary: fc.constant<FieldSource>({ via: type }), weight: 2 });
    }
  }
  return fc.oneof(...options);
}

export function variantArbitrary(subject: Subject): fc.Arbitrary<Variant> {
  const fields = Object.fromEntries(subject.fields.map((field) => [field.name, fieldSource(field)]));
  return fc.record({
    actAs: subject.obo ? fc.constantFrom<Variant['actAs']>('bot', 'bot', 'userId', 'username') : fc.constant<Variant['actAs']>('bot'),
    oboUser: fieldSource({ name: 'oboUser', types: OBO_USER_TYPES }),
    fields: fc.record(fields),
    outputProperty: fc.constantFrom<Variant['outputProperty']>('payload', 'payload', 'result'),
    format: fc.constantFrom('auto', 'text', 'messageml', 'bogus'),
  });
}

/**
 * The node as a user would have saved it, with the catalogue defaults: acting as the bot, and (for nodes that
 * can act for a user) for the user in msg.oboUser by username and by user id.
 */
export function defaultVariants(subject: Subject): Variant[] {
  const fields = Object.fromEntries(subject.fields.map((field): [string, FieldSource] => [field.name, field.default ? { via: 'default' } : { via: 'blank' }]));
  const bot: Variant = { actAs: 'bot', oboUser: { via: 'blank' }, fields, outputProperty: 'payload' };
  return subject.obo ? [bot, { ...bot, actAs: 'username' }, { ...bot, actAs: 'userId' }] : [bot];
}

function fieldConfig(field: InputField, source: FieldSource): [string, string] {
  switch (source.via) {
    case 'blank': return ['', field.types[0] ?? 'str'];
    case 'default': return field.default ? [field.default.value, field.default.type] : ['', field.types[0] ?? 'str'];
    case 'literal': return [source.text, source.type];
    case 'jsonata': return [source.text, 'jsonata'];
    case 'env': return [envName(field.name), 'env'];
    default: return [indirectName(field.name), source.via];
  }
}

export function variantNode(subject: Subject, variant: Variant, id: string, wires: string[][]): FlowNode {
  const node: FlowNode = { id, type: subject.type, wires, schemaVersion: 1, name: '' };
  if (subject.op) {
    Object.assign(node, { config: CONFIG_ID, actAs: variant.actAs, outputProperty: variant.outputProperty });
    if (variant.format !== undefined) node.format = variant.format;
    const [oboUser, oboUserType] = fieldConfig({ name: 'oboUser', types: OBO_USER_TYPES }, variant.oboUser);
    Object.assign(node, { oboUser, oboUserType });
  }
  for (const field of subject.fields) {
    const [value, type] = fieldConfig(field, variant.fields[field.name] ?? { via: 'blank' });
    node[field.name] = value;
    node[`${field.name}Type`] = type;
  }
  return node;
}

