import assert from 'node:assert/strict';
import { text, type Translate } from '../../nodes/runtime/core/i18n';
import type { Node, NodeStatus } from '../../nodes/runtime/core/node-red';
import { StatusReporter } from '../../nodes/runtime/operations/status-reporter';
import { SymphonyError } from '../../nodes/runtime/core/errors';
import { setTimeout as sleep } from 'node:timers/promises';

/** A node that only records the statuses it is given. */
function recordingNode(): { node: Node; shown: NodeStatus[] } {
  const shown: NodeStatus[] = [];
  return { node: { status: (status: NodeStatus) => shown.push(status) } as unknown as Node, shown };
}

const sent = (id: string): NodeStatus => ({ fill: 'green', shape: 'dot', text: `sent ${id}` });

describe('status reporter', function () {
  it('sends a busy node\'s text changes at most every 250 ms, the latest one last', async function () {
    const { node, shown } = recordingNode();
    const status = new StatusReporter(node, text);
    for (let i = 0; i < 100; i++) {
      status.started();
      status.succeeded(sent(`m${i}`));
    }
    assert.deepEqual(shown.map((s) => s.text), ['sent m0'], 'the first at once, the rest held back');
    await sleep(400);
    assert.deepEqual(shown.map((s) => s.text), ['sent m0', 'sent m99'], 'then only the latest');
  });

  it('shows a change of state at once, even right after another status', function () {
    const { node, shown } = recordingNode();
    const status = new StatusReporter(node, text);
    status.started();
    status.succeeded(sent('m1'));
    status.started();
    status.failed(new SymphonyError('RATE_LIMITED', 'too many', { operation: 'x' }));
    assert.deepEqual(shown.map((s) => s.fill), ['green', 'red']);
    status.stop();
  });

  it('drops a held-back text when the node stops', async function () {
    const { node, shown } = recordingNode();
    const status = new StatusReporter(node, text);
    status.started();
    status.succeeded(sent('m1'));
    status.started();
    status.succeeded(sent('m2'));
    status.stop();
    await sleep(400);
    assert.deepEqual(shown.map((s) => s.text), ['sent m1']);
  });

  it('translates the simulated marker once, not for each msg', function () {
    const keys: string[] = [];
    const t: Translate = (key, substitutions) => {
      keys.push(key);
      return text(key, substitutions);
    };
    const { node, shown } = recordingNode();
    const status = new StatusReporter(node, t, true);
    const before = keys.length;
    for (let i = 0; i < 5; i++) {
      status.started();
      status.succeeded({ fill: 'green', shape: 'dot', text: '3 users' });
    }
    assert.equal(keys.length, before, 'no text looked up per msg');
    assert.deepEqual(shown, [{ fill: 'green', shape: 'dot', text: '3 users (simulated)' }]);
  });
});
