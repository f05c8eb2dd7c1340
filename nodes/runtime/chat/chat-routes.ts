/// <reference path="../../editor/chat-data.d.ts" />
/**
 * The editor's "Symphony chat" tab talks to these admin routes (under Node-RED's admin API, with its
 * permissions): reading needs symphony-config.read, acting as a user (typing, opening an IM, submitting a form)
 * symphony-config.write, the permission of the config node's Test connection. They serve the built-in simulator
 * only, never a real pod, and answer no token or key.
 */
import { CONFIG_TYPE } from '../config/config-node';
import type { Translate } from '../core/i18n';
import type { NodeAPI } from '../core/node-red';
import type { ChatService } from './chat-service';

/** The slice of Express and of Node-RED's admin API the routes need. */
interface ChatRequest {
  body?: unknown;
  query?: unknown;
}
interface ChatResponse {
  status(code: number): ChatResponse;
  json(body: unknown): void;
  end(): void;
}
type Middleware = (req: ChatRequest, res: ChatResponse, next: () => void) => void;
type Handler = (req: ChatRequest, res: ChatResponse) => void;
interface AdminApp {
  get(path: string, permission: Middleware, handler: Handler): void;
  post(path: string, permission: Middleware, handler: Handler): void;
}
interface AdminExtras {
  httpAdmin: AdminApp;
  auth: { needsPermission(permission: string): Middleware };
}

export const CHAT_PATH = 'symphony/chat';
export const CHAT_READ_PERMISSION = `${CONFIG_TYPE}.read`;
export const CHAT_WRITE_PERMISSION = `${CONFIG_TYPE}.write`;

function hasAdmin(RED: NodeAPI): RED is NodeAPI & AdminExtras {
  const host = RED as NodeAPI & Partial<AdminExtras>;
  return typeof host.httpAdmin?.get === 'function' && typeof host.httpAdmin.post === 'function' && typeof host.auth?.needsPermission === 'function';
}

function objectOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Admin apps the routes are on: the test helper loads the module once per flow, on one app. */
const registered = new WeakSet<object>();

/**
 * The chat service and the simulator host, loaded with the first request to the chat view: the simulator's code
 * stays out of Node-RED's start-up.
 */
function chatModules(): typeof import('./chat-service') & typeof import('../simulator-host/built-in-simulator') {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require('./chat-service') as typeof import('./chat-service')),
    ...(require('../simulator-host/built-in-simulator') as typeof import('../simulator-host/built-in-simulator')),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export function registerChatRoutes(RED: NodeAPI, t: Translate): void {
  if (!hasAdmin(RED) || registered.has(RED.httpAdmin)) return;
  registered.add(RED.httpAdmin);
  const read = RED.auth.needsPermission(CHAT_READ_PERMISSION);
  const write = RED.auth.needsPermission(CHAT_WRITE_PERMISSION);

  /** Runs `answer` on the running simulator: 503 when none runs, 400 with the reason for bad input. */
  const serve = (answer: (chat: ChatService, input: Record<string, unknown>) => unknown, from: 'query' | 'body'): Handler => (req, res) => {
    const { currentBuiltInSimulator, ChatService, ChatError } = chatModules();
    const running = currentBuiltInSimulator();
    if (!running) {
      res.status(503).json({ error: t('runtime.errors.chat.notRunning') });
      return;
    }
    try {
      const result = answer(new ChatService(running.simulator, t), objectOf(req[from]));
      if (result === undefined) res.status(204).end();
      else res.json(result);
    } catch (err) {
      if (err instanceof ChatError) res.status(err.status).json({ error: err.message });
      else res.status(500).json({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  /** A poll that sends back the revision it has is answered 204 while nothing it shows has changed. */
  const unchanged = (chat: ChatService, input: Record<string, unknown>): boolean =>
    typeof input.revision === 'string' && input.revision === chat.revision(input);

  RED.httpAdmin.get(`/${CHAT_PATH}/users`, read, (_req, res) => {
    const { currentBuiltInSimulator, ChatService, seededUsers } = chatModules();
    const running = currentBuiltInSimulator();
    const users = running ? new ChatService(running.simulator, t).users() : seededUsers();
    const answer: SymphonyChatData.UsersAnswer = { running: Boolean(running), users };
    res.json(answer);
  });
  RED.httpAdmin.get(`/${CHAT_PATH}/streams`, read, serve((chat, input) => (unchanged(chat, input) ? undefined : chat.streams(input)), 'query'));
  RED.httpAdmin.get(`/${CHAT_PATH}/messages`, read, serve((chat, input) => (unchanged(chat, input) ? undefined : chat.messages(input)), 'query'));
  RED.httpAdmin.post(`/${CHAT_PATH}/messages`, write, serve((chat, input) => chat.post(input), 'body'));
  RED.httpAdmin.post(`/${CHAT_PATH}/ims`, write, serve((chat, input) => chat.openIm(input), 'body'));
  RED.httpAdmin.post(`/${CHAT_PATH}/forms`, write, serve((chat, input) => {
    chat.submitForm(input);
    return { ok: true };
  }, 'body'));
}
