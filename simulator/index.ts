/**
 * The offline Symphony: a real HTTP server on loopback speaking the pod's /login, /relay, /pod and /agent paths
 * (plus /_sim control), and a mutual-TLS port for certificate authentication, over in-memory state.
 */
import { createPublicKey } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { createControlRouter } from './control';
import {
  datafeedInfo, datafeedMatcher, loseAnswers, queueRawEvents, readFailureFault, type DatafeedFilter, type DatafeedInfo, type LostAnswers,
  type RawDatafeedEvents, type ReadFailure,
} from './control-events';
import { DatafeedStore } from './datafeeds';
import { DatahoseStore, type DatahoseFeedInfo } from './datahose';
import { EventBus, type EventListener } from './events';
import {
  injectConnectionRequest, injectFormReply, injectIm, injectMessage, injectSystemEvent, type InjectConnectionRequest, type InjectFormReply,
  type InjectIm, type InjectMessage, type InjectSystemEvent,
} from './inject';
import type { V4MessageJson } from './api/views';
import type { SimulatorCore } from './core';
import { FaultInjector, type FaultSpec } from './faults';
import { createRequestListener } from './http/dispatch';
import { SimulatorPki, type ClientCertificate } from './pki';
import { RequestRecorder, type RequestRecord } from './recorder';
import { createMainRouter, createMtlsRouter } from './routes';
import { DEFAULT_SEED } from './seed';
import { assertLoopbackHost, serve } from './server';
import { SessionStore } from './sessions';
import type { AgentHealthInput } from './state-agent-health';
import { SimulatorState } from './state';
import type { SimStream } from './model';

export { DEFAULT_SEED } from './seed';
export type { SimulatorSeed, SeedUserKey } from './seed';
export { SimulatorState } from './state';
export type * from './model';
export type { FaultSpec, RequestRecord, ClientCertificate, DatahoseFeedInfo };
export type {
  DatafeedFilter, DatafeedInfo, LostAnswers, RawDatafeedEvents, ReadFailure, InjectConnectionRequest, InjectFormReply, InjectIm, InjectMessage,
  InjectSystemEvent, EventListener,
};
export type { V4EventJson, EventType } from './events';
export type { V4MessageJson } from './api/views';
export { EVENT_TYPES } from './events';
export { OBO_ENDPOINTS, OBO_PERMISSIONS, type OboEndpoint, type OboPermission } from './obo-permissions';

export interface SimulatorBot {
  username: string;
  /** SPKI or PKCS#1 PEM. */
  publicKey?: string;
}

export interface SimulatorApp {
  appId: string;
  publicKey: string;
  permissions: string[];
}

export interface SimulatorOptions {
  /** Default '127.0.0.1'; only loopback addresses are accepted. */
  host?: string;
  /** Default 0 (a free port); serves /login /relay /pod /agent and /_sim. */
  port?: number;
  /** Serve the main port over HTTPS with a certificate signed by the simulator CA. */
  https?: boolean;
  /** Default 0; the mutual-TLS port for /sessionauth and /keyauth, always started. */
  mtlsPort?: number;
  /** Default 14 days; older tokens get 401. */
  tokenLifetimeMs?: number;
  /** Default: the seeded 'demo-bot', with no key until one is registered. */
  bot?: SimulatorBot;
  apps?: SimulatorApp[];
  /** How long a datafeed read waits for events before answering an empty list; default 30 s (a real agent's). */
  datafeedHoldMs?: number;
}

export interface Simulator {
  url: string;
  mtlsUrl: string;
  caCertificate: string;
  state: SimulatorState;
  requests: RequestRecord[];
  count(method: string, pathOrPrefix: string): number;
  clearRequests(): void;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  expireAllTokens(): void;
  registerBot(bot: SimulatorBot): void;
  registerApp(app: SimulatorApp): void;
  issueClientCertificate(username: string, passphrase?: string): ClientCertificate;
  /** A message typed by a user into a stream (MessageML, or text with tags such as `<mention uid="…"/>`). */
  injectMessage(input: InjectMessage): V4MessageJson;
  /** A user submits a form of a message (SYMPHONYELEMENTSACTION to the message's sender). */
  injectFormReply(input: InjectFormReply): void;
  /** A user opens an IM (or MIM) with others: the existing one of exactly these members, or a new one. */
  injectIm(input: InjectIm): SimStream;
  /** Every event as it is published, with the ids of the users it is for; returns the way to stop listening. */
  onEvent(listener: EventListener): () => void;
  /** A user of another firm asks to connect (to the bot by default). */
  injectConnectionRequest(input: InjectConnectionRequest): void;
  /** A system of the pod reports something (GENERICSYSTEMEVENT, V4GenericSystemEvent). */
  injectSystemEvent(input: InjectSystemEvent): void;
  /** Datafeeds as they stand (all users). */
  datafeeds(): DatafeedInfo[];
  /** Deletes matching feeds (all without a filter): their next read answers 400, their events are lost. */
  dropDatafeeds(filter?: DatafeedFilter): number;
  /** Datafeed reads answer a 5xx for `times` reads or for `durationMs`. */
  failDatafeedReads(failure: ReadFailure): void;
  /** Queues raw JSON values as events in the matching feeds (null, junk, repeats...); returns how many feeds. */
  queueDatafeedEvents(input: RawDatafeedEvents): number;
  /** The next answers with events of the matching feeds are taken and lost on the way; returns how many feeds. */
  loseDatafeedAnswers(input?: LostAnswers): number;
  /** How long datafeed and datahose reads wait for events before answering an empty list. */
  setDatafeedHoldMs(ms: number): void;
  /** Datahose feeds as they stand: tag, owner, events queued and answers not yet acknowledged. */
  datahoseFeeds(): DatahoseFeedInfo[];
  /** How long a datafeed or datahose answer may stay unacknowledged before its events are given again (30 s). */
  setVisibilityTimeoutMs(ms: number): void;
  /** Components of the agent's extended health UP or DOWN (those not named keep their state). */
  setAgentHealth(input: AgentHealthInput): void;
  close(): Promise<void>;
}

const FOURTEEN_DAYS_MS = 14 * 24 * 3_600_000;

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  assertLoopbackHost(host);
  const pki = await SimulatorPki.shared();
  const state = new SimulatorState(DEFAULT_SEED);
  const timers = new Set<NodeJS.Timeout>();
  const urls = { main: '', mtls: '' };
  const events = new EventBus(state);
  const datafeeds = new DatafeedStore(events, options.datafeedHoldMs ?? 30_000);
  const datahose = new DatahoseStore(events, options.datafeedHoldMs ?? 30_000);
  const core: SimulatorCore = {
    state,
    sessions: new SessionStore(state, options.tokenLifetimeMs ?? FOURTEEN_DAYS_MS),
    pki,
    faults: new FaultInjector(),
    recorder: new RequestRecorder(),
    events,
    datafeeds,
    datahose,
    urls,
    sleep: (ms) => new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    }),
  };

  const registerBot = (bot: SimulatorBot): void => {
    state.ensureBotUser(bot.username);
    if (bot.publicKey) state.userKeys.set(bot.username.toLowerCase(), createPublicKey(bot.publicKey));
  };
  const registerApp = (app: SimulatorApp): void => {
    state.apps.set(app.appId, { appId: app.appId, publicKey: createPublicKey(app.publicKey), permissions: [...app.permissions] });
  };
  registerBot(options.bot ?? { username: DEFAULT_SEED.users.bot.username });
  for (const app of options.apps ?? []) registerApp(app);

  const tls = { key: pki.serverKey, cert: pki.serverCertificate };
  const mainListener = createRequestListener(core, { router: createMainRouter(), control: createControlRouter() });
  const mainServer = options.https ? https.createServer(tls, mainListener) : http.createServer(mainListener);
  const mtlsServer = https.createServer(
    { ...tls, ca: [pki.caCertificate], requestCert: true, rejectUnauthorized: false },
    createRequestListener(core, { router: createMtlsRouter() }),
  );
  const main = await serve(mainServer, host, options.port ?? 0, options.https ? 'https' : 'http');
  const mtls = await serve(mtlsServer, host, options.mtlsPort ?? 0, 'https').catch(async (err: unknown) => {
    await main.close();
    throw err;
  });
  urls.main = main.url;
  urls.mtls = mtls.url;

  return {
    url: main.url,
    mtlsUrl: mtls.url,
    caCertificate: pki.caCertificate,
    state,
    requests: core.recorder.records,
    count: (method, pathOrPrefix) => core.recorder.count(method, pathOrPrefix),
    clearRequests: () => core.recorder.clear(),
    injectFault: (fault) => core.faults.add(fault),
    clearFaults: () => core.faults.clear(),
    expireAllTokens: () => core.sessions.expireAll(),
    registerBot,
    registerApp,
    issueClientCertificate: (username, passphrase) => pki.issueClientCertificate(username, passphrase),
    injectMessage: (input) => injectMessage(core, input),
    injectFormReply: (input) => injectFormReply(core, input),
    injectIm: (input) => injectIm(core, input),
    onEvent: (listener) => events.subscribe(listener),
    injectConnectionRequest: (input) => injectConnectionRequest(core, input),
    injectSystemEvent: (input) => injectSystemEvent(core, input),
    datafeeds: () => datafeedInfo(core),
    dropDatafeeds: (filter) => datafeeds.remove(datafeedMatcher(core, filter)),
    failDatafeedReads: (failure) => core.faults.add(readFailureFault(failure)),
    queueDatafeedEvents: (input) => queueRawEvents(core, input),
    loseDatafeedAnswers: (input = {}) => loseAnswers(core, input),
    setDatafeedHoldMs: (ms) => {
      datafeeds.timings.holdMs = ms;
      datahose.timings.holdMs = ms;
    },
    datahoseFeeds: () => datahose.stats(),
    setAgentHealth: (input) => state.agentHealth.set(input),
    setVisibilityTimeoutMs: (ms) => {
      datafeeds.timings.visibilityTimeoutMs = ms;
      datahose.timings.visibilityTimeoutMs = ms;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      datafeeds.close();
      datahose.close();
      await Promise.all([main.close(), mtls.close()]);
    },
  };
}
