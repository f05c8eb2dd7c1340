/** The random values of one run, the examples tried first, and where a run puts its values. */
import fc from 'fast-check';
import type { ParamSpec } from '../../nodes/catalogue/types';
import { DESK_ROOM_ID, USERS } from '../helpers/simulator';
import { brief } from './fingerprint';
import { OBO_USER_TYPES, type InputField, type Subject } from './subjects';
import { anyString, anyValue, fieldValue, goodValue, isApiPath, oboUserValue } from './values';
import { envName, indirectName, type FieldSource, type Variant } from './variants';

/** A field's (or the OBO user's) value in one run, whether a blank field finds it on msg, and an env variable's text. */
export interface FieldDraw {
  value: unknown;
  present: boolean;
  envText: string;
}

export interface RunInput {
  variant: number;
  payload: unknown;
  fields: Record<string, FieldDraw>;
  oboUser: FieldDraw;
}

function draw(value: fc.Arbitrary<unknown>): fc.Arbitrary<FieldDraw> {
  return fc.record({ value, present: fc.boolean(), envText: anyString });
}

/** An accepted value, present on msg, and the same text for an env variable. */
function goodDraw(value: fc.Arbitrary<unknown>): fc.Arbitrary<FieldDraw> {
  return fc.record({ value, absent: fc.nat(3) }).map(({ value: v, absent }) => ({
    value: v,
    // Now and then an optional field is left out altogether.
    present: absent !== 0,
    envText: typeof v === 'string' ? v : JSON.stringify(v),
  }));
}

/**
 * A third of the runs draw every value at random; the others give every field an accepted value but (mostly)
 * one, so that the random one is what gets checked on the wire.
 */
export function runInputArbitrary(subject: Subject, variants: readonly Variant[]): fc.Arbitrary<RunInput> {
  const wild = Object.fromEntries(subject.fields.map((field) => [
    field.name,
    draw(field.param ? fieldValue(field.param) : fc.oneof(anyString, anyValue)),
  ]));
  const good = Object.fromEntries(subject.fields.map((field) => [
    field.name,
    goodDraw(field.param ? goodValue(field.param) : fc.constantFrom('<div data-format="PresentationML" data-version="2.0">hi</div>', 'plain')),
  ]));
  return fc.record({
    variant: fc.nat(variants.length - 1),
    payload: anyValue,
    mode: fc.constantFrom('all-random', 'one-random', 'one-random'),
    // One past the last field: none is random.
    randomField: fc.nat(subject.fields.length),
    wild: fc.record(wild),
    good: fc.record(good),
    oboUser: draw(oboUserValue),
    goodUser: goodDraw(fc.constant('alice')),
  }).map(({ variant, payload, mode, randomField, wild: w, good: g, oboUser, goodUser }): RunInput => {
    if (mode === 'all-random') return { variant, payload, fields: w, oboUser };
    const randomName = subject.fields[randomField]?.name;
    const fields = Object.fromEntries(subject.fields.map((field) => [field.name, (field.name === randomName ? w : g)[field.name]!]));
    const byId = variants[variant]?.actAs === 'userId';
    const user = { ...goodUser, value: byId ? USERS.alice.id : 'alice', envText: byId ? String(USERS.alice.id) : 'alice' };
    // With no random field, the OBO user is the random one.
    return { variant, payload, fields, oboUser: randomName === undefined ? oboUser : user };
  });
}

/** Where one run's values go: on msg, in the flow and global contexts, in env variables. */
export interface Binding {
  msg: Record<string, unknown>;
  flow: Record<string, unknown>;
  global: Record<string, unknown>;
  env: Record<string, string>;
  /** Values the node reads as they are (blank, str, msg, flow, global, env), by field; others are not known. */
  known: Map<string, unknown>;
}

function place(binding: Binding, name: string, source: FieldSource, drawn: FieldDraw, field: InputField): void {
  const indirect = indirectName(name);
  switch (source.via) {
    case 'blank':
      if (drawn.present) binding.msg[name] = drawn.value;
      binding.known.set(name, drawn.present ? drawn.value : undefined);
      return;
    case 'default':
      if (!field.default) {
        if (drawn.present) binding.msg[name] = drawn.value;
        binding.known.set(name, drawn.present ? drawn.value : undefined);
      } else if (field.default.type === 'str') {
        binding.known.set(name, field.default.value);
      }
      return;
    case 'literal':
      if (source.type === 'str') binding.known.set(name, source.text);
      return;
    case 'jsonata':
      binding.msg[indirect] = drawn.value;
      return;
    case 'env':
      binding.env[envName(name)] = drawn.envText;
      return;
    default:
      (source.via === 'msg' ? binding.msg : binding[source.via])[indirect] = drawn.value;
      binding.known.set(name, drawn.value);
  }
}

/** What the README says a blank field reads from msg.payload: required user and stream fields, objects and arrays. */
const takesAnswer = (param: ParamSpec | undefined): boolean => param?.required === true && (param.idOf === 'user' || param.idOf === 'stream');
const isAnswer = (payload: unknown): boolean => payload !== null && typeof payload === 'object' && !Buffer.isBuffer(payload);
const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

export function bind(subject: Subject, variant: Variant, input: RunInput, msgid: string): Binding {
  const binding: Binding = { msg: { _msgid: msgid, payload: input.payload }, flow: {}, global: {}, env: {}, known: new Map() };
  for (const field of subject.fields) {
    const drawn = input.fields[field.name]!;
    const source = variant.fields[field.name] ?? { via: 'blank' };
    place(binding, field.name, source, drawn, field);
    // A blank required user or stream field with nothing on msg reads msg.payload when it is an object or array.
    const blankField = source.via === 'blank' || (source.via === 'default' && !field.default);
    if (blankField && takesAnswer(field.param) && isBlank(binding.known.get(field.name)) && isAnswer(input.payload)) {
      binding.known.set(field.name, input.payload);
    }
    // A default that reads msg.payload reads the run's payload.
    if (source.via === 'default' && field.default?.type === 'msg' && field.default.value === 'payload') binding.known.set(field.name, input.payload);
  }
  if (subject.obo && variant.actAs !== 'bot') {
    place(binding, 'oboUser', variant.oboUser, input.oboUser, { name: 'oboUser', types: OBO_USER_TYPES });
  }
  return binding;
}

/** One accepted value of each kind, for the examples. */
function acceptedValue(param: ParamSpec): unknown {
  switch (param.kind) {
    case 'id': return USERS.alice.id;
    case 'id-list': return [USERS.alice.id];
    case 'string-list': return param.schema?.items ? ['ROOM'] : ['alice'];
    case 'stream-id': return DESK_ROOM_ID;
    case 'string': return isApiPath(param) ? '/pod/v2/sessioninfo' : (param.schema?.enum as string[] | undefined)?.[0] ?? 'hello';
    case 'number':
    case 'integer': return 5;
    case 'boolean': return true;
    case 'enum': return param.enum?.[0];
    case 'json': return param.schema?.type === 'array' ? [{ key: 'k', value: 'v' }] : {};
    case 'attachments': return [{ name: 'note.txt', content: Buffer.from('hello') }];
  }
}

/** The same value on msg and, as text, in an env variable. */
function given(value: unknown): FieldDraw {
  let envText: string;
  try {
    envText = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    envText = String(value);
  }
  return { value, present: true, envText };
}

/**
 * The values the issue names, tried first on every node type with the default setups (the rest of each run is
 * random): `.`, `..`, blank, a control character and a lone surrogate in each path parameter (and `%2e%2e` in the
 * generic node's path); NaN in a text field; a BigInt, a 1 MB string and a lone surrogate in a field and in
 * msg.payload; and the same in msg.oboUser.
 */
export function exampleInputs(subject: Subject, variants: readonly Variant[]): RunInput[] {
  const accepted = Object.fromEntries(subject.fields.map((field) => [field.name, given(field.param ? acceptedValue(field.param) : 'plain')]));
  // A field that reads msg.payload by default (a message, the generic node's body) gets an accepted value there.
  const fromPayload = subject.fields.find((field) => field.default?.type === 'msg' && field.default.value === 'payload');
  const acceptedPayload = fromPayload?.param ? acceptedValue(fromPayload.param) : 'hello';
  const run = (variant: number, changed: Record<string, unknown>, payload: unknown = acceptedPayload, oboUser: unknown = 'alice'): RunInput => ({
    variant,
    payload,
    fields: { ...accepted, ...Object.fromEntries(Object.entries(changed).map(([name, value]) => [name, given(value)])) },
    oboUser: given(oboUser),
  });
  const megabyte = 'x'.repeat(1_048_576);
  const examples: RunInput[] = [];
  for (const field of subject.fields.filter((f) => f.param?.in === 'path')) {
    for (const bad of ['..', '.', ' ', 'a\u0007b', 'a\ud800']) examples.push(run(0, { [field.name]: bad }));
  }
  // The generic node's path: dot segments the URL rules would resolve, sending the call elsewhere.
  for (const field of subject.fields.filter((f) => f.param && isApiPath(f.param))) {
    for (const disguised of ['/pod/v1/%2e%2e/v2/sessioninfo', '/agent/%2e%2e/pod/v2/sessioninfo']) examples.push(run(0, { [field.name]: disguised }));
  }
  const text = subject.fields.find((f) => f.param?.kind === 'string' && f.param.in !== 'path' && !f.param.schema?.enum && !isApiPath(f.param));
  if (text) examples.push(run(0, { [text.name]: NaN }));
  const first = subject.fields[0];
  if (first) examples.push(run(0, { [first.name]: 1n }), run(0, { [first.name]: megabyte }), run(0, { [first.name]: ['x\udc00'] }));
  examples.push(run(0, {}, { text: 'hi', id: 7n, note: '\ud83d' }));
  const byName = variants.findIndex((v) => v.actAs === 'username');
  const byId = variants.findIndex((v) => v.actAs === 'userId');
  if (byName >= 0) examples.push(run(byName, {}, acceptedPayload, '..'), run(byName, {}, acceptedPayload, 'al\u0001ice'), run(byName, {}, acceptedPayload, 'a\ud800'));
  if (byId >= 0) examples.push(run(byId, {}, acceptedPayload, BigInt(USERS.alice.id)), run(byId, {}, acceptedPayload, megabyte));
  return examples;
}

/** A run as a failure report shows it: the node's setup, the values drawn, the payload and the OBO user. */
export function describeRun(subject: Subject, variant: Variant, node: string, input: RunInput): string {
  const source = (name: string, from: FieldSource): string =>
    `${name} ${from.via}${'text' in from ? ` ${brief(from.text)}` : ''}${'type' in from ? ` (${from.type})` : ''}`;
  const drawn = (name: string, value: FieldDraw): string =>
    `${name}=${brief(value.value)}${value.present ? '' : ' (not on msg if blank)'} env=${brief(value.envText)}`;
  const setup = `actAs ${variant.actAs}, oboUser ${variant.oboUser.via}, output msg.${variant.outputProperty}${variant.format ? `, format ${variant.format}` : ''}`;
  return [
    `node ${node} (${subject.type}): ${setup}`,
    `fields: ${Object.entries(variant.fields).map(([name, from]) => source(name, from)).join('; ') || '(none)'}`,
    `values: ${Object.entries(input.fields).map(([name, value]) => drawn(name, value)).join('; ') || '(none)'}`,
    `msg.payload=${brief(input.payload)}; oboUser=${brief(input.oboUser.value)}${input.oboUser.present ? '' : ' (not on msg if blank)'}`,
  ].join('\n    ');
}
