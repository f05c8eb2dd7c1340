import assert from 'node:assert/strict';
import { DEFAULT_SEED, startSimulator, type Simulator, type V4EventJson } from '../../simulator';
import { authenticateBot, keysFor, postJson } from './helpers';

/** A person opening an IM in their client (injectIm), and listening to every event the simulator publishes (onEvent). */
describe('simulator: injectIm and onEvent', () => {
  let sim: Simulator;
  const { alice, bob, dave, bot } = DEFAULT_SEED.users;

  before(async () => {
    sim = await startSimulator({ bot: { username: bot.username, publicKey: keysFor('bot').publicKeyPem } });
  });
  after(() => sim.close());

  it('opens the IM once, announced to both members, and the pod\'s im/create finds the same one', async () => {
    const seen: Array<{ event: V4EventJson; audience: number[] }> = [];
    const stop = sim.onEvent((event, audience) => seen.push({ event, audience: [...audience].sort() }));
    const im = sim.injectIm({ from: 'alice', with: 'bob' });
    assert.equal(im.type, 'IM');
    assert.deepEqual(im.members, [alice.id, bob.id]);
    assert.equal(sim.injectIm({ from: 'bob', with: ['alice'] }).id, im.id, 'the same members: the same IM');
    assert.deepEqual(seen.map((s) => `${s.event.type} ${s.audience.join(',')}`), [`INSTANTMESSAGECREATED ${alice.id},${bob.id}`]);

    stop();
    sim.injectMessage({ from: 'alice', streamId: im.id, message: 'after stop' });
    assert.equal(seen.length, 1, 'no events after the listener stopped');

    const tokens = await authenticateBot(sim, bot.username, keysFor('bot').privateKey);
    const withBot = sim.injectIm({ from: 'alice', with: bot.username });
    const created = await postJson(`${sim.url}/pod/v1/im/create`, [alice.id], { ...tokens });
    assert.deepEqual(await created.json(), { id: withBot.id });
  });

  it('refuses an external user not connected, and an unknown one, naming the field', () => {
    assert.throws(() => sim.injectIm({ from: 'alice', with: 'dave' }), (err: Error & { status?: number }) =>
      err.status === 403 && err.message.includes(`${dave.username} is an external user not connected to alice`));
    assert.throws(() => sim.injectIm({ from: 'alice', with: ['bob', 'mallory'] }), (err: Error & { status?: number }) =>
      err.status === 400 && err.message === 'with[1]: no user "mallory"');
    assert.throws(() => sim.injectIm({ from: 'alice', with: 'alice' }), /at least one user other than the caller/);
  });
});
