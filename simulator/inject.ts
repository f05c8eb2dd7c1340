/**
 * What the control API injects as if people did it in their Symphony clients: a message typed into a stream, a
 * form submitted, a connection request; and what other systems of the pod report (a generic system event). Each
 * changes state and publishes its event, like the REST handlers do.
 */
import { v4Message, type V4MessageJson } from './api/views';
import type { SimulatorCore } from './core';
import { enforceMessage } from './dlp-enforcement';
import { badRequest, forbidden, notFound } from './http/errors';
import { newMessageId, toUrlSafeId } from './ids';
import { renderEntities } from './message-entities';
import { toPresentationML } from './messageml';
import type { SimMessage, SimStream, SimUser } from './model';
import { findConnection, requestConnection, sameFirm } from './state-connections';

/** A user by username or user id. */
export type UserRef = string | number;

export interface InjectMessage {
  from: UserRef;
  streamId: string;
  /** MessageML (`<messageML>…</messageML>`), or text that may hold MessageML tags such as `<mention uid="…"/>`. */
  message: string;
  /** EntityJSON, as an object or a JSON string. */
  data?: string | Record<string, unknown>;
}

export interface InjectFormReply {
  from: UserRef;
  /** The message that holds the form. */
  formMessageId: string;
  formId: string;
  values: Record<string, unknown>;
}

export interface InjectConnectionRequest {
  from: UserRef;
  /** Default: the bot. */
  to?: UserRef;
}

export interface InjectSystemEvent {
  /** The initiator; default: the bot. */
  from?: UserRef;
  /** The stream the event is about, if any; its members receive the event unless `to` is given. */
  streamId?: string;
  /** Who receives it; default: the stream's members, or the bot when there is no stream. */
  to?: UserRef[];
  sourceSystem: string;
  eventSubtype: string;
  parameters?: Record<string, unknown>;
}

export function findUser(core: SimulatorCore, ref: UserRef | undefined, field: string): SimUser {
  const { state } = core;
  const user = typeof ref === 'number' || (typeof ref === 'string' && /^\d+$/.test(ref))
    ? state.users.get(Number(ref))
    : typeof ref === 'string' ? state.userByUsername(ref) : undefined;
  if (!user) throw badRequest(`${field}: no user ${JSON.stringify(ref)}`);
  return user;
}

function memberStream(core: SimulatorCore, user: SimUser, streamId: string): SimStream {
  const stream = core.state.streams.get(toUrlSafeId(streamId));
  if (!stream) throw notFound(`Stream ${streamId} not found`);
  if (!stream.members.includes(user.id)) throw forbidden(`User ${user.username} is not a member of stream ${stream.id}`);
  return stream;
}

function asMessageML(message: string): string {
  const trimmed = message.trim();
  if (trimmed.startsWith('<messageML')) return trimmed;
  const wrapped = `<messageML>${trimmed}</messageML>`;
  // Plain text with XML-special characters is escaped; text with MessageML tags is kept as is.
  return toPresentationML(wrapped).ok ? wrapped : `<messageML>${trimmed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</messageML>`;
}

function entityData(data: InjectMessage['data']): Record<string, unknown> {
  if (data === undefined || data === '') return {};
  const parsed: unknown = typeof data === 'string' ? JSON.parse(data) : data;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest('data must be a JSON object');
  return parsed as Record<string, unknown>;
}

export function injectMessage(core: SimulatorCore, input: InjectMessage): V4MessageJson {
  const { state } = core;
  const sender = findUser(core, input.from, 'from');
  const stream = memberStream(core, sender, input.streamId);
  if (!stream.active) throw forbidden(`Stream ${stream.id} is not active`);
  if (typeof input.message !== 'string' || input.message.trim() === '') throw badRequest('message is required');
  const messageML = asMessageML(input.message);
  const checked = toPresentationML(messageML);
  if (!checked.ok) throw badRequest(checked.reason);
  const rendered = renderEntities(state, checked.presentationML, entityData(input.data));
  const message: SimMessage = {
    messageId: newMessageId(), streamId: stream.id, timestamp: Date.now(), userId: sender.id, messageML,
    message: rendered.presentationML, data: JSON.stringify(rendered.data), attachments: [],
  };
  enforceMessage(state, stream, message);
  const history = state.messages.get(stream.id) ?? [];
  history.push(message);
  state.messages.set(stream.id, history);
  core.events.messageSent(message);
  return v4Message(state, message);
}

const FORM_IDS = /<form\b[^>]*\bid="([^"]+)"/g;

export function injectFormReply(core: SimulatorCore, input: InjectFormReply): void {
  const user = findUser(core, input.from, 'from');
  const messageId = toUrlSafeId(String(input.formMessageId ?? ''));
  let form: SimMessage | undefined;
  for (const history of core.state.messages.values()) form ??= history.find((m) => m.messageId === messageId);
  if (!form) throw notFound(`formMessageId: no message ${JSON.stringify(input.formMessageId)}`);
  const formIds = [...form.messageML.matchAll(FORM_IDS)].map((m) => m[1]);
  if (!formIds.includes(input.formId)) throw badRequest(`formId: message ${messageId} has no form ${JSON.stringify(input.formId)} (it has ${formIds.join(', ') || 'none'})`);
  if (!input.values || typeof input.values !== 'object' || Array.isArray(input.values)) throw badRequest('values must be an object');
  const stream = memberStream(core, user, form.streamId);
  core.events.elementsAction(user, { stream, formMessageId: form.messageId, formId: input.formId, formValues: input.values }, form.userId);
}

export function injectConnectionRequest(core: SimulatorCore, input: InjectConnectionRequest): void {
  const from = findUser(core, input.from, 'from');
  const to = input.to === undefined ? findBot(core) : findUser(core, input.to, 'to');
  if (from.id === to.id || sameFirm(from, to)) throw badRequest(`from: ${from.username} and ${to.username} belong to the same firm, which connects them implicitly`);
  const before = findConnection(core.state, from.id, to.id)?.status;
  core.events.connectionChanged(requestConnection(core.state, from.id, to.id), from, before);
}

export function injectSystemEvent(core: SimulatorCore, input: InjectSystemEvent): void {
  const from = input.from === undefined ? findBot(core) : findUser(core, input.from, 'from');
  for (const name of ['sourceSystem', 'eventSubtype'] as const) {
    if (typeof input[name] !== 'string' || input[name] === '') throw badRequest(`${name} is required (a string)`);
  }
  const { parameters = {} } = input;
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) throw badRequest('parameters must be an object');
  if (input.to !== undefined && !Array.isArray(input.to)) throw badRequest('to must be a list of users');
  let stream: SimStream | undefined;
  if (input.streamId !== undefined) {
    stream = core.state.streams.get(toUrlSafeId(String(input.streamId)));
    if (!stream) throw notFound(`Stream ${input.streamId} not found`);
  }
  const audience = input.to?.map((ref, i) => findUser(core, ref, `to[${i}]`).id) ?? (stream ? undefined : [findBot(core).id]);
  core.events.genericSystemEvent(from, { stream, sourceSystem: input.sourceSystem, eventSubtype: input.eventSubtype, parameters }, audience);
}

/** The first SYSTEM account: the bot the simulator was started for. */
function findBot(core: SimulatorCore): SimUser {
  const bot = [...core.state.users.values()].find((u) => u.accountType === 'SYSTEM');
  if (!bot) throw badRequest('to is required: the simulator has no bot');
  return bot;
}
