import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Paced } from '../../nodes/runtime/core/paced';

describe('paced updates', function () {
  it('run the first at once, then only the latest of a burst, once, at the end of the interval', async function () {
    const paced = new Paced(100);
    const ran: number[] = [];
    for (let i = 0; i < 50; i++) paced.run(() => ran.push(i));
    assert.deepEqual(ran, [0]);
    await sleep(200);
    assert.deepEqual(ran, [0, 49]);
    paced.cancel();
  });

  it('run at once again when the last one is older than the interval', async function () {
    const paced = new Paced(50);
    const ran: string[] = [];
    paced.run(() => ran.push('a'));
    await sleep(80);
    paced.run(() => ran.push('b'));
    assert.deepEqual(ran, ['a', 'b']);
  });

  it('drop the waiting one on cancel, and after an update made outside the pace', async function () {
    const paced = new Paced(50);
    const ran: string[] = [];
    paced.run(() => ran.push('first'));
    paced.run(() => ran.push('cancelled'));
    paced.cancel();
    paced.run(() => ran.push('superseded'));
    paced.ranNow();
    await sleep(100);
    assert.deepEqual(ran, ['first']);
  });
});
