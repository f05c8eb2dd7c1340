import assert from 'node:assert/strict';
import { CONFIG_ID, configNode, loadFlow, nextMessage, send, useSimulator } from '../helpers/flow';

describe('all users\' presence, all pages', function () {
  const sim = useSimulator();

  it('reads every user once across pages that repeat the last user', async function () {
    await loadFlow([
      configNode(sim()),
      { id: 'one', type: 'symphony-presence-list-all', config: CONFIG_ID, limit: '1000', limitType: 'num', lastUserId: '', lastUserIdType: 'str', wires: [['all']] },
      {
        id: 'all', type: 'symphony-presence-list-all', config: CONFIG_ID, limit: '2', limitType: 'num', lastUserId: '', lastUserIdType: 'str',
        pages: 'all', maxItems: 1000, split: 'list', outputProperty: 'paged', wires: [['out']],
      },
      { id: 'out', type: 'helper' },
    ]);
    const done = nextMessage('out');
    send('one', {});
    const msg = await done;
    const ids = (list: unknown): number[] => (list as Array<{ userId: number }>).map((p) => p.userId);
    assert.ok(ids(msg.payload).length > 4, 'the pod has more users than one page of 2');
    assert.deepEqual(ids(msg.paged), ids(msg.payload), 'the same users, each once, in order');
    assert.deepEqual(msg.paging, { items: ids(msg.payload).length, truncated: false });
    const pages = sim().requests.filter((r) => r.path === '/pod/v2/users/presence').length - 1;
    assert.ok(pages >= Math.ceil(ids(msg.payload).length / 2), `${pages} page requests`);
  });
});
