/**
 * The multipart bodies the nodes send (message send, uploads, the generic node's multipart) against two oracles
 * the package does not share: the platform's own FormData encoding (Node's fetch implementation of the WHATWG
 * rules), byte for byte apart from the boundary, and busboy reading the parts back. Random field names, texts
 * (any code points, line breaks of every kind, quotes) and files (any bytes, sizes, names and types).
 *
 * PROPERTY_SEED replays a run (the seed is printed with a failure).
 */
import assert from 'node:assert/strict';
import busboy from 'busboy';
import fc from 'fast-check';
import { MultipartBody, type FilePart } from '../../nodes/runtime/http/multipart';

const SEED = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));

type Part = { field: string; text: string } | { field: string; file: FilePart };

/** Text with what a multipart encoder must take care of: line breaks, quotes, dashes, any code point. */
const tricky = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom('\r', '\n', '\r\n', '"', '--', 'a', 'é', '😀', '\u0000', ' '), { maxLength: 12 }).map((bits) => bits.join('')),
);
/** Media types as a Blob keeps them (lowercase printable ASCII), so the platform's encoding is comparable. */
const mediaType = fc.oneof(
  fc.constantFrom('application/octet-stream', 'text/plain', 'image/png', 'application/pdf', 'text/csv; charset=utf-8'),
  fc.tuple(fc.stringMatching(/^[a-z]{1,10}$/), fc.stringMatching(/^[a-z0-9.+-]{1,12}$/)).map(([type, sub]) => `${type}/${sub}`),
);
const filePart = fc.record({
  name: tricky.filter((name) => name !== ''),
  content: fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ minLength: 20_000, maxLength: 70_000 })).map((bytes) => Buffer.from(bytes)),
  contentType: mediaType,
});
const part: fc.Arbitrary<Part> = fc.oneof(
  fc.record({ field: tricky, text: tricky }),
  fc.record({ field: tricky, file: filePart }),
);
const parts = fc.array(part, { maxLength: 6 });
/**
 * Names a strict reader takes: busboy, like HTTP, refuses a part header with control characters (the platform's
 * FormData sends them as they are too), apart from CR and LF, which the encoding percent-encodes.
 */
const readableName = tricky.filter((name) => !/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(name));
const readableParts = fc.array(fc.oneof(
  fc.record({ field: readableName, text: tricky }),
  fc.record({ field: readableName, file: fc.record({ name: readableName.filter((name) => name !== ''), content: filePart.map((f) => f.content), contentType: mediaType }) }),
), { maxLength: 6 });

function bodyOf(list: readonly Part[]): MultipartBody {
  const body = new MultipartBody();
  for (const p of list) {
    if ('text' in p) body.text(p.field, p.text);
    else body.file(p.field, p.file);
  }
  return body;
}

/** The same parts through the platform's FormData, as a fetch would send them. */
async function platformEncoding(list: readonly Part[]): Promise<{ bytes: Buffer; boundary: string }> {
  const form = new FormData();
  for (const p of list) {
    if ('text' in p) form.append(p.field, p.text);
    else form.append(p.field, new Blob([p.file.content], { type: p.file.contentType }), p.file.name);
  }
  const request = new Request('http://127.0.0.1/', { method: 'POST', body: form });
  const boundary = /boundary=(.+)$/.exec(request.headers.get('content-type') ?? '')?.[1];
  assert.ok(boundary, 'the platform names its boundary');
  return { bytes: Buffer.from(await request.arrayBuffer()), boundary };
}

interface ReadPart { field: string; text?: string; file?: { name: string; content: Buffer; contentType: string } }

/** The parts as busboy reads them from the body. */
function readBack(bytes: Buffer, contentType: string): Promise<ReadPart[]> {
  return new Promise((resolve, reject) => {
    const read: Array<ReadPart | Promise<ReadPart>> = [];
    const parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { fieldSize: Infinity } });
    // busboy reads an empty name (name="") as no name.
    parser.on('field', (field, text) => read.push({ field: field ?? '', text }));
    parser.on('file', (field, stream, info) => {
      read.push(new Promise<ReadPart>((done, fail) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', fail);
        stream.on('end', () => done({ field: field ?? '', file: { name: info.filename ?? '', content: Buffer.concat(chunks), contentType: info.mimeType } }));
      }));
    });
    parser.on('error', reject);
    parser.on('close', () => { Promise.all(read).then(resolve, reject); });
    parser.end(bytes);
  });
}

/** What a reader is to get back: text as UTF-8 makes it (lone surrogates replaced), line breaks as CRLF. */
const asSent = (text: string): string => Buffer.from(text).toString().replace(/\r\n|\r|\n/g, '\r\n');
/** A name inside quotes: CR, LF and the quote percent-encoded. */
const quotedName = (name: string): string => Buffer.from(name).toString().replace(/[\r\n"]/g, (ch) => encodeURIComponent(ch));

describe('multipart bodies', function () {
  this.timeout(120_000);

  it('are byte for byte what the platform FormData sends, apart from the boundary', async function () {
    await fc.assert(fc.asyncProperty(parts, async (list) => {
      const ours = bodyOf(list).encode();
      const platform = await platformEncoding(list);
      const boundary = /boundary=(.+)$/.exec(ours.contentType)?.[1];
      assert.ok(boundary);
      assert.equal(ours.contentType, `multipart/form-data; boundary=${boundary}`);
      const expected = platform.bytes.toString('latin1').split(platform.boundary).join(boundary);
      assert.equal(ours.bytes.toString('latin1'), expected);
    }), { seed: SEED, numRuns: 150 });
  });

  it('read back by busboy part for part, in order', async function () {
    await fc.assert(fc.asyncProperty(readableParts, async (list) => {
      const { bytes, contentType } = bodyOf(list).encode();
      const read = await readBack(bytes, contentType);
      assert.deepEqual(read, list.map((p): ReadPart => ('text' in p
        ? { field: quotedName(asSent(p.field)), text: asSent(p.text) }
        // busboy gives the media type without its parameters.
        : { field: quotedName(asSent(p.field)), file: { name: quotedName(p.file.name), content: p.file.content, contentType: p.file.contentType.split(';')[0]! } })));
    }), { seed: SEED, numRuns: 150 });
  });

  it('has a boundary of its own per body, kept however often the body is sent', function () {
    const body = new MultipartBody().text('message', '<messageML>hi</messageML>');
    const first = body.encode();
    assert.equal(body.encode(), first);
    assert.notEqual(new MultipartBody().text('message', '<messageML>hi</messageML>').encode().contentType, first.contentType);
    assert.match(first.contentType, /^multipart\/form-data; boundary=[0-9a-z-]{1,70}$/);
  });

  it('a part added after encoding is in the next encoding', function () {
    const body = new MultipartBody().text('message', 'a');
    body.encode();
    body.text('data', '{}');
    // Both parts, in the order added.
    assert.match(body.encode().bytes.toString(), /name="message"\r\n\r\na\r\n--[^\r]+\r\nContent-Disposition: form-data; name="data"\r\n\r\n\{\}\r\n/);
  });
});
