/**
 * Random values of every type, size, encoding and depth a flow may put on a msg, in a context or in a node's
 * field: the inputs of the property tests. Plausible values (real user ids, the seeded room, enum values) are
 * mixed in so that many runs get past validation and reach the wire.
 */
import fc from 'fast-check';
import type { ParamSpec } from '../../nodes/catalogue/types';
import { DESK_ROOM_ID, USERS } from '../helpers/simulator';

/** Real users other than the bot: a run may suspend or change them, never the identity every run needs. */
const HUMANS = [USERS.alice, USERS.bob, USERS.carol, USERS.dave, USERS.erin];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const controlChar = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.constantFrom(0x7f, 0x85, 0x9f)).map((code) => String.fromCharCode(code));

const SPECIAL_STRINGS = [
  '', ' ', '   ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '.', '..', '...', './', '../', '/..', '/', '//', '%',
  '%2e', '%2e%2e', '%2E%2E', '%2F', '%00', '?', '#', '&', '=', '+', ';', 'a/b', 'a b', 'a?b=c', 'NaN', 'Infinity',
  '-Infinity', 'null', 'undefined', 'true', 'false', 'TRUE', '0', '-0', '-1', '1.5', '1e3', '1e400', '0x10', ' 12 ',
  '9007199254740991', '9007199254740992', '9007199254740993', '[]', '{}', '[1,', '{"a":1}', '"quoted"',
  '<messageML>hi</messageML>', '<b>bold</b>', '<', '&amp;', '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085',
  '\ufeff', '\ufffd', '\ud800', '\udfff', '\udc00x\ud800', '😀', 'é', 'e\u0301', 'İ', '\u202e', 'alice', 'ALICE',
  ' alice ', 'demo-bot', 'alice.adams@simulated-bank.example', DESK_ROOM_ID, `${DESK_ROOM_ID}==`, 'AVAILABLE', 'away',
  '__proto__', 'constructor', 'payload', '$$', '${PATH}',
];

/** A string of about `size` UTF-16 units made of one repeated piece. */
function repeated(piece: string, size: number): string {
  return piece.repeat(Math.max(1, Math.ceil(size / piece.length)));
}

/** 10 kB to 1 MB of one repeated piece. */
export const hugeString = fc.record({
  size: fc.constantFrom(10_000, 300_000, 1_048_576),
  piece: fc.constantFrom('x', 'é', '.', ' ', '\u0000', '😀', 'ab/', '<b>'),
}).map(({ size, piece }) => repeated(piece, size));

const withInserted = (inserted: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(fc.string({ maxLength: 8 }), inserted, fc.string({ maxLength: 8 })).map(([a, b, c]) => a + b + c);

/** Mostly short strings of every kind; about one in sixty is 10 kB to 1 MB long. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 20 }), weight: 12 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 12 }), weight: 6 },
  { arbitrary: withInserted(loneSurrogate), weight: 3 },
  { arbitrary: withInserted(controlChar), weight: 3 },
  { arbitrary: fc.stringMatching(/^[ \t\n\r\u00a0\u2028]{1,6}$/), weight: 3 },
  { arbitrary: fc.constantFrom(...SPECIAL_STRINGS), weight: 18 },
  { arbitrary: hugeString, weight: 1 },
);

export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, USERS.alice.id),
);

export const anyBigInt: fc.Arbitrary<bigint> = fc.oneof(fc.bigInt(), fc.constantFrom(0n, 1n, -1n, BigInt(USERS.alice.id), 2n ** 64n));

const invalidDate = fc.constant(null).map(() => new Date(NaN));
const exotic: fc.Arbitrary<unknown> = fc.constantFrom('map', 'set', 'regexp', 'function', 'symbol', 'error', 'nullProto').map((kind) => {
  switch (kind) {
    case 'map': return new Map<unknown, unknown>([[1, 'one'], ['k', { v: 2 }]]);
    case 'set': return new Set([1, 'two']);
    case 'regexp': return /x+/g;
    case 'function': return () => 'called';
    case 'symbol': return Symbol('s');
    case 'error': return new Error('an error on the msg');
    default: return Object.assign(Object.create(null) as object, { a: 1 });
  }
});

export const anyLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anyString, weight: 8 },
  { arbitrary: anyNumber, weight: 4 },
  { arbitrary: anyBigInt, weight: 1 },
  { arbitrary: fc.boolean(), weight: 2 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: fc.oneof(fc.date(), invalidDate), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 32 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
  { arbitrary: exotic, weight: 1 },
);

/** Nested arrays and objects a few levels deep. */
export const anyNested: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: anyLeaf, weight: 3 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'id', 'name')), tie('value'), { maxKeys: 4 }), weight: 1 },
  ),
})).value;

/** One array or object inside another, thousands of levels down. */
export const veryDeep = fc.record({ depth: fc.integer({ min: 1_000, max: 20_000 }), shape: fc.constantFrom('array', 'object') }).map(({ depth, shape }) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = shape === 'array' ? [value] : { next: value };
  return value;
});

export const circular = fc.constantFrom('self', 'array').map((kind) => {
  if (kind === 'array') {
    const list: unknown[] = [1];
    list.push(list);
    return list;
  }
  const object: Record<string, unknown> = { name: 'loop' };
  object.self = object;
  return object;
});

/**
 * Any value but the very deep ones: those have a property of their own, run last, so that a crash they cause
 * (an unhandled rejection fails the rest of the run) does not hide what the other values find.
 */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anyLeaf, weight: 10 },
  { arbitrary: anyNested, weight: 4 },
  { arbitrary: circular, weight: 1 },
);

const userId = fc.oneof(
  fc.constantFrom(...HUMANS.map((u) => u.id)),
  fc.constantFrom(...HUMANS.map((u) => String(u.id)), ` ${USERS.alice.id} `, BigInt(USERS.bob.id), '0', '-5', 2 ** 53, '9007199254740993', 1.5),
  fc.integer({ min: 1 }),
);

const streamIdLike = fc.oneof(
  fc.constantFrom(DESK_ROOM_ID, DESK_ROOM_ID.replace(/_/g, '/').replace(/-/g, '+') + '==', ` ${DESK_ROOM_ID} `, '..', '.', ' ', 'a/b', '%2e%2e'),
  fc.stringMatching(/^[A-Za-z0-9_+/=-]{1,30}$/),
);

/** What a previous node may answer where a user field reads it: users, one user, a lookup answer (right or wrong). */
const userAnswer: fc.Arbitrary<unknown> = fc.oneof(
  userId.map((id) => ({ id, username: 'someone' })),
  fc.array(fc.oneof(userId.map((id) => ({ id })), userId, anyLeaf), { maxLength: 3 }),
  fc.array(fc.record({ id: fc.oneof(userId, anyLeaf) }), { maxLength: 3 }).map((users) => ({ users })),
  fc.constantFrom({ users: [] }, { users: 'x' }, { name: 'no id' }, { id: DESK_ROOM_ID }, { roomSystemInfo: { id: DESK_ROOM_ID } }),
);

/** What a previous node may answer where a stream field reads it: IM, room and stream answers (right or wrong). */
const streamAnswer: fc.Arbitrary<unknown> = fc.oneof(
  streamIdLike.map((id) => ({ id })),
  streamIdLike.map((id) => ({ roomAttributes: { name: 'Desk' }, roomSystemInfo: { id } })),
  streamIdLike.map((id) => ({ IMSystemInfo: { id } })),
  streamIdLike.map((id) => ({ streamId: id, streamType: 'IM' })),
  fc.constantFrom({ id: USERS.alice.id }, { roomSystemInfo: {} }, [{ id: DESK_ROOM_ID }], [], { users: [{ id: USERS.alice.id }] }),
);

const numberLike = fc.oneof(anyNumber, fc.integer({ min: -2, max: 600 }), fc.constantFrom('5', ' 5 ', '1e2', '', 'ten', '0x1f', '-0', '1.0'));

const json = fc.oneof(
  fc.object({ maxDepth: 2, maxKeys: 4 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
  fc.constantFrom('[1,', '{', '{"a":NaN}', '', ' ', 'null', '{"key":"k","value":"v"}', '[{"key":"k","value":"v"}]'),
);

const attachmentSource = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.record({ name: anyString, content: fc.oneof(fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)), anyString, anyLeaf) }),
  fc.record({ name: fc.constantFrom('report.pdf', 'a.png', '..', ''), content: fc.constant(Buffer.from('%PDF-1.4')), contentType: anyString }),
  fc.record({ path: fc.constantFrom('', ' ', '.', '..', 'no-such-file.txt', '/no/such/file') }),
  // Relative paths only: an absolute random path could name a device that never ends (/dev/zero).
  anyString.filter((s) => !s.trim().startsWith('/')),
);

/** Paths the generic API node may be given, dot segments in disguise among them. */
const apiPath = fc.constantFrom(
  '/pod/v2/sessioninfo', '/pod/./v2/sessioninfo', '/pod//v2/sessioninfo', '/pod/v1/%2e%2e/v2/sessioninfo',
  '/pod/v1/.%2E/v2/sessioninfo', '/login/%2e%2e/pod/v2/sessioninfo', '/agent/%2e%2e/pod/v2/sessioninfo', '/agent/v1/signals/list',
  '/pod/v2/sessioninfo/',
);
export const isApiPath = (param: ParamSpec): boolean => String(param.schema?.pattern ?? '').startsWith('^/(pod|agent|login)');

/** Values a field of this kind might plausibly be given, right or wrong. */
function plausible(param: ParamSpec): fc.Arbitrary<unknown> {
  switch (param.kind) {
    case 'id': return param.idOf === 'user' ? fc.oneof(userId, userAnswer) : userId;
    case 'id-list': {
      const ids = fc.oneof(fc.array(userId, { maxLength: 4 }), userId, fc.array(userId, { minLength: 1, maxLength: 3 }).map((list) => list.join(',')));
      return param.idOf === 'user' ? fc.oneof(ids, userAnswer) : ids;
    }
    case 'string-list': return fc.oneof(fc.array(anyString, { maxLength: 4 }), anyString, fc.array(streamIdLike, { minLength: 1, maxLength: 3 }));
    case 'stream-id': return param.idOf === 'stream' ? fc.oneof(streamIdLike, streamAnswer) : streamIdLike;
    case 'string':
      if (isApiPath(param)) return fc.oneof(apiPath, anyString);
      return param.schema?.enum ? fc.oneof(fc.constantFrom(...(param.schema.enum as string[])), anyString) : anyString;
    case 'number':
    case 'integer': return numberLike;
    case 'boolean': return fc.constantFrom(true, false, 'true', 'false', 'TRUE', 1, 0, 'yes', '');
    case 'enum': {
      const allowed = param.enum ?? [];
      return fc.oneof(fc.constantFrom(...allowed), fc.constantFrom(...allowed).map((v) => ` ${v.toLowerCase()} `), anyString);
    }
    case 'json': return json;
    case 'attachments': return fc.oneof(attachmentSource, fc.array(attachmentSource, { maxLength: 3 }));
  }
}

/** What a field, msg property or context value of this parameter is given in one run. */
export function fieldValue(param: ParamSpec): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: plausible(param), weight: 3 }, { arbitrary: anyValue, weight: 2 });
}

/** A user to act for: ids and usernames, real ones among them, right or wrong. */
export const oboUserValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom('alice', 'bob', USERS.alice.id, String(USERS.bob.id), BigInt(USERS.alice.id)), weight: 3 },
  { arbitrary: fc.constantFrom('.', '..', ' ', '', 'a/b', '%2e%2e', 'alice\n', '\ud800', ' alice '), weight: 2 },
  { arbitrary: anyValue, weight: 3 },
);

/** Values a field of this kind accepts (as far as the seeded pod goes), to let runs get past validation. */
export function goodValue(param: ParamSpec): fc.Arbitrary<unknown> {
  switch (param.kind) {
    case 'id': return param.idOf === 'user'
      ? fc.constantFrom(...HUMANS.map((u) => u.id), String(USERS.alice.id), { id: USERS.alice.id }, { users: [{ id: USERS.bob.id }] })
      : fc.constantFrom(...HUMANS.map((u) => u.id), String(USERS.alice.id));
    case 'id-list': return param.idOf === 'user'
      ? fc.constantFrom([USERS.alice.id], [USERS.alice.id, USERS.bob.id], String(USERS.bob.id), { users: [{ id: USERS.alice.id }] }, [{ id: USERS.bob.id }])
      : fc.constantFrom([USERS.alice.id], [USERS.alice.id, USERS.bob.id], String(USERS.bob.id));
    case 'string-list': return param.schema?.items ? fc.constantFrom(['ROOM'], ['IM', 'ROOM']) : fc.constantFrom(['alice'], 'alice,bob', [DESK_ROOM_ID]);
    case 'stream-id': return param.idOf === 'stream'
      ? fc.constantFrom(DESK_ROOM_ID, { id: DESK_ROOM_ID }, { roomSystemInfo: { id: DESK_ROOM_ID } })
      : fc.constant(DESK_ROOM_ID);
    case 'string': {
      const allowed = param.schema?.enum as string[] | undefined;
      if (isApiPath(param)) return fc.constant('/pod/v2/sessioninfo');
      return allowed ? fc.constantFrom(...allowed) : fc.oneof(fc.constantFrom('alice', 'hello', 'Desk', '#fx', 'a b'), fc.stringMatching(/^[a-z]{1,12}$/));
    }
    case 'number':
    case 'integer': return fc.integer({ min: 1, max: 50 });
    case 'boolean': return fc.boolean();
    case 'enum': return fc.constantFrom(...(param.enum ?? []));
    case 'json': return param.schema?.type === 'array' ? fc.constant([{ key: 'k', value: 'v' }]) : fc.constantFrom({}, { note: 'x' });
    case 'attachments': return fc.constant([{ name: 'note.txt', content: Buffer.from('hello') }]);
  }
}
