/**
 * Throughput of the users-lookup node against the simulator, as a ratio to a baseline run side by side in the
 * same process: plain keep-alive axios calls with a token fetched once. The ratio is the cost of everything the
 * node adds (reading and validating fields, token sharing, retries bookkeeping, status, msg handling).
 *
 *   npm run bench [-- --messages 2000 --concurrency 20]
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { generateKeyPairSync } from 'node:crypto';
import axios from 'axios';
import helper from 'node-red-node-test-helper';
import { startSimulator, DEFAULT_SEED } from '../simulator';
import { signAuthJwt } from '../nodes/runtime/auth/jwt';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

/** Runs `total` tasks with at most `concurrency` under way; resolves with the elapsed milliseconds. */
async function timed(total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - start;
}

async function main(): Promise<void> {
  const total = option('messages', 2000);
  const concurrency = option('concurrency', 20);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const bot = DEFAULT_SEED.users.bot.username;
  const sim = await startSimulator({ bot: { username: bot, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() } });

  // Baseline: the same request with plain axios on a keep-alive agent, token fetched once.
  const client = axios.create({ httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }), proxy: false });
  const login = await client.post(`${sim.url}/login/pubkey/authenticate`, { token: signAuthJwt(bot, privateKey) });
  const sessionToken = (login.data as { token: string }).token;
  const baseline = () => timed(total, concurrency, async () => {
    await client.get(`${sim.url}/pod/v3/users`, { params: { username: 'alice' }, headers: { sessionToken } });
  });

  // The node: a flow with the config node and one users-lookup node, messages fed in and collected.
  helper.init(require.resolve('node-red'));
  await helper.startServer();
  await helper.load(require('../nodes/symphony'), [
    { id: 'tab', type: 'tab' },
    { id: 'cfg', type: 'symphony-config', podUrl: sim.url, botUsername: bot, authType: 'rsa' },
    { id: 'lookup', type: 'symphony-users-lookup', z: 'tab', x: 0, y: 0, config: 'cfg', usernames: 'alice', usernamesType: 'str', wires: [['out']] },
    { id: 'out', type: 'helper', z: 'tab', x: 0, y: 0 },
  ], { cfg: { privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() } });
  const pending = new Map<string, () => void>();
  helper.getNode('out').on('input', (msg: never) => pending.get((msg as { ref: string }).ref)?.());
  const viaNode = () => timed(total, concurrency, (i) => new Promise<void>((resolve) => {
    const ref = `m${i}`;
    pending.set(ref, () => {
      pending.delete(ref);
      resolve();
    });
    helper.getNode('lookup').receive({ payload: i, ref });
  }));

  await baseline(); // warm both paths up before measuring
  await viaNode();
  const rounds = 3;
  const results = { baseline: [] as number[], node: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    results.baseline.push(await baseline());
    results.node.push(await viaNode());
  }
  const best = (values: number[]): number => Math.min(...values);
  const perSecond = (ms: number): number => Math.round((total / ms) * 1000);
  console.log(`users-lookup, ${total} messages, ${concurrency} in flight, best of ${rounds} rounds`);
  console.log(`  baseline (plain axios, keep-alive): ${perSecond(best(results.baseline))} calls/s`);
  console.log(`  symphony-users-lookup node:         ${perSecond(best(results.node))} msgs/s`);
  console.log(`  ratio node/baseline throughput:     ${(best(results.baseline) / best(results.node)).toFixed(2)}`);
  console.log(`  logins made by the node:            ${sim.count('POST', '/login/pubkey/authenticate') - 1}`);

  await helper.unload();
  await helper.stopServer();
  await sim.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
