/** The records the simulator keeps in memory. Shapes are internal; API views are built from them per request. */
import type { KeyObject } from 'node:crypto';

export type AccountType = 'NORMAL' | 'SYSTEM';

export const PRESENCE_CATEGORIES = [
  'UNDEFINED', 'AVAILABLE', 'BUSY', 'DO_NOT_DISTURB', 'ON_THE_PHONE', 'BE_RIGHT_BACK', 'IN_A_MEETING', 'AWAY',
  'OUT_OF_OFFICE', 'OFF_WORK', 'OFFLINE',
] as const;
export type PresenceCategory = typeof PRESENCE_CATEGORIES[number];

export interface SimUser {
  id: number;
  username: string;
  emailAddress: string;
  displayName: string;
  firstName?: string;
  lastName?: string;
  company: string;
  title?: string;
  department?: string;
  location?: string;
  accountType: AccountType;
  active: boolean;
  roles: string[];
  entitlements: { canSendFiles: boolean };
}

export type StreamType = 'IM' | 'MIM' | 'ROOM';

export interface SimStream {
  id: string;
  type: StreamType;
  /** Member user ids; for IM/MIM the sorted member set is also the identity of the conversation. */
  members: number[];
  roomName?: string;
  createdBy: number;
  createdAt: number;
  active: boolean;
}

export interface SimAttachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
  content: Buffer;
  previewId?: string;
  /** The preview picture sent with the attachment (part `preview`), served under previewId. */
  previewContent?: Buffer;
}

export interface SimMessage {
  messageId: string;
  streamId: string;
  timestamp: number;
  userId: number;
  /** The MessageML as sent. */
  messageML: string;
  /** The PresentationML the agent returns. */
  message: string;
  /** EntityJSON as a string ('{}' when none was sent). */
  data: string;
  version?: string;
  attachments: SimAttachment[];
  /** Set on a message made by an update: the version it replaces, the first version and when that was sent. */
  replacing?: string;
  initialMessageId?: string;
  initialTimestamp?: number;
  /** Set on a version that an update replaced: the newer version. */
  replacedBy?: string;
  /** Set on a message made by an update: false when readers see the update as unread. */
  silent?: boolean;
  /** When the message was suppressed (POST /pod/v1/admin/messagesuppression/{id}/suppress). */
  suppressedAt?: number;
}

export interface SimPresence {
  category: PresenceCategory;
  timestamp: number;
}

export type ConnectionStatus = 'ACCEPTED' | 'PENDING_OUTGOING' | 'REJECTED';

/**
 * A connection request from `requesterId` to `targetId` (PENDING_OUTGOING as the requester sees it,
 * PENDING_INCOMING as the target does); only ACCEPTED ones let external users talk.
 */
export interface SimConnection {
  requesterId: number;
  targetId: number;
  status: ConnectionStatus;
  updatedAt: number;
  firstRequestedAt: number;
  /** How many times the requester asked. */
  requestCounter: number;
}

export interface SimApp {
  appId: string;
  publicKey: KeyObject;
  permissions: string[];
}

interface SessionBase {
  token: string;
  issuedAt: number;
}

/** A pod session for a user: a bot (RSA or certificate) or a user acting through an OBO app. */
export interface UserSession extends SessionBase {
  kind: 'user';
  userId: number;
  /** Set for OBO sessions: the app whose permissions bound the session. */
  oboAppId?: string;
}

export interface KeyManagerSession extends SessionBase {
  kind: 'keyManager';
  userId: number;
}

export interface AppSession extends SessionBase {
  kind: 'app';
  appId: string;
}

export type SimSession = UserSession | KeyManagerSession | AppSession;
