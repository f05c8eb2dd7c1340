#!/usr/bin/env node
/** Runs the simulator from the command line: `node dist/simulator/cli.js --port 7400 --app-public-key app.pub`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OBO_PERMISSIONS, startSimulator, type SimulatorOptions } from './index';

const USAGE = `Usage: symphony-simulator [options]
  --port N                 main port for /login /relay /pod /agent /_sim (default 7400)
  --mtls-port N            mutual-TLS port for /sessionauth /keyauth (default 7401)
  --https                  serve the main port over HTTPS
  --bot-username NAME      bot username (default demo-bot)
  --bot-public-key FILE    PEM public key of the bot
  --app-public-key FILE    PEM public key of the OBO app 'demo-obo-app' (granted all 13 OBO permissions)
  --token-lifetime-ms N    token lifetime (default 14 days)
  --ca-out FILE            where to write the simulator CA certificate (default: a file in the temp folder)`;

function integer(name: string, value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative integer, got ${value}`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'mtls-port': { type: 'string' },
      https: { type: 'boolean', default: false },
      'bot-username': { type: 'string', default: 'demo-bot' },
      'bot-public-key': { type: 'string' },
      'app-public-key': { type: 'string' },
      'token-lifetime-ms': { type: 'string' },
      'ca-out': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const botKey = values['bot-public-key'];
  const appKey = values['app-public-key'];
  const options: SimulatorOptions = {
    port: integer('port', values.port, 7400),
    mtlsPort: integer('mtls-port', values['mtls-port'], 7401),
    https: values.https,
    tokenLifetimeMs: integer('token-lifetime-ms', values['token-lifetime-ms'], undefined),
    bot: { username: values['bot-username'] ?? 'demo-bot', publicKey: botKey ? readFileSync(botKey, 'utf8') : undefined },
    apps: appKey
      ? [{ appId: 'demo-obo-app', publicKey: readFileSync(appKey, 'utf8'), permissions: [...OBO_PERMISSIONS] }]
      : [],
  };
  const sim = await startSimulator(options);
  const caPath = values['ca-out'] ?? join(tmpdir(), 'symphony-simulator-ca.pem');
  writeFileSync(caPath, sim.caCertificate);
  console.log(`Symphony simulator listening
  pod, agent, login, relay: ${sim.url}  (control API: ${sim.url}/_sim)
  certificate auth (mTLS):  ${sim.mtlsUrl}
  CA certificate:           ${caPath}`);

  const stop = (signal: string): void => {
    console.log(`${signal} received, stopping the simulator`);
    sim.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.error(USAGE);
  process.exit(1);
});
