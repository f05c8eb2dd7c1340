import { SymphonyError, isSymphonyError } from '../core/errors';
import { HttpClient } from '../http/http-client';
import { parseConfig, usesBuiltInSimulator, type ConfigCredentials, type ConfigProperties } from '../config/config-settings';
import { SimulatorConnection } from '../config/simulator-connection';
import type { ApiCall } from '../operations/request-builder';
import { openConnection, type Connection } from '../http/connection';
import { BUILT_IN_APP_ID } from '../simulator-host/built-in-simulator';
import { text } from '../core/i18n';
import { networkReason } from './test-connection-reasons';
import { SymphonyClient } from '../http/symphony-client';
import { agentName } from '../http/agent-pool';

/** What the "Test connection" button shows. Never holds a token, a key or a passphrase. */
export type TestConnectionResult =
  | {
    ok: true;
    botDisplayName?: string;
    botUsername?: string;
    botUserId?: number;
    agentVersion?: string;
    /** The pod version as the agent reports it, when it does. */
    podVersion?: string;
    /** Only when an OBO app id is set (always with the built-in simulator). */
    obo?: { ok: true } | { ok: false; reason: string };
    /** True when this is the built-in simulator (demo data), not a pod. */
    simulator?: boolean;
    /** With several agents: each one checked (host:port), in the dialog's order. */
    agents?: string[];
  }
  | {
    ok: false;
    reason: string;
    code?: string;
    field?: string;
    /** Stored credentials the dialog must be given again before this test (a URL changed since the deploy). */
    reenter?: string[];
  };

/** A connection check waits at most this long for any one answer, and never retries. */
export const TEST_TIMEOUT_MS = 10_000;

/** A bot read; the key manager token goes with agent reads only. */
function get(path: string, api: 'pod' | 'agent'): ApiCall {
  return { operation: 'test-connection', api, method: 'GET', path, query: {}, idempotent: true, needsKeyManager: api === 'agent' };
}

function record(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** One of several agents failed the check: which one, and why. */
class AgentCheckFailure extends Error {
  constructor(readonly agent: string, readonly field: string, readonly failure: unknown) {
    super(agent);
  }
}

/** Why the test failed; a network failure in plain words, naming the field to check (test-connection-reasons.ts). */
export function failure(err: unknown, props: ConfigProperties = {}): TestConnectionResult {
  if (err instanceof AgentCheckFailure) {
    const inner = failure(err.failure, props);
    if (inner.ok) return inner;
    const reason = text('runtime.errors.testConnection.agentFailed', { agent: err.agent, reason: inner.reason });
    // A proxy or an untrusted certificate is to be fixed in its own field, whichever agent showed it.
    const field = inner.field === 'proxyUrl' || inner.field === 'caCertificates' ? inner.field : err.field;
    return { ...inner, reason, field };
  }
  if (isSymphonyError(err)) {
    const network = networkReason(err, props, text);
    if (network) return { ok: false, reason: network.reason, code: err.code, field: network.field };
    return { ok: false, reason: err.message, code: err.code, field: err.cause.field };
  }
  return { ok: false, reason: err instanceof Error ? err.message : String(err) };
}

/** The pod version from the agent's extended health check (public); undefined when the agent does not say. */
async function podVersion(http: HttpClient, agentUrl: string): Promise<string | undefined> {
  try {
    const response = await http.send({ method: 'GET', url: `${agentUrl}/agent/v3/health/extended`, idempotent: true });
    return optionalString(record(record(record(response.data).services).pod).version);
  } catch {
    return undefined;
  }
}

/**
 * Reads the agent's info from every agent, in order, with the tokens already obtained: the first one that fails
 * ends the check, named by host:port (and the field that lists it). Answers the first agent's info.
 */
async function checkAgents(connection: Connection): Promise<Record<string, unknown>> {
  const { urls, agents, http, tokens } = connection;
  let first: Record<string, unknown> | undefined;
  for (const [index, url] of agents.entries()) {
    const client = new SymphonyClient({ ...urls, agent: url }, http, tokens);
    try {
      const info = record((await client.execute(get('/agent/v1/info', 'agent'), { kind: 'bot' })).data);
      first ??= info;
    } catch (err) {
      if (agents.length === 1) throw err;
      // The first agent is the agent URL, or the pod URL when that is blank.
      const field = index > 0 ? 'agentUrls' : url === urls.pod ? 'podUrl' : 'agentUrl';
      throw new AgentCheckFailure(agentName(url), field, err);
    }
  }
  return first ?? {};
}

/** Reads the bot's session info and every agent's version, and authenticates the OBO app when there is one. */
async function check(connection: Connection, appId: string | undefined): Promise<Extract<TestConnectionResult, { ok: true }>> {
  const { client, tokens, http } = connection;
  const bot = { kind: 'bot' } as const;
  const session = record((await client.execute(get('/pod/v2/sessioninfo', 'pod'), bot)).data);
  const info = await checkAgents(connection);
  const result: Extract<TestConnectionResult, { ok: true }> = {
    ok: true,
    botDisplayName: optionalString(session.displayName),
    botUsername: optionalString(session.username),
    botUserId: typeof session.id === 'number' ? session.id : undefined,
    agentVersion: optionalString(info.version),
    podVersion: await podVersion(http, connection.urls.agent),
    ...(connection.agents.length > 1 ? { agents: connection.agents.map(agentName) } : {}),
  };
  if (appId) {
    result.obo = await tokens.authenticateApp().then(
      () => ({ ok: true as const }),
      (err: unknown) => ({ ok: false as const, reason: err instanceof SymphonyError ? err.message : String(err) }),
    );
  }
  return result;
}

/**
 * Authenticates with the given settings through the same parseConfig/HttpClient/TokenManager code as the
 * config node (bot session and key manager, and the OBO app when set), reads the bot's session info and the
 * agent's version, then closes everything it opened. With the built-in simulator chosen, the same checks run
 * against it (started for the test if no flow runs it) and the result says so.
 */
export async function testConnection(props: ConfigProperties, credentials: ConfigCredentials): Promise<TestConnectionResult> {
  const timeout = Math.min(Number(props.timeout) || TEST_TIMEOUT_MS / 1000, TEST_TIMEOUT_MS / 1000);
  let connection: Connection | undefined;
  let simulator: SimulatorConnection | undefined;
  try {
    if (usesBuiltInSimulator(props)) {
      simulator = new SimulatorConnection({ ...props, timeout, maxRetries: 0 }, () => undefined);
      const opened = await simulator.connection();
      return { ...(await check(opened, BUILT_IN_APP_ID)), simulator: true };
    }
    const settings = parseConfig({ ...props, timeout, maxRetries: 0 }, credentials);
    connection = openConnection({ ...settings, auth: { ...settings.auth, failureHoldMs: 0 } }, () => undefined);
    return await check(connection, settings.auth.appId);
  } catch (err) {
    return failure(err, props);
  } finally {
    connection?.close();
    simulator?.close();
  }
}
