/** JSON views of state records, shaped like the spec's response schemas (UserV2, V2Presence, V4Message). */
import { SIMULATED_VERSION } from '../version';
import type { SimMessage, SimStream, SimUser } from '../model';
import type { SimulatorState } from '../state';

export interface AvatarJson { size: string; url: string }

/** Pod UserV2. */
export interface UserV2Json {
  id: number;
  emailAddress: string;
  firstName?: string;
  lastName?: string;
  displayName: string;
  title?: string;
  company: string;
  username: string;
  location?: string;
  department?: string;
  accountType: SimUser['accountType'];
  avatars: AvatarJson[];
  roles?: string[];
}

/** Agent V4User. */
export interface V4UserJson {
  userId: number;
  firstName?: string;
  lastName?: string;
  displayName: string;
  email: string;
  username?: string;
}

/** Department and location are only shown for users of the caller's own pod, as Symphony does. */
export function userV2(state: SimulatorState, user: SimUser, withRoles = false): UserV2Json {
  const internal = state.isInternal(user);
  return {
    id: user.id,
    emailAddress: user.emailAddress,
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.displayName,
    title: user.title,
    company: user.company,
    username: user.username,
    location: internal ? user.location : undefined,
    department: internal ? user.department : undefined,
    accountType: user.accountType,
    avatars: state.userManage.avatarsOf(user.id),
    roles: withRoles ? [...user.roles] : undefined,
  };
}

export function v4User(state: SimulatorState, user: SimUser): V4UserJson {
  return {
    userId: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.displayName,
    email: user.emailAddress,
    username: state.isInternal(user) ? user.username : undefined,
  };
}

/** Agent V4Message. */
export interface V4MessageJson {
  messageId: string;
  timestamp: number;
  message: string;
  data: string;
  attachments: Array<{ id: string; name: string; size: number; images: Array<{ id: string; dimension: string }> }>;
  user: V4UserJson | Record<string, never>;
  stream: { streamId: string; streamType: SimStream['type']; roomName?: string };
  userAgent: string;
  originalFormat: string;
  replacing?: string;
  replacedBy?: string;
  initialMessageId?: string;
  initialTimestamp?: number;
  silent?: boolean;
}

export function v4Message(state: SimulatorState, message: SimMessage): V4MessageJson {
  const sender = state.users.get(message.userId);
  const stream = state.streams.get(message.streamId);
  return {
    messageId: message.messageId,
    timestamp: message.timestamp,
    message: message.message,
    data: message.data,
    attachments: message.attachments.map((a) => ({
      id: a.id, name: a.name, size: a.size, images: a.previewId ? [{ id: a.previewId, dimension: '600' }] : [],
    })),
    user: sender ? v4User(state, sender) : {},
    stream: { streamId: message.streamId, streamType: stream?.type ?? 'IM', roomName: stream?.roomName },
    userAgent: `Agent-${SIMULATED_VERSION}-Simulator`,
    originalFormat: 'com.symphony.messageml.v2',
    // Update lineage, present only when set (V4Message).
    replacing: message.replacing,
    replacedBy: message.replacedBy,
    initialMessageId: message.initialMessageId,
    initialTimestamp: message.initialTimestamp,
    silent: message.silent,
  };
}
