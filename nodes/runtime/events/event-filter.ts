/**
 * Which events reach the flow: the selected types; the selected streams (events without a stream, such as
 * connection requests, pass only when no stream is selected); not the bot's own messages (ignoreOwn); and
 * messages only when they mention the bot (mentionsOnly). ignoreOwn and mentionsOnly apply to messages
 * (MESSAGESENT, SHAREDPOST); other event types pass them.
 */
import type { EventType } from './event-types';
import type { ReadEvent } from './event-message';
import { toUrlSafeStreamId } from '../operations/normalise';

export interface EventFilterSettings {
  types: ReadonlySet<EventType>;
  /** URL-safe stream ids; empty: every stream. */
  streamIds: ReadonlySet<string>;
  ignoreOwn: boolean;
  mentionsOnly: boolean;
}

/** Stream ids as typed in the dialog: separated by commas, spaces or new lines, in either base64 form. */
export function parseStreamIds(text: unknown): Set<string> {
  if (Array.isArray(text)) return new Set(text.map(String).map(toUrlSafeStreamId).filter((id) => id !== ''));
  if (typeof text !== 'string') return new Set();
  return new Set(text.split(/[\s,]+/).map(toUrlSafeStreamId).filter((id) => id !== ''));
}

export function acceptsEvent(read: ReadEvent, settings: EventFilterSettings, botUserId: number | undefined): boolean {
  if (!settings.types.has(read.type)) return false;
  if (settings.streamIds.size > 0 && (!read.streamId || !settings.streamIds.has(read.streamId))) return false;
  if (!read.message) return true;
  const sender = read.initiator?.userId;
  if (settings.ignoreOwn && botUserId !== undefined && sender === botUserId) return false;
  if (settings.mentionsOnly && !(read.parsed?.mentions ?? []).some((m) => m.id === botUserId)) return false;
  return true;
}
