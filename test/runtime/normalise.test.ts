import assert from 'node:assert/strict';
import path from 'node:path';
import fc from 'fast-check';
import { catalogue } from '../../nodes/catalogue/index';
import type { ParamSpec } from '../../nodes/catalogue/types';
import { normalise, normaliseId, toUrlSafeStreamId } from '../../nodes/runtime/operations/normalise';

const param = (kind: ParamSpec['kind'], extra: Partial<ParamSpec> = {}): ParamSpec => ({ name: 'x', in: 'query', kind, types: ['str'], ...extra });

describe('input normalisation', function () {
  it('keeps user ids exact up to 2^53-1, as numbers or digit strings', function () {
    assert.deepEqual(normaliseId(13287555072101), { ok: true, value: 13287555072101 });
    assert.deepEqual(normaliseId('9007199254740991'), { ok: true, value: 9007199254740991 });
    assert.deepEqual(normaliseId(' 42 '), { ok: true, value: 42 });
  });

  it('refuses ids it would round, rather than rounding them', function () {
    const tooBig = normaliseId('9007199254740993');
    assert.equal(tooBig.ok, false);
    assert.match((tooBig as { error: string }).error, /larger than 2\^53-1/);
    assert.equal(normaliseId(2 ** 53 + 2).ok, false);
    assert.equal(normaliseId(12.5).ok, false);
    assert.equal(normaliseId('12a').ok, false);
    assert.equal(normaliseId({ id: 1 }).ok, false);
  });

  it('reads id lists from arrays and comma separated text, naming the bad item', function () {
    assert.deepEqual(normalise(param('id-list'), '1, 2,3'), { ok: true, value: [1, 2, 3] });
    assert.deepEqual(normalise(param('id-list'), [1, '2']), { ok: true, value: [1, 2] });
    assert.deepEqual(normalise(param('id-list'), 7), { ok: true, value: [7] });
    const bad = normalise(param('id-list'), [1, 'x']);
    assert.equal(bad.ok, false);
    assert.match((bad as { error: string }).error, /^item 1:/);
    assert.equal(normalise(param('id-list'), []).ok, false);
  });

  it('judges a JSON field as JSON would send it: a Date (valid or not) is not an object', function () {
    const json: ParamSpec = { name: 'filters', in: 'body', kind: 'json', types: ['json'] };
    for (const value of [new Date(0), new Date(Number.NaN)]) {
      const result = normalise(json, value);
      assert.equal(result.ok, false, String(value));
    }
    const withToJSON = { toJSON: () => ({ title: 'Trader' }) };
    assert.deepEqual(normalise(json, withToJSON), { ok: true, value: { title: 'Trader' } });
    assert.deepEqual(normalise(json, { title: 'Trader' }), { ok: true, value: { title: 'Trader' } });
  });

  it('turns standard base64 stream ids URL-safe', function () {
    assert.equal(toUrlSafeStreamId('ab+cd/ef=='), 'ab-cd_ef');
    assert.deepEqual(normalise(param('stream-id'), 'xhGx/TcvTDK6+IMM=='), { ok: true, value: 'xhGx_TcvTDK6-IMM' });
  });

  it('accepts enum values in any case and booleans as text', function () {
    assert.deepEqual(normalise(param('enum', { enum: ['AWAY', 'BUSY'] }), 'away'), { ok: true, value: 'AWAY' });
    assert.equal(normalise(param('enum', { enum: ['AWAY', 'BUSY'] }), 'napping').ok, false);
    assert.deepEqual(normalise(param('boolean'), 'true'), { ok: true, value: true });
    assert.equal(normalise(param('boolean'), 'yes').ok, false);
  });

  it('turns an enum value given in any case into the catalogue\'s spelling, lower case ones included', function () {
    assert.deepEqual(normalise(param('enum', { enum: ['hot', 'warm', 'all'] }), ' HOT '), { ok: true, value: 'hot' });
    assert.deepEqual(normalise(param('enum', { enum: ['PENDING_INCOMING', 'ALL'] }), 'pending_incoming'), { ok: true, value: 'PENDING_INCOMING' });
    const list = param('string-list', { schema: { items: { enum: ['IM', 'ROOM'] } } });
    assert.deepEqual(normalise(list, 'room, Im'), { ok: true, value: ['ROOM', 'IM'] });
    // An item that names no allowed value is kept as given, for the schema to refuse naming it.
    assert.deepEqual(normalise(list, 'room,chat'), { ok: true, value: ['ROOM', 'chat'] });
  });

  it('every enum value of every node, in any mix of case and with spaces around, becomes the catalogue value', function () {
    const enums = catalogue.flatMap((op) => op.params.filter((p) => p.kind === 'enum').map((p) => ({ param: p, values: p.enum ?? [] })));
    assert.ok(enums.length > 5);
    fc.assert(fc.property(
      fc.constantFrom(...enums).chain(({ param: p, values }) => fc.tuple(fc.constant(p), fc.constantFrom(...values), fc.infiniteStream(fc.boolean()))),
      fc.constantFrom('', ' ', '\t'),
      ([p, value, flips], pad) => {
        const recased = [...value].map((c) => (flips.next().value ? c.toUpperCase() : c.toLowerCase())).join('');
        assert.deepEqual(normalise(p, `${pad}${recased}${pad}`), { ok: true, value });
      },
    ));
  });

  it('takes attachments as Buffers with names', function () {
    const result = normalise(param('attachments'), { name: 'a.txt', content: Buffer.from('hi') });
    assert.equal(result.ok, true);
    assert.equal(normalise(param('attachments'), { content: Buffer.from('hi') }).ok, false);
  });

  it('refuses a file name a pod would refuse in the part header (a control character), saying where it is', function () {
    for (const name of ['a\u0007.txt', 'two\nlines.txt', 'tab\t.txt', 'c1\u0085.txt']) {
      const given = normalise(param('attachments'), { name, content: Buffer.from('hi') });
      assert.equal(given.ok, false, JSON.stringify(name));
      assert.match((given as { error: string }).error, /control character at character \d+/);
      assert.equal(normalise(param('attachments'), { name, path: '/data/r.pdf' }).ok, false, JSON.stringify(name));
    }
    assert.equal(normalise(param('attachments'), { name: 'Q3 report (final) é.pdf', content: Buffer.from('hi') }).ok, true);
  });

  it('takes attachments as file paths (plain or { path, name }) and bare Buffers, to be named or read later', function () {
    assert.deepEqual(normalise(param('attachments'), '/data/report.pdf'), { ok: true, value: [{ name: 'report.pdf', path: '/data/report.pdf' }] });
    assert.deepEqual(normalise(param('attachments'), [{ path: '/data/r.pdf', name: 'Q3 report.pdf' }]), { ok: true, value: [{ name: 'Q3 report.pdf', path: '/data/r.pdf' }] });
    assert.deepEqual(normalise(param('attachments'), Buffer.from('x')), { ok: true, value: [{ content: Buffer.from('x') }] });
    const relative = normalise(param('attachments'), 'notes.txt') as { ok: true; value: Array<{ path: string }> };
    assert.equal(relative.value[0]!.path, path.resolve('notes.txt'));
    assert.equal(normalise(param('attachments'), '  ').ok, false);
    assert.equal(normalise(param('attachments'), [42]).ok, false);
  });
});

describe('user and stream fields take the previous node\'s answer', function () {
  const users = param('id-list', { idOf: 'user' });
  const user = param('id', { idOf: 'user' });
  const stream = param('stream-id', { idOf: 'stream' });
  const message = param('stream-id', { idOf: 'message' });
  const error = (result: ReturnType<typeof normalise>): string => (result.ok ? assert.fail(`accepted: ${JSON.stringify(result.value)}`) : result.error);

  it('reads user ids from a lookup answer, users, one user, and ids mixed with users', function () {
    assert.deepEqual(normalise(users, { users: [{ id: 11, username: 'alice' }, { id: '12' }] }), { ok: true, value: [11, 12] });
    assert.deepEqual(normalise(users, [{ id: 11 }, 12, '13']), { ok: true, value: [11, 12, 13] });
    assert.deepEqual(normalise(users, { id: 11, displayName: 'Alice' }), { ok: true, value: [11] });
    assert.deepEqual(normalise(users, '11, 12'), { ok: true, value: [11, 12] });
    assert.deepEqual(normalise(user, { users: [{ id: 11 }] }), { ok: true, value: 11 });
    assert.deepEqual(normalise(user, [{ id: 11 }]), { ok: true, value: 11 });
    assert.deepEqual(normalise(user, { id: 11 }), { ok: true, value: 11 });
  });

  it('says there is nobody to act on for an empty list or a lookup that found no one', function () {
    assert.match(error(normalise(users, { users: [] })), /^nobody to act on: the answer lists no users/);
    assert.match(error(normalise(users, [])), /^nobody to act on: the list of users is empty/);
    assert.match(error(normalise(users, ' , ')), /^nobody to act on/);
    assert.match(error(normalise(user, { users: [] })), /^nobody to act on/);
  });

  it('refuses what names no user, or more users than a one-user field takes, in words', function () {
    assert.match(error(normalise(users, { name: 'x' })), /^must be user ids .*got an object without users or id$/);
    assert.match(error(normalise(users, { id: 'xhGxbTcvTDK6EIMMrwdOrX___quztr2HdA' })), /^the user's id must be a numeric id, got "xhGx/);
    assert.match(error(normalise(users, [{ id: 11 }, { name: 'x' }])), /^item 1: must be a numeric id, got an object$/);
    assert.equal(error(normalise(user, { users: [{ id: 11 }, { id: 12 }] })), 'takes one user, got 2');
    assert.equal(error(normalise(user, [11, 12])), 'takes one user, got 2');
    assert.match(error(normalise(user, '11,12')), /must be a numeric id/);
  });

  it('takes users only in user fields: a list of plain ids stays a list of ids elsewhere', function () {
    assert.equal(normalise(param('id-list'), { users: [{ id: 11 }] }).ok, false);
    assert.equal(normalise(param('id'), { id: 11 }).ok, false);
  });

  it('reads a stream id from IM, room and stream answers', function () {
    assert.deepEqual(normalise(stream, { id: 'xhGx/TcvTDK6+IMM==' }), { ok: true, value: 'xhGx_TcvTDK6-IMM' });
    assert.deepEqual(normalise(stream, { roomAttributes: { name: 'x' }, roomSystemInfo: { id: 'room_1' } }), { ok: true, value: 'room_1' });
    assert.deepEqual(normalise(stream, { V1IMAttributes: {}, IMSystemInfo: { id: 'im_1' } }), { ok: true, value: 'im_1' });
    assert.deepEqual(normalise(stream, { streamId: 'st_1', streamType: 'IM' }), { ok: true, value: 'st_1' });
    assert.deepEqual(normalise(stream, ' st_2\n'), { ok: true, value: 'st_2' });
  });

  it('refuses what names no stream, a list of streams, and stream answers in message id fields', function () {
    assert.match(error(normalise(stream, { id: 12345, username: 'alice' })), /^must be a stream id, or an object carrying one .*got an object without a stream id$/);
    assert.equal(error(normalise(stream, [{ id: 'a' }, { id: 'b' }])), 'takes one stream, got a list of 2');
    assert.match(error(normalise(message, { id: 'msg_1' })), /^must be a non-empty string, got an object$/);
  });
});
