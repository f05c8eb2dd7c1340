/**
 * The events the simulator's API handlers emit, read from the bot's datafeed, every exchange on the wire checked
 * against the official agent and pod specs (through the conformance test's recording proxy and checker).
 */
import assert from 'node:assert/strict';
import { DEFAULT_SEED, type Simulator, type V4EventJson } from '../../simulator';
import { checkExchange } from '../conformance/check-exchange';
import { startRecordingProxy, type RecordingProxy } from '../conformance/recording-proxy';
import { ApiSpec } from '../conformance/spec';
import { startAuthenticatedSimulator, type BotTokens } from './helpers';

const { alice, bob, dave, bot } = DEFAULT_SEED.users;

describe('simulator: events emitted by the API, as the datafeed spec shapes them', function () {
  let sim: Simulator;
  let tokens: BotTokens;
  let proxy: RecordingProxy;

  before(async function () {
    ({ sim, tokens } = await startAuthenticatedSimulator());
    sim.setDatafeedHoldMs(200);
    proxy = await startRecordingProxy(sim.url);
  });
  after(async function () {
    await proxy?.close();
    await sim?.close();
  });

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${proxy.url}${path}`, {
      method,
      headers: { sessionToken: tokens.sessionToken, keyManagerToken: tokens.keyManagerToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) as unknown : undefined;
  }

  it('emits room, membership, IM, suppression, connection and generic system events to the bot, spec-shaped', async function () {
    const feed = (await call('POST', '/agent/v5/datafeeds', { tag: 'shapes' })) as { id: string };
    const room = (await call('POST', '/pod/v3/room/create', { name: 'Events room', description: 'd' })) as { roomSystemInfo: { id: string } };
    const roomId = room.roomSystemInfo.id;
    await call('POST', `/pod/v1/room/${roomId}/membership/add`, { id: alice.id });
    await call('POST', `/pod/v1/room/${roomId}/membership/promoteOwner`, { id: alice.id });
    await call('POST', `/pod/v1/room/${roomId}/membership/demoteOwner`, { id: alice.id });
    await call('POST', `/pod/v3/room/${roomId}/update`, { description: 'new' });
    await call('POST', `/pod/v1/room/${roomId}/setActive?active=false`);
    await call('POST', `/pod/v1/room/${roomId}/setActive?active=true`);
    await call('POST', `/pod/v1/room/${roomId}/membership/remove`, { id: alice.id });
    await call('POST', '/pod/v1/im/create', [bob.id]);
    const typed = sim.injectMessage({ from: 'bob', streamId: DEFAULT_SEED.rooms[0]!.id, message: 'to be suppressed' });
    await call('POST', `/pod/v1/admin/messagesuppression/${typed.messageId}/suppress`);
    sim.injectConnectionRequest({ from: 'dave' });
    await call('POST', '/pod/v1/connection/accept', { userId: dave.id });
    sim.injectSystemEvent({ from: 'bob', streamId: roomId, sourceSystem: 'workflow', eventSubtype: 'task.done', parameters: { task: 7, tags: ['a'] } });

    const list = (await call('POST', `/agent/v5/datafeeds/${feed.id}/read`, { ackId: '' })) as { events: V4EventJson[]; ackId: string };
    assert.deepEqual(list.events.map((e) => e.type), [
      'ROOMCREATED', 'USERJOINEDROOM', 'ROOMMEMBERPROMOTEDTOOWNER', 'ROOMMEMBERDEMOTEDFROMOWNER', 'ROOMUPDATED', 'ROOMDEACTIVATED',
      'ROOMREACTIVATED', 'USERLEFTROOM', 'INSTANTMESSAGECREATED', 'MESSAGESENT', 'MESSAGESUPPRESSED', 'CONNECTIONREQUESTED',
      'CONNECTIONACCEPTED', 'GENERICSYSTEMEVENT',
    ]);
    const byType = new Map(list.events.map((e) => [e.type, e]));
    assert.equal((byType.get('USERJOINEDROOM')!.payload.userJoinedRoom as { affectedUser: { userId: number } }).affectedUser.userId, alice.id);
    assert.equal((byType.get('ROOMUPDATED')!.payload.roomUpdated as { newRoomProperties: { description: string } }).newRoomProperties.description, 'new');
    const im = byType.get('INSTANTMESSAGECREATED')!.payload.instantMessageCreated as { stream: { members: Array<{ userId: number }> } };
    assert.deepEqual(im.stream.members.map((m) => m.userId).sort(), [bob.id, bot.id].sort());
    assert.equal((byType.get('MESSAGESUPPRESSED')!.payload.messageSuppressed as { messageId: string }).messageId, typed.messageId);
    assert.equal(byType.get('CONNECTIONREQUESTED')!.initiator.user.userId, dave.id);
    assert.equal((byType.get('CONNECTIONACCEPTED')!.payload.connectionAccepted as { fromUser: { userId: number } }).fromUser.userId, dave.id);
    assert.equal(byType.get('CONNECTIONACCEPTED')!.initiator.user.userId, bot.id);
    const system = byType.get('GENERICSYSTEMEVENT')!.payload.genericSystemEvent as { stream: { streamId: string }; sourceSystem: string };
    assert.equal(system.stream.streamId, roomId);
    assert.equal(system.sourceSystem, 'workflow');

    await call('POST', `/agent/v5/datafeeds/${feed.id}/read`, { ackId: list.ackId });
    await call('GET', '/agent/v5/datafeeds?tag=shapes');
    await call('DELETE', `/agent/v5/datafeeds/${feed.id}`);
    // A read of the deleted feed: the spec's 400 ("do not retry, create a new feed").
    await fetch(`${proxy.url}/agent/v5/datafeeds/${feed.id}/read`, { method: 'POST', headers: { sessionToken: tokens.sessionToken, keyManagerToken: tokens.keyManagerToken } });
  });

  it('answers every datafeed exchange as the agent spec says', function () {
    if (!ApiSpec.available()) {
      console.log('      ../shared/symphony-api-spec is absent: the spec check is skipped');
      this.skip();
    }
    const spec = new ApiSpec();
    assert.ok(proxy.exchanges.some((e) => e.status === 400 && e.path.endsWith('/read')), 'the 400 was exercised');
    const problems = proxy.exchanges.flatMap((exchange) => checkExchange(spec, exchange));
    assert.deepEqual(problems, []);
  });
});
