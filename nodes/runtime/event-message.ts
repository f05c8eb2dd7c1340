/**
 * One datafeed event as the flow gets it: msg.topic is the event type and msg.payload the event as the agent sent
 * it, with what flows use most at hand: stream id, message id, initiator, and for messages the text, mentions,
 * hashtags and cashtags (nodes/runtime/message-text.ts); for a form reply its form id and values.
 */
import { EVENT_PAYLOAD_KEYS, isEventType, type DatafeedEvent, type EventType, type EventUser } from './event-types';
import { parseMessage, type ParsedMessage } from './message-text';
import type { NodeMessage } from './node-red';
import { toUrlSafeStreamId } from './normalise';

type Json = Record<string, unknown>;

/** An event read once for both the filter and the msg. */
export interface ReadEvent {
  event: DatafeedEvent;
  type: EventType | undefined;
  streamId?: string;
  messageId?: string;
  initiator?: EventUser;
  /** MESSAGESENT and SHAREDPOST: the V4Message and its parsed text. */
  message?: Json;
  parsed?: ParsedMessage;
}

const asObject = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? value as Json : undefined);
const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The member of V4Payload that holds this type's payload. */
export function payloadOf(event: DatafeedEvent, type: EventType | undefined): Json | undefined {
  return type ? asObject(event.payload?.[EVENT_PAYLOAD_KEYS[type]]) : undefined;
}

export function readEvent(event: DatafeedEvent): ReadEvent {
  const type = isEventType(event.type) ? event.type : undefined;
  const payload = payloadOf(event, type);
  const message = type === 'MESSAGESENT' || type === 'SHAREDPOST' ? asObject(payload?.message) : undefined;
  const stream = asObject(message?.stream) ?? asObject(payload?.stream);
  const rawStreamId = asString(stream?.streamId);
  const parsed = message
    ? parseMessage(asString(message.message) ?? '', typeof message.data === 'string' || asObject(message.data) ? message.data as string | Json : undefined)
    : undefined;
  return {
    event,
    type,
    streamId: rawStreamId ? toUrlSafeStreamId(rawStreamId) : undefined,
    messageId: asString(event.messageId) ?? asString(message?.messageId) ?? asString(payload?.messageId) ?? asString(payload?.formMessageId),
    initiator: asObject(event.initiator?.user) as EventUser | undefined,
    message,
    parsed,
  };
}

export function eventMessage(read: ReadEvent): NodeMessage {
  const msg: NodeMessage = { topic: read.event.type ?? '', payload: read.event };
  if (read.streamId) msg.streamId = read.streamId;
  if (read.messageId) msg.messageId = read.messageId;
  if (read.initiator) msg.initiator = read.initiator;
  if (read.parsed) {
    msg.text = read.parsed.text;
    msg.mentions = read.parsed.mentions;
    msg.hashtags = read.parsed.hashtags;
    msg.cashtags = read.parsed.cashtags;
  }
  if (read.type === 'SYMPHONYELEMENTSACTION') {
    const action = payloadOf(read.event, read.type);
    msg.formId = asString(action?.formId);
    msg.formMessageId = asString(action?.formMessageId);
    msg.formValues = asObject(action?.formValues) ?? {};
  }
  return msg;
}
