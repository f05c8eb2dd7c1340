import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { V4MessageJson } from '../../simulator/api/views';
import { CONFIG_ID, configNode, loadFlow, nextMessage, send, useSimulator } from '../helpers/flow';
import { fields, newRoom, sendMessage } from '../helpers/messages-flow';
import { asUser, expectCaught, expectOut, runNode } from '../helpers/signals-flow';
import { DESK_ROOM_ID, USERS } from '../helpers/simulator';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(32)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(32)]);
const ATTACHMENTS = { attachments: 'attachments', attachmentsType: 'msg' };
const WITH_PREVIEWS = { ...ATTACHMENTS, previews: 'previews', previewsType: 'msg' };

describe('message nodes: attachments from Buffers and files, previews, download', function () {
  const sim = useSimulator();
  let dir: string;
  let reportPath: string;
  let chartPath: string;
  const report = randomBytes(4096);
  const chart = Buffer.from('pair,bid\nEURUSD,1.0805\n');

  before(async function () {
    dir = await mkdtemp(path.join(tmpdir(), 'symphony-attachments-'));
    reportPath = path.join(dir, 'report.pdf');
    chartPath = path.join(dir, 'chart.csv');
    await writeFile(reportPath, report);
    await writeFile(chartPath, chart);
  });
  after(async function () {
    await rm(dir, { recursive: true, force: true });
  });

  /** Downloads one attachment of a sent message with the download node. */
  async function download(message: V4MessageJson, fileId: string): Promise<Buffer> {
    const msg = await expectOut(runNode(sim(), 'symphony-attachment-download', {}, { streamId: message.stream.streamId, messageId: message.messageId, fileId }));
    assert.ok(Buffer.isBuffer(msg.payload), 'the file comes out as a Buffer');
    return msg.payload as Buffer;
  }

  it('round trip in one flow: send a file, download it with the attachment object: the very same bytes', async function () {
    const original = randomBytes(70_000);
    await loadFlow([
      configNode(sim()),
      { id: 'send', type: 'symphony-message-send', config: CONFIG_ID, message: 'payload', messageType: 'msg', ...ATTACHMENTS, streamId: DESK_ROOM_ID, streamIdType: 'str', outputProperty: 'sent', wires: [['download']] },
      {
        id: 'download', type: 'symphony-attachment-download', config: CONFIG_ID, streamId: 'sent.stream.streamId', streamIdType: 'msg',
        messageId: 'sent.messageId', messageIdType: 'msg', attachment: 'sent.attachments[0]', attachmentType: 'msg', wires: [['out']],
      },
      { id: 'out', type: 'helper' },
    ]);
    const done = nextMessage('out');
    send('send', { payload: 'The numbers', attachments: [{ name: 'numbers.bin', content: original }], topic: 'kept' });
    const msg = await done;
    assert.ok(Buffer.isBuffer(msg.payload));
    assert.ok(original.equals(msg.payload as Buffer), 'identical Buffer');
    assert.equal(msg.filename, 'numbers.bin', 'the file name, for a file-out node');
    assert.equal(msg.topic, 'kept');
    assert.equal((msg.sent as V4MessageJson).attachments[0]!.name, 'numbers.bin');
  });

  it('several Buffers per message, each with its name, each downloadable by file id', async function () {
    const a = randomBytes(10);
    const b = Buffer.from('second file');
    const sent = await sendMessage(sim(), DESK_ROOM_ID, 'two files', ATTACHMENTS, { attachments: [{ name: 'a.bin', content: a }, { name: 'b.txt', content: b }] });
    assert.deepEqual(sent.attachments.map((x) => [x.name, x.size]), [['a.bin', 10], ['b.txt', b.length]]);
    assert.ok(a.equals(await download(sent, sent.attachments[0]!.id)));
    assert.ok(b.equals(await download(sent, sent.attachments[1]!.id)));
  });

  it('files from disk: a plain path and { path, name }, read when the msg arrives', async function () {
    const sent = await sendMessage(sim(), DESK_ROOM_ID, 'from disk', ATTACHMENTS, { attachments: [reportPath, { path: chartPath, name: 'EURUSD chart.csv' }] });
    assert.deepEqual(sent.attachments.map((x) => x.name), ['report.pdf', 'EURUSD chart.csv']);
    assert.ok(report.equals(await download(sent, sent.attachments[0]!.id)));
    assert.ok(chart.equals(await download(sent, sent.attachments[1]!.id)));
  });

  it('a file that cannot be read is named at Catch, and nothing is sent', async function () {
    const missing = path.join(dir, 'nope.pdf');
    const caught = await expectCaught(runNode(sim(), 'symphony-message-send', { message: 'payload', messageType: 'msg', ...ATTACHMENTS }, {
      streamId: DESK_ROOM_ID, payload: 'x', attachments: [reportPath, missing],
    }));
    assert.equal(caught.error!.message, `attachments: cannot read ${missing}: no such file`);
    assert.equal(caught.error!.cause!.field, 'attachments');
    const folder = await expectCaught(runNode(sim(), 'symphony-message-send', { message: 'payload', messageType: 'msg', ...ATTACHMENTS }, {
      streamId: DESK_ROOM_ID, payload: 'x', attachments: { path: dir },
    }));
    assert.equal(folder.error!.message, `attachments: cannot read ${dir}: it is a folder, not a file`);
    assert.equal(sim().count('POST', '/agent/v4/stream/*'), 0);
  });

  it('a Buffer without a file name is refused before any request', async function () {
    const caught = await expectCaught(runNode(sim(), 'symphony-message-send', { message: 'payload', messageType: 'msg', ...ATTACHMENTS }, {
      streamId: DESK_ROOM_ID, payload: 'x', attachments: [Buffer.from('anonymous')],
    }));
    assert.equal(caught.error!.message, 'attachments: item 0: a Buffer needs a file name: pass { name, content }');
    assert.equal(sim().count('POST', '/agent/v4/stream/*'), 0);
  });

  it('previews go with the attachments by position, as Buffers or paths; the simulator keeps and serves them', async function () {
    const previewPath = path.join(dir, 'preview.jpg');
    await writeFile(previewPath, JPEG);
    const sent = await sendMessage(sim(), DESK_ROOM_ID, 'with previews', WITH_PREVIEWS, {
      attachments: [reportPath, { name: 'chart.csv', content: chart }], previews: [PNG, previewPath],
    });
    const [first, second] = sent.attachments as Array<V4MessageJson['attachments'][number]>;
    assert.equal(first!.images.length, 1);
    assert.equal(second!.images.length, 1);
    const stored = sim().state.messages.get(DESK_ROOM_ID)!.find((m) => m.messageId === sent.messageId)!;
    assert.ok(stored.attachments[0]!.previewContent?.equals(PNG));
    assert.ok(stored.attachments[1]!.previewContent?.equals(JPEG));
    assert.ok(PNG.equals(await download(sent, first!.images[0]!.id!)), 'a preview downloads by its image id');
    assert.ok(report.equals(await download(sent, first!.id)));
  });

  it('fewer previews than attachments is fine; more is refused naming previews', async function () {
    const one = await sendMessage(sim(), DESK_ROOM_ID, 'one preview', WITH_PREVIEWS, { attachments: [reportPath, chartPath], previews: PNG });
    assert.deepEqual(one.attachments.map((a) => a.images.length), [1, 0]);
    const caught = await expectCaught(runNode(sim(), 'symphony-message-send', { message: 'payload', messageType: 'msg', ...WITH_PREVIEWS }, {
      streamId: DESK_ROOM_ID, payload: 'x', attachments: [reportPath], previews: [PNG, JPEG],
    }));
    assert.equal(caught.error!.cause!.field, 'previews');
    assert.match(caught.error!.message, /^previews: has 2 preview\(s\) for 1 attachment\(s\)/);
  });

  it('blast and update take file paths and previews too', async function () {
    const room = await newRoom(sim(), 'Files');
    const blast = await expectOut(runNode(sim(), 'symphony-message-blast', { message: 'payload', messageType: 'msg', ...WITH_PREVIEWS }, {
      streamIds: [DESK_ROOM_ID, room], payload: 'report for all', attachments: reportPath, previews: PNG,
    }));
    const messages = (blast.payload as { messages: V4MessageJson[] }).messages;
    assert.equal(messages.length, 2);
    for (const message of messages) {
      assert.deepEqual(message.attachments.map((a) => [a.name, a.images.length]), [['report.pdf', 1]]);
      assert.ok(report.equals(await download(message, message.attachments[0]!.id)));
    }
    const updated = await expectOut(runNode(sim(), 'symphony-message-update', { message: 'payload', messageType: 'msg', ...ATTACHMENTS }, {
      streamId: room, messageId: messages[1]!.messageId, payload: 'chart instead', attachments: { path: chartPath },
    }));
    const replaced = updated.payload as V4MessageJson;
    assert.deepEqual(replaced.attachments.map((a) => a.name), ['chart.csv']);
    assert.ok(chart.equals(await download(replaced, replaced.attachments[0]!.id)));
  });

  it('an empty file downloads as an empty Buffer', async function () {
    const sent = await sendMessage(sim(), DESK_ROOM_ID, 'empty', ATTACHMENTS, { attachments: { name: 'empty.txt', content: Buffer.alloc(0) } });
    const content = await download(sent, sent.attachments[0]!.id);
    assert.equal(content.length, 0);
  });

  describe('download attachment: failures', function () {
    let sent: V4MessageJson;
    before(async function () {
      sent = await sendMessage(sim(), DESK_ROOM_ID, 'for failures', ATTACHMENTS, { attachments: { name: 'f.txt', content: 'f' } });
    });

    it('an unknown file id or message id is a 400 with Symphony\'s message', async function () {
      const file = await expectCaught(runNode(sim(), 'symphony-attachment-download', fields({ fileId: 'noSuchFile' }), { streamId: DESK_ROOM_ID, messageId: sent.messageId }));
      assert.equal(file.error!.cause!.status, 400);
      assert.match(file.error!.message, new RegExp(`Attachment noSuchFile not found in message ${sent.messageId}`));
      const message = await expectCaught(runNode(sim(), 'symphony-attachment-download', fields({ fileId: sent.attachments[0]!.id }), { streamId: DESK_ROOM_ID, messageId: 'noSuchMessage' }));
      assert.equal(message.error!.cause!.status, 400);
      assert.match(message.error!.message, /Message noSuchMessage not found in stream/);
    });

    it('a conversation the bot is not in is a 403', async function () {
      const im = await expectOut(runNode(sim(), 'symphony-im-create', asUser('alice'), { userIds: [USERS.bob.id] }));
      const imId = (im.payload as { id: string }).id;
      const theirs = await sendMessage(sim(), imId, 'private file', { ...asUser('alice'), ...ATTACHMENTS }, { attachments: { name: 'p.txt', content: 'p' } });
      const caught = await expectCaught(runNode(sim(), 'symphony-attachment-download', {}, { streamId: imId, messageId: theirs.messageId, attachment: theirs.attachments[0] }));
      assert.equal(caught.error!.cause!.status, 403);
    });

    it('neither or both of file id and attachment, or an attachment without id: named before any request', async function () {
      const neither = await expectCaught(runNode(sim(), 'symphony-attachment-download', {}, { streamId: DESK_ROOM_ID, messageId: sent.messageId }));
      assert.equal(neither.error!.cause!.field, 'fileId|attachment');
      const both = await expectCaught(runNode(sim(), 'symphony-attachment-download', {}, {
        streamId: DESK_ROOM_ID, messageId: sent.messageId, fileId: 'x', attachment: sent.attachments[0],
      }));
      assert.equal(both.error!.cause!.field, 'fileId|attachment');
      const noId = await expectCaught(runNode(sim(), 'symphony-attachment-download', {}, { streamId: DESK_ROOM_ID, messageId: sent.messageId, attachment: { name: 'f.txt' } }));
      assert.equal(noId.error!.cause!.field, 'attachment');
      const noMessage = await expectCaught(runNode(sim(), 'symphony-attachment-download', {}, { streamId: DESK_ROOM_ID, fileId: 'x' }));
      assert.equal(noMessage.error!.cause!.field, 'messageId');
      assert.equal(sim().count('GET', '/agent/v1/stream/*'), 0);
    });
  });
});
