import assert from 'node:assert/strict';
import { useSimulator } from '../helpers/flow';
import { expectOut, runNode } from '../helpers/signals-flow';
import { DESK_ROOM_ID } from '../helpers/simulator';

/**
 * A choice saved or sent in another case than the spec's (an older flow's "ALL", a hand-typed "hot") is accepted and
 * goes on the wire as the spec spells it.
 */
describe('enum values in any case go out in the spec\'s spelling', function () {
  const sim = useSimulator();

  const queryOf = (pathEnd: string): URLSearchParams => {
    const record = sim().requests.find((r) => r.path.endsWith(pathEnd));
    assert.ok(record, `no request to ${pathEnd}`);
    return new URLSearchParams(record.query);
  };

  it('connection list: a saved "all" or "Pending_Incoming" goes as ALL and PENDING_INCOMING', async function () {
    await expectOut(runNode(sim(), 'symphony-connection-list', { connectionStatus: 'all', connectionStatusType: 'str' }));
    assert.equal(queryOf('/connection/list').get('status'), 'ALL');
    sim().clearRequests();
    await expectOut(runNode(sim(), 'symphony-connection-list', {}, { connectionStatus: 'Pending_Incoming' }));
    assert.equal(queryOf('/connection/list').get('status'), 'PENDING_INCOMING');
  });

  it('message search: tier HOT goes as hot, sort order desc as DESC', async function () {
    await expectOut(runNode(sim(), 'symphony-message-search', { tier: 'HOT', tierType: 'str' }, { streamId: DESK_ROOM_ID, hashtag: 'rates', sortDir: 'desc' }));
    const query = queryOf('/message/search');
    assert.equal(query.get('tier'), 'hot');
    assert.equal(query.get('sortDir'), 'DESC');
  });

  it('stream lists: stream types in lower case are the spec\'s ROOM', async function () {
    const mine = await expectOut(runNode(sim(), 'symphony-streams-list', {}, { streamTypes: 'room' }));
    const types = new Set((mine.payload as Array<{ streamType: { type: string } }>).map((s) => s.streamType.type));
    assert.deepEqual([...types], ['ROOM']);
    const all = await expectOut(runNode(sim(), 'symphony-admin-streams-list', {}, { streamTypes: ['Room'] }));
    const adminTypes = new Set((all.payload as { streams: Array<{ type: string }> }).streams.map((s) => s.type));
    assert.deepEqual([...adminTypes], ['ROOM']);
  });
});
