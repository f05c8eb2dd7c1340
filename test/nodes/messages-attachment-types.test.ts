import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useSimulator } from '../helpers/flow';
import { expectCaught, expectOut, runNode } from '../helpers/signals-flow';
import { DESK_ROOM_ID } from '../helpers/simulator';
import { startRecordingProxy, type Exchange, type RecordingProxy } from '../conformance/recording-proxy';

/** One part of a multipart body as it went over the wire. */
interface Part {
  name: string;
  filename?: string;
  contentType?: string;
}

function partsOf(exchange: Exchange): Part[] {
  const boundary = /boundary=([^;]+)/.exec(String(exchange.headers['content-type']))?.[1];
  assert.ok(boundary, 'a multipart body with a boundary');
  return exchange.body.toString('latin1').split(`--${boundary}`).slice(1, -1).map((raw) => {
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    const part: Part = { name: /name="([^"]*)"/.exec(head)?.[1] ?? '' };
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    const contentType = /^content-type:\s*(.+)$/im.exec(head)?.[1];
    if (filename !== undefined) part.filename = filename;
    if (contentType !== undefined) part.contentType = contentType.trim();
    return part;
  });
}

/** Expected types are written out here, not looked up: the test does not share the code's MIME table. */
describe('message nodes: each attachment and preview part has its media type', function () {
  const sim = useSimulator();
  let proxy: RecordingProxy;
  let dir: string;

  before(async function () {
    proxy = await startRecordingProxy(sim().url);
    dir = await mkdtemp(path.join(tmpdir(), 'symphony-types-'));
    await writeFile(path.join(dir, 'rates.json'), '{"EURUSD":1.08}');
    await writeFile(path.join(dir, 'minutes.docx'), 'not really a document');
  });
  after(async function () {
    await proxy?.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(function () {
    proxy.exchanges.length = 0;
  });

  const run = (type: string, msg: Record<string, unknown>): ReturnType<typeof runNode> => runNode(sim(), type, {}, msg, { config: { podUrl: proxy.url } });

  function fileParts(): Part[] {
    const sent = proxy.exchanges.filter((e) => e.method === 'POST' && /\/(message\/create|message\/blast|update)$/.test(e.path));
    assert.equal(sent.length, 1, 'one message request');
    return partsOf(sent[0]!).filter((part) => part.filename !== undefined);
  }

  it('by file name, Buffers and files from disk alike; application/octet-stream when the name says nothing', async function () {
    await expectOut(run('symphony-message-send', {
      streamId: DESK_ROOM_ID, message: 'files',
      attachments: [
        { name: 'report.pdf', content: Buffer.from('%PDF-1.4') },
        { name: 'Chart.PNG', content: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
        { name: 'prices.csv', content: 'pair,bid' },
        { name: 'README', content: 'no extension' },
        path.join(dir, 'rates.json'),
        { path: path.join(dir, 'minutes.docx') },
      ],
      previews: [Buffer.from([0xff, 0xd8, 0xff, 0xe0]), { name: 'thumb.gif', content: Buffer.from('GIF89a') }],
    }));
    assert.deepEqual(fileParts().map((p) => [p.name, p.filename, p.contentType]), [
      ['attachment', 'report.pdf', 'application/pdf'],
      ['attachment', 'Chart.PNG', 'image/png'],
      ['attachment', 'prices.csv', 'text/csv'],
      ['attachment', 'README', 'application/octet-stream'],
      ['attachment', 'rates.json', 'application/json'],
      ['attachment', 'minutes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['preview', 'preview-1.jpg', 'image/jpeg'],
      ['preview', 'thumb.gif', 'image/gif'],
    ]);
  });

  it('msg chooses another type with contentType on the attachment object, for blast and update too', async function () {
    const blasted = await expectOut(run('symphony-message-blast', {
      streamIds: [DESK_ROOM_ID], message: 'typed',
      attachments: [{ name: 'export.dat', content: 'a;b', contentType: 'text/csv' }, { path: path.join(dir, 'rates.json'), contentType: 'text/plain; charset=utf-8' }],
    }));
    assert.deepEqual(fileParts().map((p) => p.contentType), ['text/csv', 'text/plain; charset=utf-8']);
    proxy.exchanges.length = 0;
    const messageId = ((blasted.payload as { messages: Array<{ messageId: string }> }).messages[0]!).messageId;
    await expectOut(run('symphony-message-update', {
      streamId: DESK_ROOM_ID, messageId, message: 'typed again', attachments: { name: 'notes.txt', content: 'x', contentType: 'application/x-notes' },
    }));
    assert.deepEqual(fileParts().map((p) => p.contentType), ['application/x-notes']);
  });

  it('a contentType that is not a media type is refused naming the field, before any request', async function () {
    const caught = await expectCaught(run('symphony-message-send', {
      streamId: DESK_ROOM_ID, message: 'bad', attachments: { name: 'a.txt', content: 'a', contentType: 'text/plain\r\nX-Injected: 1' },
    }));
    assert.equal(caught.error?.cause?.field, 'attachments');
    assert.equal(proxy.exchanges.filter((e) => e.path.endsWith('/message/create')).length, 0);
  });
});
