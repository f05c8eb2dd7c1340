/// <reference path="../../editor/chat-data.d.ts" />
/**
 * The chat view's reads and writes on the built-in simulator, as one of its users: the users, a user's streams,
 * a stream's messages as that user sees them, a message typed, an IM opened, a form submitted. Every input is
 * checked first; a bad one is a ChatError(400) naming the field.
 */
import { DEFAULT_SEED, type Simulator, type SimMessage, type SimStream, type SimUser, type V4MessageJson } from '../../../simulator';
import { toUrlSafeId } from '../../../simulator/ids';
import type { Translate } from '../core/i18n';
import { composeMessageML } from './chat-compose';
import { formFields, messageContent } from './chat-content';
import { revisionOf } from './chat-revisions';

/** A refused request: the HTTP status and the text the editor shows. */
export class ChatError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ChatError';
  }
}

/** The longest text the view sends in one message, in characters. */
export const MAX_TEXT_LENGTH = 10_000;
/** A form's values, as JSON, at most this many characters. */
export const MAX_FORM_LENGTH = 20_000;
/** The view shows a stream's latest messages, at most this many. */
export const MAX_SHOWN_MESSAGES = 100;

type Input = Record<string, unknown>;

const refuse = (message: string): ChatError => new ChatError(400, message);

function userView(u: Readonly<SimUser>): SymphonyChatData.User {
  return { id: u.id, username: u.username, displayName: u.displayName, title: u.title, company: u.company, bot: u.accountType === 'SYSTEM' };
}

/** The people a built-in simulator starts with: shown while none runs, so that nobody has to read the seed. */
export function seededUsers(): SymphonyChatData.User[] {
  return Object.values(DEFAULT_SEED.users).map(userView);
}

export class ChatService {
  constructor(private readonly sim: Simulator, private readonly t: Translate) {}

  users(): SymphonyChatData.User[] {
    return [...this.sim.state.users.values()].filter((u) => u.active).map(userView);
  }

  revision(input: Input): string {
    return revisionOf(this.sim, this.user(input.user).id);
  }

  streams(input: Input): SymphonyChatData.StreamsAnswer {
    const user = this.user(input.user);
    const { state } = this.sim;
    const revision = revisionOf(this.sim, user.id);
    const streams = [...state.streams.values()].filter((s) => s.members.includes(user.id)).map((s) => this.streamView(s, user));
    streams.sort((a, b) => (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0) || a.name.localeCompare(b.name));
    const contacts = [...state.users.values()].filter((u) => u.id !== user.id && u.active && state.canCommunicate(user, u)).map((u) => u.username);
    return { revision, streams, contacts };
  }

  messages(input: Input): SymphonyChatData.MessagesAnswer {
    const user = this.user(input.user);
    const stream = this.memberStream(user, input.stream);
    const revision = revisionOf(this.sim, user.id);
    const messages = this.visible(stream).slice(-MAX_SHOWN_MESSAGES).map((m) => this.messageView(m, user));
    return { revision, stream: this.streamView(stream, user), messages };
  }

  post(input: Input): SymphonyChatData.Message {
    const user = this.user(input.user);
    const stream = this.memberStream(user, input.stream);
    if (!stream.active) throw refuse(this.t('runtime.errors.chat.inactive'));
    const text = typeof input.text === 'string' ? input.text : '';
    if (text.trim() === '') throw refuse(this.t('runtime.errors.chat.textRequired'));
    if (text.length > MAX_TEXT_LENGTH) throw refuse(this.t('runtime.errors.chat.textTooLong', { length: text.length, max: MAX_TEXT_LENGTH }));
    const messageML = composeMessageML(text, (username) => this.sim.state.userByUsername(username)?.id);
    const sent = this.simulate(() => this.sim.injectMessage({ from: user.id, streamId: stream.id, message: messageML }));
    return this.sentView(sent, user);
  }

  openIm(input: Input): SymphonyChatData.Stream {
    const user = this.user(input.user);
    if (typeof input.with !== 'string' || input.with.trim() === '') throw refuse(this.t('runtime.errors.chat.withRequired'));
    const other = this.user(input.with, 'with');
    if (other.id === user.id) throw refuse(this.t('runtime.errors.chat.sameUser', { user: user.username }));
    if (!this.sim.state.canCommunicate(user, other)) throw refuse(this.t('runtime.errors.chat.notConnected', { user: user.username, other: other.username }));
    const stream = this.simulate(() => this.sim.injectIm({ from: user.id, with: other.id }));
    return this.streamView(stream, user);
  }

  submitForm(input: Input): void {
    const user = this.user(input.user);
    const messageId = typeof input.messageId === 'string' ? input.messageId.trim() : '';
    if (messageId === '') throw refuse(this.t('runtime.errors.chat.messageRequired'));
    const message = this.visibleMessage(user, messageId);
    const formId = typeof input.formId === 'string' ? input.formId : '';
    const form = formFields(messageContent(message.message, message.data), formId);
    if (!form) throw refuse(this.t('runtime.errors.chat.unknownForm', { form: formId }));
    const values = this.formValues(input.values, form);
    this.simulate(() => this.sim.injectFormReply({ from: user.id, formMessageId: message.messageId, formId, values }));
  }

  private formValues(raw: unknown, form: { fields: Set<string>; actions: Set<string> }): Record<string, string | string[]> {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw refuse(this.t('runtime.errors.chat.valuesObject'));
    const values = raw as Input;
    const length = JSON.stringify(values).length;
    if (length > MAX_FORM_LENGTH) throw refuse(this.t('runtime.errors.chat.formTooLarge', { length, max: MAX_FORM_LENGTH }));
    const checked: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(values)) {
      if (name !== 'action' && !form.fields.has(name)) throw refuse(this.t('runtime.errors.chat.unknownField', { field: name }));
      const ok = typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
      if (!ok) throw refuse(this.t('runtime.errors.chat.badValue', { field: name }));
      checked[name] = value as string | string[];
    }
    if (typeof checked.action !== 'string' || !form.actions.has(checked.action)) {
      throw refuse(this.t('runtime.errors.chat.actionRequired', { buttons: [...form.actions].join(', ') }));
    }
    return checked;
  }

  private user(raw: unknown, field = 'user'): SimUser {
    const username = typeof raw === 'string' ? raw.trim() : '';
    if (username === '') throw refuse(this.t('runtime.errors.chat.userRequired', { field }));
    const user = this.sim.state.userByUsername(username);
    if (!user || !user.active) throw refuse(this.t('runtime.errors.chat.unknownUser', { field, user: username }));
    return user;
  }

  private memberStream(user: SimUser, raw: unknown): SimStream {
    const id = typeof raw === 'string' ? raw.trim() : '';
    if (id === '') throw refuse(this.t('runtime.errors.chat.streamRequired'));
    const stream = this.sim.state.streams.get(toUrlSafeId(id));
    if (!stream) throw refuse(this.t('runtime.errors.chat.unknownStream', { stream: id }));
    if (!stream.members.includes(user.id)) throw refuse(this.t('runtime.errors.chat.notMember', { user: user.username }));
    return stream;
  }

  /** The messages a member sees: not suppressed, and only the latest version of an updated one. */
  private visible(stream: SimStream): SimMessage[] {
    return (this.sim.state.messages.get(stream.id) ?? []).filter((m) => m.suppressedAt === undefined && m.replacedBy === undefined);
  }

  private visibleMessage(user: SimUser, messageId: string): SimMessage {
    for (const stream of this.sim.state.streams.values()) {
      if (!stream.members.includes(user.id)) continue;
      const found = this.visible(stream).find((m) => m.messageId === messageId);
      if (found) return found;
    }
    throw refuse(this.t('runtime.errors.chat.unknownMessage', { id: messageId, user: user.username }));
  }

  private streamView(stream: SimStream, viewer: SimUser): SymphonyChatData.Stream {
    const { users } = this.sim.state;
    const others = stream.members.filter((id) => id !== viewer.id).map((id) => users.get(id)?.displayName ?? String(id));
    const last = this.visible(stream).at(-1);
    return {
      id: stream.id,
      type: stream.type,
      name: stream.type === 'ROOM' ? stream.roomName ?? stream.id : others.join(', '),
      active: stream.active,
      lastMessageAt: last?.timestamp,
    };
  }

  private messageView(message: SimMessage, viewer: SimUser): SymphonyChatData.Message {
    const sender = this.sim.state.users.get(message.userId);
    return {
      id: message.messageId,
      sender: { username: sender?.username ?? '', displayName: sender?.displayName ?? String(message.userId) },
      timestamp: message.timestamp,
      mine: message.userId === viewer.id,
      content: messageContent(message.message, message.data),
    };
  }

  private sentView(sent: V4MessageJson, viewer: SimUser): SymphonyChatData.Message {
    return {
      id: sent.messageId,
      sender: { username: viewer.username, displayName: viewer.displayName },
      timestamp: sent.timestamp,
      mine: true,
      content: messageContent(sent.message, sent.data),
    };
  }

  /** A call into the simulator; what it refuses (a 4xx of its own) is a 400 with its reason. */
  private simulate<T>(call: () => T): T {
    try {
      return call();
    } catch (err) {
      const status = (err as { status?: unknown }).status;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        throw refuse(this.t('runtime.errors.chat.refused', { reason: (err as Error).message }));
      }
      throw err;
    }
  }

}
