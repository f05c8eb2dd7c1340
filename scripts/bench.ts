/**
 * What the package costs a Node-RED that uses it:
 * - start-up: Node-RED started with and without the package installed (child processes, empty flow), interleaved
 *   runs, medians and their difference;
 * - per message: CPU per message and throughput of the nodes as ratios to plain keep-alive axios sending the same
 *   request, for a users lookup, a message send and an OBO message send, each marked PASS/FAIL against the targets.
 *
 * - events: events per second through the events node next to a plain long-poll read loop on the same simulator,
 *   fed the same batches, interleaved rounds, both rates and their ratio (informative, no target).
 *
 *   npm run bench [-- --startup-runs 7 --messages 200 --rounds 100 --concurrency 1,16,64 --events 20000 --event-rounds 7
 *                     --skip-startup --skip-messages --skip-events]
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { CPU_TARGET, THROUGHPUT_TARGET, measurePerMessage, passes } from './bench/per-message';
import { formatEventsRate, measureEventsRate } from './bench/events-rate';
import { measureStartup, median, type Start } from './bench/startup';

/** The target for the start-up difference. */
const STARTUP_TARGET_MS = 100;

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? String(process.argv[index + 1]) : fallback;
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

async function main(): Promise<void> {
  // Compiled to dist/scripts/bench.js: the package root is two levels up.
  const root = path.resolve(__dirname, '..', '..');
  const packageName = (require(path.join(root, 'package.json')) as { name: string }).name;
  let ok = true;

  if (!flag('skip-startup')) {
    const runs = Number(option('startup-runs', '7'));
    console.log(`Node-RED start-up, empty flow, ${runs} interleaved runs each (medians)`);
    const startup = await measureStartup(root, packageName, runs);
    const line = (label: string, pick: (s: Start) => number): number => {
      const without = median(startup.without.map(pick));
      const withPackage = median(startup.with.map(pick));
      const runs = (starts: Start[]): string => starts.map((s) => Math.round(pick(s))).join(' ');
      console.log(`  ${label} without the package: ${Math.round(without)} ms (${runs(startup.without)}); with: ${Math.round(withPackage)} ms (${runs(startup.with)})`);
      return withPackage - without;
    };
    const difference = line('wall time', (s) => s.wall);
    const cpuDifference = line('CPU time ', (s) => s.cpu);
    console.log(`  difference: ${Math.round(difference)} ms wall time (target < ${STARTUP_TARGET_MS} ms) ${difference < STARTUP_TARGET_MS ? 'PASS' : 'FAIL'}; ${Math.round(cpuDifference)} ms CPU time`);
    ok &&= difference < STARTUP_TARGET_MS;
  }

  if (!flag('skip-messages')) {
    const messages = Number(option('messages', '200'));
    const rounds = Number(option('rounds', '100'));
    const concurrencies = option('concurrency', '1,16,64').split(',').map(Number);
    console.log(`Per message, node / plain axios, ${rounds} rounds of a block of ${messages} messages each side (at least 10 per caller), alternating; ratios of the totals (targets: CPU <= ${CPU_TARGET}x, throughput >= ${THROUGHPUT_TARGET})`);
    const { results, logins } = await measurePerMessage(root, packageName, { messages, rounds, concurrencies }, (line) => console.log(line));
    ok &&= results.every(passes);
    // The baseline logs in once per token it uses; more means the nodes did not share their tokens.
    const total = Object.values(logins).reduce((sum, n) => sum + n, 0);
    console.log(`  logins made (nodes and baseline): ${total} ${JSON.stringify(logins)}`);
  }
  if (!flag('skip-events') && !flag('skip-messages')) {
    // Node-RED runs once per process: the events bench gets a process of its own after the per-message one.
    await eventsInChildProcess();
  } else if (!flag('skip-events')) {
    const events = Number(option('events', '20000'));
    const rounds = Number(option('event-rounds', '7'));
    console.log(`Events per second, events node / plain axios read loop, ${events} events a round in answers of up to 100, ${rounds} interleaved rounds (medians)`);
    console.log(formatEventsRate(await measureEventsRate(root, packageName, { events, rounds }, (line) => console.log(line))));
  }
  console.log(ok ? 'bench: every target met' : 'bench: some targets missed');
}

/** This script again with only the events bench (and its options), its output shown as its own. */
function eventsInChildProcess(): Promise<void> {
  const passed = ['events', 'event-rounds'].flatMap((name) => (process.argv.includes(`--${name}`) ? [`--${name}`, option(name, '')] : []));
  const child = fork(__filename, ['--skip-startup', '--skip-messages', ...passed], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.once('exit', (code) => {
      // The child's own verdict line is this script's to print.
      process.stdout.write(out.replace(/^bench: .*\n?/m, ''));
      if (code === 0) resolve();
      else reject(new Error(`the events bench exited with ${code}`));
    });
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
