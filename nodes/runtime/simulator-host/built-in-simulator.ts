/**
 * The built-in simulator: one Symphony simulator inside the Node-RED process, on a free loopback port, shared by
 * every config node that chooses "the built-in simulator". It starts on first use with the seeded users, rooms, the
 * demo bot and an OBO app holding every OBO permission, their key pairs made in memory (never written anywhere).
 * It stops a short while after the last user lets it go: a redeploy closes the old config nodes and starts the new
 * ones at once, and the simulator's state (rooms made, messages sent) outlives it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { DEFAULT_SEED, OBO_PERMISSIONS, startSimulator, type Simulator } from '../../../simulator';

/** The OBO app id the built-in simulator registers. */
export const BUILT_IN_APP_ID = 'demo-obo-app';

/**
 * While the simulator runs, its address is in this environment variable: flows that simulate a person post to its
 * control API at `$env('SYMPHONY_SIMULATOR_URL') & '/_sim/…'` (see the examples).
 */
export const SIMULATOR_URL_ENV = 'SYMPHONY_SIMULATOR_URL';

/** How long the simulator outlives its last user (a redeploy takes far less). */
export const BUILT_IN_LINGER_MS = 10_000;

export interface BuiltInSimulator {
  simulator: Simulator;
  /** The seeded bot: its username and its private key (PKCS#8 PEM, in memory only). */
  bot: { username: string; privateKeyPem: string };
  /** The OBO app: its id and its private key (PKCS#8 PEM, in memory only). */
  app: { appId: string; privateKeyPem: string };
}

/** A hold on the built-in simulator; `release()` lets it go (once; later calls do nothing). */
export interface BuiltInSimulatorLease {
  readonly instance: BuiltInSimulator;
  release(): void;
}

let starting: Promise<BuiltInSimulator> | undefined;
let running: BuiltInSimulator | undefined;
let holders = 0;
let stopTimer: NodeJS.Timeout | undefined;
/** The variable's value before the simulator set it, restored when it stops. */
let envBefore: { value: string | undefined } | undefined;

function pemPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

async function start(): Promise<BuiltInSimulator> {
  const botKeys = pemPair();
  const appKeys = pemPair();
  const username = DEFAULT_SEED.users.bot.username;
  const simulator = await startSimulator({
    host: '127.0.0.1',
    bot: { username, publicKey: botKeys.publicKeyPem },
    apps: [{ appId: BUILT_IN_APP_ID, publicKey: appKeys.publicKeyPem, permissions: [...OBO_PERMISSIONS] }],
  });
  return {
    simulator,
    bot: { username, privateKeyPem: botKeys.privateKeyPem },
    app: { appId: BUILT_IN_APP_ID, privateKeyPem: appKeys.privateKeyPem },
  };
}

/** Takes a hold on the built-in simulator, starting it if none runs. */
export async function acquireBuiltInSimulator(): Promise<BuiltInSimulatorLease> {
  holders += 1;
  if (stopTimer) {
    clearTimeout(stopTimer);
    stopTimer = undefined;
  }
  if (!starting) {
    const pending: Promise<BuiltInSimulator> = start().then((instance) => {
      if (starting === pending) {
        running = instance;
        announce(instance.simulator.url);
      }
      return instance;
    });
    starting = pending;
    // A failed start is not cached: the next user tries again.
    starting.catch(() => {
      starting = undefined;
    });
  }
  let instance: BuiltInSimulator;
  try {
    instance = await starting;
  } catch (err) {
    holders -= 1;
    throw err;
  }
  let released = false;
  return {
    instance,
    release: () => {
      if (released) return;
      released = true;
      holders -= 1;
      if (holders === 0) scheduleStop();
    },
  };
}

function scheduleStop(): void {
  stopTimer = setTimeout(() => {
    stopTimer = undefined;
    if (holders > 0) return;
    void stopNow();
  }, BUILT_IN_LINGER_MS);
  // Node-RED shutting down is not held up by the linger.
  stopTimer.unref();
}

/** Stops the simulator now, whoever holds it (tests and process shutdown). */
export async function stopBuiltInSimulator(): Promise<void> {
  if (stopTimer) {
    clearTimeout(stopTimer);
    stopTimer = undefined;
  }
  await stopNow();
}

function announce(url: string): void {
  envBefore = { value: process.env[SIMULATOR_URL_ENV] };
  process.env[SIMULATOR_URL_ENV] = url;
}

/** Puts the variable back as it was, unless someone else has set it since. */
function withdraw(url: string | undefined): void {
  const before = envBefore;
  envBefore = undefined;
  if (!before || url === undefined || process.env[SIMULATOR_URL_ENV] !== url) return;
  if (before.value === undefined) delete process.env[SIMULATOR_URL_ENV];
  else process.env[SIMULATOR_URL_ENV] = before.value;
}

async function stopNow(): Promise<void> {
  const pending = starting;
  withdraw(running?.simulator.url);
  starting = undefined;
  running = undefined;
  if (!pending) return;
  const instance = await pending.catch(() => undefined);
  await instance?.simulator.close();
}

/** The built-in simulator if it runs now (for the editor's chat view), else undefined. */
export function currentBuiltInSimulator(): BuiltInSimulator | undefined {
  return running;
}
