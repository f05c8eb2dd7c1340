/** Shared helpers for the simulator tests: keys, signed JWTs, authentication and HTTPS calls. */
import { sign, type KeyObject } from 'node:crypto';
import https from 'node:https';
import { OBO_PERMISSIONS, startSimulator, type Simulator } from '../../simulator';
import { keyPair } from '../helpers/keys';

export interface TestKeys {
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** The RSA key pair for a label (made once per run and shared with the node tests), public key as SPKI PEM. */
export function keysFor(label: string): TestKeys {
  const pair = keyPair(label);
  return { privateKey: pair.privateKey, publicKeyPem: pair.publicPem };
}

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT signed RS512 (unless the header says otherwise, then signed anyway with RS512 to test the alg check). */
export function signJwt(key: KeyObject, payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS512', typ: 'JWT' }): string {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  return `${unsigned}.${sign('sha512', Buffer.from(unsigned), key).toString('base64url')}`;
}

export const inSeconds = (seconds: number): number => Math.floor(Date.now() / 1000) + seconds;

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export interface BotTokens {
  sessionToken: string;
  keyManagerToken: string;
}

/** Authenticates a bot on /login and /relay and returns both tokens as request headers. */
export async function authenticateBot(sim: Simulator, username: string, key: KeyObject): Promise<BotTokens> {
  const token = signJwt(key, { sub: username, exp: inSeconds(240) });
  const [session, keyManager] = await Promise.all([
    postJson(`${sim.url}/login/pubkey/authenticate`, { token }),
    postJson(`${sim.url}/relay/pubkey/authenticate`, { token }),
  ]);
  if (session.status !== 200 || keyManager.status !== 200) throw new Error(`bot authentication failed: ${session.status}/${keyManager.status}`);
  return {
    sessionToken: ((await session.json()) as { token: string }).token,
    keyManagerToken: ((await keyManager.json()) as { token: string }).token,
  };
}

/** Authenticates an OBO app, then a user through it; returns the OBO session token. */
export async function authenticateObo(sim: Simulator, appId: string, key: KeyObject, username: string): Promise<string> {
  const app = await postJson(`${sim.url}/login/pubkey/app/authenticate`, { token: signJwt(key, { sub: appId, exp: inSeconds(240) }) });
  const appToken = ((await app.json()) as { token: string }).token;
  const user = await fetch(`${sim.url}/login/pubkey/app/username/${username}/authenticate`, {
    method: 'POST', headers: { sessionToken: appToken },
  });
  if (user.status !== 200) throw new Error(`OBO authentication failed: ${user.status}`);
  return ((await user.json()) as { token: string }).token;
}

export interface HttpsResult {
  status: number;
  body: unknown;
}

/** A POST over node:https (fetch cannot present client certificates). */
export function httpsPost(url: string, options: https.RequestOptions): Promise<HttpsResult> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) as unknown : undefined });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Stops `Date.now()` for the whole process (the simulator reads its clock there) until `restore()`. */
export function stopClock(): { advance(ms: number): void; restore(): void } {
  const realNow = Date.now;
  let now = realNow();
  Date.now = () => now;
  return {
    advance: (ms) => {
      now += ms;
    },
    restore: () => {
      Date.now = realNow;
    },
  };
}

export interface AuthenticatedSimulator {
  sim: Simulator;
  tokens: BotTokens;
  oboToken: (username: string) => Promise<string>;
}

/** A simulator with the demo bot and an all-permissions OBO app registered, and the bot logged in. */
export async function startAuthenticatedSimulator(): Promise<AuthenticatedSimulator> {
  const bot = keysFor('bot');
  const app = keysFor('app');
  const sim = await startSimulator({
    bot: { username: 'demo-bot', publicKey: bot.publicKeyPem },
    apps: [{ appId: 'demo-obo-app', publicKey: app.publicKeyPem, permissions: [...OBO_PERMISSIONS] }],
  });
  return {
    sim,
    tokens: await authenticateBot(sim, 'demo-bot', bot.privateKey),
    oboToken: (username) => authenticateObo(sim, 'demo-obo-app', app.privateKey, username),
  };
}
