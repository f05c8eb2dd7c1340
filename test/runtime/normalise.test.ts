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
