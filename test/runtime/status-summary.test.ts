import assert from 'node:assert/strict';
import { findOperation } from '../../nodes/catalogue/index';
import { text, type Translate } from '../../nodes/runtime/core/i18n';
import type { NodeMessage } from '../../nodes/runtime/core/node-red';
import { statusSummary } from '../../nodes/runtime/operations/status-summary';

const payload = (msg: NodeMessage): unknown => msg.payload;

describe('status summaries', function () {
  it('are translated once, when the node starts, not for each msg', function () {
    const keys: string[] = [];
    const t: Translate = (key, substitutions) => {
      keys.push(key);
      return text(key, substitutions);
    };
    const summarise = statusSummary(findOperation('symphony-users-lookup')!, t, payload)!;
    assert.deepEqual(keys, ['runtime.status.summary.usersFound.one', 'runtime.status.summary.usersFound.other']);
    const shown = [0, 1, 2, 250].map((n) => summarise({ payload: { users: Array.from({ length: n }, (_, id) => ({ id })) } }));
    assert.equal(keys.length, 2, 'no text looked up per msg');
    assert.deepEqual(shown, [
      { fill: 'yellow', shape: 'dot', text: '0 users found' },
      { fill: 'green', shape: 'dot', text: '1 user found' },
      { fill: 'green', shape: 'dot', text: '2 users found' },
      { fill: 'green', shape: 'dot', text: '250 users found' },
    ]);
  });

  it('count one msg per item, all pages as an array, or one page where paging finds the items', function () {
    const summarise = statusSummary(findOperation('symphony-room-search')!, text, payload)!;
    assert.equal(summarise([{ payload: {} }, { payload: {} }, { payload: {} }])?.text, '3 rooms');
    assert.equal(summarise({ payload: [{}, {}] })?.text, '2 rooms');
    assert.equal(summarise({ payload: { count: 40, rooms: [{}] } })?.text, '1 room');
    assert.deepEqual(summarise([]), { fill: 'green', shape: 'dot', text: '0 rooms' });
  });

  it('show a sent message id cut short, and nothing (so "ok") when the answer is not what they read', function () {
    const summarise = statusSummary(findOperation('symphony-message-send')!, text, payload)!;
    assert.equal(summarise({ payload: { messageId: 'vd7qwNb6hLoUV0BfXXPC43___oPIvkwJbQ' } })?.text, 'sent vd7qwNb6…');
    assert.equal(summarise({ payload: { messageId: 'short' } })?.text, 'sent short');
    assert.equal(summarise({ payload: 'unexpected' }), undefined);
    const throwing = statusSummary(findOperation('symphony-message-send')!, text, () => { throw new Error('bad output property'); })!;
    assert.equal(throwing({ payload: {} }), undefined);
    assert.equal(statusSummary(findOperation('symphony-session-info')!, text, payload), undefined);
  });
});
