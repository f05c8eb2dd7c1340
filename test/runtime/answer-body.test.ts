import assert from 'node:assert/strict';
import { readByContentType } from '../../nodes/runtime/http/answer-body';

const answerByContentType = (body: Buffer, contentType: string | undefined): unknown => readByContentType(200, body, contentType).data;

/** How the generic API node reads an answer whose media type it could not know in advance. */
describe('answers read by their Content-Type', function () {
  it('JSON (and +json) parsed, text as a string, a file as its bytes', function () {
    assert.deepEqual(answerByContentType(Buffer.from('{"a":1}'), 'application/json; charset=utf-8'), { a: 1 });
    assert.deepEqual(answerByContentType(Buffer.from('{"title":"x"}'), 'application/problem+json'), { title: 'x' });
    assert.equal(answerByContentType(Buffer.from('<p>é</p>'), 'text/html; charset=utf-8'), '<p>é</p>');
    const file = Buffer.from([0, 255, 1]);
    assert.deepEqual(answerByContentType(file, 'application/octet-stream'), file);
    assert.deepEqual(answerByContentType(Buffer.from('{"a":1}'), 'image/png'), Buffer.from('{"a":1}'));
  });

  it('an untyped answer is JSON when it parses, else its text; an empty one is ""', function () {
    assert.deepEqual(answerByContentType(Buffer.from('[1,2]'), undefined), [1, 2]);
    assert.equal(answerByContentType(Buffer.from('plain'), undefined), 'plain');
    assert.equal(answerByContentType(Buffer.alloc(0), 'application/json'), '');
  });

  it('a 2xx answer that says it is JSON but is not cannot be read; an error answer keeps its text', function () {
    const page = Buffer.from('<html>proxy</html>');
    assert.deepEqual(readByContentType(200, page, 'application/json'), { readable: false, data: '<html>proxy</html>', excerpt: '<html>proxy</html>' });
    assert.deepEqual(readByContentType(502, page, 'application/json'), { readable: true, data: '<html>proxy</html>' });
  });
});
