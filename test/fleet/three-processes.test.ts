/**
 * Several instances on one feed: three Node-RED processes (node-red-runner.ts) run the same flow, a config node
 * pointing at one simulator on loopback and an events node with one tag, and record every event they process.
 * Messages are typed into a room while one process (B) is stopped and started again, and another (A) stalls for
 * longer than the visibility timeout (SIGSTOP, SIGCONT), then is killed (SIGKILL).
 * The simulator serves one feed to several readers as datafeed v2 does, giving an answer not acknowledged within
 * the visibility timeout (2 s here) to another reader.
 *
 * Without the claim: every event is processed at least once (those of a killed or stopped reader's last answer
 * may be processed twice). With the Redis claim: no event is processed twice, and the only events missing are
 * those the killed process had claimed (its Redis keys) and not recorded. The figures are printed.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import type { Simulator } from '../../simulator';
import { linkPackage } from '../../scripts/demo/link-package';
import { keyPair } from '../helpers/keys';
import { redisClient, startRedis, type RedisServer } from '../helpers/redis-server';
import { BOT, DESK_ROOM_ID, startTestSimulator } from '../helpers/simulator';
import { until } from '../helpers/wait';

const MESSAGES = 300;
const VISIBILITY_TIMEOUT_MS = 2_000;
/** Between two typed messages: 300 take about 7.5 s, so that the restarted instance reads some of them. */
const TYPING_MS = 25;
/** A's stall, in messages typed meanwhile: 3 s, longer than the visibility timeout. */
const STALL_MESSAGES = 3_000 / TYPING_MS;
const BURST = 5;
/** How long A runs again after its stall before it is killed. */
const RESUMED_MS = 300;
/** dist/test/fleet -> the package root. */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const RUNNER = path.join(__dirname, 'node-red-runner.js');
const PACKAGE_NAME = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Instance {
  name: string;
  userDir: string;
  child: ChildProcess;
  output: string[];
}

interface Record {
  pid: number;
  eventId: string;
  text: string;
}

interface Figures {
  once: number;
  twice: number;
  more: number;
  missing: string[];
  byPid: Map<number, number>;
  records: Record[];
}

/** The flow every instance runs: config -> events (shared tag) -> record; the events node's status -> status.txt. */
function fleetFlow(sim: Simulator, tag: string, claim: { redisUrl: string; prefix: string } | undefined): object[] {
  return [
    { id: 'fleet-tab', type: 'tab', label: 'fleet' },
    {
      id: 'cfg', type: 'symphony-config', name: 'simulator', connectTo: 'pod', podUrl: sim.url, agentUrl: '', keyManagerUrl: '', authType: 'rsa',
      botUsername: BOT.username, timeout: 10, maxRetries: 3,
    },
    {
      id: 'ev', type: 'symphony-events', z: 'fleet-tab', x: 120, y: 80, config: 'cfg', eventTypes: ['MESSAGESENT'], tag,
      backoffInitialMs: 100, backoffFactor: 1.5, backoffMaxMs: 500,
      ...(claim ? { claim: 'redis', redisUrl: claim.redisUrl, claimPrefix: claim.prefix } : { claim: 'none' }),
      wires: [['record']],
    },
    {
      id: 'record', type: 'function', z: 'fleet-tab', x: 320, y: 80, outputs: 0,
      func: "global.get('record')(global.get('pid') + '\\t' + msg.payload.id + '\\t' + msg.text);\nreturn null;",
      wires: [],
    },
    { id: 'watch', type: 'status', z: 'fleet-tab', x: 120, y: 160, scope: ['ev'], wires: [['show']] },
    {
      id: 'show', type: 'function', z: 'fleet-tab', x: 320, y: 160, outputs: 0,
      func: "global.get('showStatus')(msg.status.fill + ' ' + msg.status.text);\nreturn null;",
      wires: [],
    },
  ];
}

describe('fleet: three Node-RED processes on one datafeed tag', function () {
  this.timeout(150_000);
  let sim: Simulator | undefined;
  let redis: RedisServer | undefined;
  let dir = '';
  const running = new Set<ChildProcess>();

  before(async function () {
    redis = await startRedis();
    sim = await startTestSimulator({ datafeedHoldMs: 5_000 });
    sim.setVisibilityTimeoutMs(VISIBILITY_TIMEOUT_MS);
    dir = fs.mkdtempSync(path.join(tmpdir(), 'symphony-fleet-'));
  });

  after(async function () {
    for (const child of running) {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        try {
          // SIGKILL ends a process even while it is stopped (SIGSTOP).
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    running.clear();
    await sim?.close();
    await redis?.kill();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function prepareUserDir(userDir: string, flow: object[]): void {
    fs.mkdirSync(userDir, { recursive: true });
    fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flow));
    fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify({ cfg: { privateKey: keyPair('bot').privatePem } }));
    linkPackage(userDir, ROOT, PACKAGE_NAME);
  }

  function spawnInstance(name: string, userDir: string): Instance {
    const child = spawn(process.execPath, [RUNNER, userDir], { cwd: userDir, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    const output: string[] = [];
    const keep = (chunk: Buffer): void => {
      output.push(chunk.toString());
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', () => running.delete(child));
    return { name, userDir, child, output };
  }

  const exited = (child: ChildProcess): Promise<void> => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

  const feed = (tag: string) => sim?.datafeeds().find((f) => f.tag === tag);

  function readRecords(userDirs: readonly string[]): Record[] {
    return userDirs.flatMap((userDir) => {
      const file = path.join(userDir, 'records.txt');
      if (!fs.existsSync(file)) return [];
      return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
        const [pid, eventId, text] = line.split('\t');
        return { pid: Number(pid), eventId: eventId ?? '', text: text ?? '' };
      });
    });
  }

  function figures(records: readonly Record[], texts: readonly string[]): Figures {
    const counts = new Map<string, number>();
    const byPid = new Map<number, number>();
    for (const r of records) {
      counts.set(r.text, (counts.get(r.text) ?? 0) + 1);
      byPid.set(r.pid, (byPid.get(r.pid) ?? 0) + 1);
    }
    const per = texts.map((t) => counts.get(t) ?? 0);
    return {
      once: per.filter((n) => n === 1).length,
      twice: per.filter((n) => n === 2).length,
      more: per.filter((n) => n > 2).length,
      missing: texts.filter((t) => !counts.has(t)),
      byPid,
      records: [...records],
    };
  }

  /**
   * Starts three instances, types the messages while killing A and restarting B, waits until the fleet is quiet
   * (the feed drained and nothing recorded for a while), and returns what was recorded, with who was killed.
   */
  async function runFleet(label: string, claim: boolean): Promise<{ figures: Figures; killedPid: number; prefix: string; names: Map<number, string>; userDirs: string[] }> {
    const s = sim as Simulator;
    const tag = `fleet-${label}-${process.pid}-${Date.now()}`;
    const prefix = `fleet:${tag}:`;
    const flow = fleetFlow(s, tag, claim ? { redisUrl: (redis as RedisServer).url, prefix } : undefined);
    const userDirs = ['A', 'B', 'C'].map((name) => path.join(dir, label, name));
    for (const userDir of userDirs) prepareUserDir(userDir, flow);
    const names = new Map<number, string>();
    const start = (name: string, userDir: string): Instance => {
      const instance = spawnInstance(name, userDir);
      names.set(instance.child.pid as number, name);
      return instance;
    };
    const instances = ['A', 'B', 'C'].map((name, i) => start(name, userDirs[i] as string));
    const diagnostics = (): string => instances.map((inst) => `--- ${inst.name}\n${inst.output.join('').slice(-2_000)}`).join('\n');
    try {
      await until('three readers on the feed', () => feed(tag)?.readers === 3, 60_000);
    } catch (err) {
      throw new Error(`${err instanceof Error ? err.message : String(err)}\n${diagnostics()}`);
    }

    const texts = Array.from({ length: MESSAGES }, (_, i) => `${tag}-${String(i).padStart(4, '0')}`);
    const [a, b] = instances as [Instance, Instance, Instance];
    const killedPid = a.child.pid as number;
    // The schedule, by message: B restarts; A stalls longer than the visibility timeout (as a long GC pause or
    // an overloaded host would), so what it holds is given to the others, then resumes and is killed.
    const steps = new Map<number, () => Promise<void>>([
      [Math.floor(MESSAGES * 0.2), async () => {
        // A graceful restart: Node-RED stops its flows, then the same user directory starts again.
        b.child.kill('SIGTERM');
        await exited(b.child);
        instances.push(start('B2', b.userDir));
      }],
      [Math.floor(MESSAGES * 0.35), async () => {
        process.kill(killedPid, 'SIGSTOP');
      }],
      [Math.floor(MESSAGES * 0.35) + STALL_MESSAGES, async () => {
        // Back for a moment: it delivers what it held (others have had it since), then dies mid-stream.
        process.kill(killedPid, 'SIGCONT');
        await delay(RESUMED_MS);
        process.kill(killedPid, 'SIGKILL');
      }],
    ]);
    for (const [i, text] of texts.entries()) {
      await steps.get(i)?.();
      s.injectMessage({ from: 'alice', streamId: DESK_ROOM_ID, message: text });
      // In bursts, as a busy room is: an answer then carries several events.
      if (i % BURST === BURST - 1) await delay(TYPING_MS * BURST);
    }

    // Quiet: the feed holds nothing given or queued, and nothing new was recorded for twice the visibility timeout.
    let seen = -1;
    let quietSince = Date.now();
    await until('the fleet to finish', () => {
      const count = readRecords(userDirs).length;
      const f = feed(tag);
      if (count !== seen || !f || f.queued > 0 || f.unacknowledged > 0) {
        seen = count;
        quietSince = Date.now();
        return false;
      }
      return Date.now() - quietSince > 2 * VISIBILITY_TIMEOUT_MS;
    }, 60_000);
    for (const instance of instances) {
      if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGTERM');
    }
    await Promise.all(instances.map((instance) => exited(instance.child)));
    return { figures: figures(readRecords(userDirs), texts), killedPid, prefix, names, userDirs };
  }

  /** The duplicates each instance's status showed as skipped last, e.g. "A=1 C=0". */
  function skippedShown(userDirs: readonly string[]): string {
    return userDirs.map((userDir) => {
      const file = path.join(userDir, 'status.txt');
      const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
      const counts = lines.map((line) => /(\d+) duplicates? skipped/.exec(line)?.[1]).filter((n): n is string => n !== undefined);
      return `${path.basename(userDir)}=${counts.at(-1) ?? 0}`;
    }).join(' ');
  }

  function report(label: string, result: { figures: Figures; names: Map<number, string> }, extra = ''): void {
    const { figures: f, names } = result;
    const shares = [...f.byPid.entries()].map(([pid, n]) => `${names.get(pid) ?? pid}=${n}`).join(' ');
    console.log(`      [fleet ${label}] ${MESSAGES} typed: processed once ${f.once}, twice ${f.twice}, more ${f.more}, missing ${f.missing.length}${extra}; per process: ${shares} (A stalled then killed, B restarted as B2)`);
  }

  it('without the claim: every event is processed at least once', async () => {
    const result = await runFleet('plain', false);
    report('no claim', result);
    assert.deepEqual(result.figures.missing, [], 'no event lost');
    assert.equal(result.figures.once + result.figures.twice + result.figures.more, MESSAGES);
    assert.ok(result.figures.byPid.size >= 3, 'the work is shared');
  });

  it('with the Redis claim: no event twice; missing only what the killed process had claimed and not recorded', async () => {
    const result = await runFleet('claim', true);
    const { figures: f } = result;
    const client = await redisClient((redis as RedisServer).url);
    let killedClaims: string[];
    let keyCount = 0;
    try {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await client.sendCommand(['SCAN', cursor, 'MATCH', `${result.prefix}*`, 'COUNT', '1000']) as [string, string[]];
        cursor = next;
        keys.push(...batch);
      } while (cursor !== '0');
      keyCount = keys.length;
      const killed = `${hostname()}:${result.killedPid}`;
      const owners = await Promise.all(keys.map(async (key) => [key.slice(result.prefix.length), String(await client.sendCommand(['GET', key]))] as const));
      const recorded = new Set(f.records.map((r) => r.eventId));
      killedClaims = owners.filter(([id, owner]) => owner === killed && !recorded.has(id)).map(([id]) => id);
    } finally {
      await client.close();
    }
    report('Redis claim', result, `; claimed by the killed process and not recorded ${killedClaims.length}; Redis keys ${keyCount}; duplicates skipped (status) ${skippedShown(result.userDirs)}`);
    assert.equal(f.twice + f.more, 0, 'no event processed twice');
    assert.equal(keyCount, MESSAGES, 'every event was claimed by one instance');
    assert.equal(f.missing.length, killedClaims.length, `missing ${f.missing.length}, claimed by the killed process and not recorded ${killedClaims.length}`);
    assert.equal(f.once, MESSAGES - killedClaims.length);
  });
});
