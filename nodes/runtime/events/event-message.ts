/**
 * One datafeed event as the flow gets it: msg.topic is the event type and msg.payload the event as the agent sent
 * it, with what flows use most at hand: stream id, message id, initiator, and for messages the text, mentions,
 * hashtags and cashtags (nodes/runtime/messages/message-text.ts); for a form reply its form id and values. Events reach here
 * checked (event-check.ts): an object of a known type, with its payload member.
 */
import { EVENT_PAYLOAD_KEYS, type DatafeedEvent, type EventType, type EventUser } from './event-types';
import { parseMessage, type ParsedMessage } from '../messages/message-text';
import type { NodeMessage } from '../core/node-red';
import { toUrlSafeStreamId } from '../operations/normalise';

type Json = Record<string, unknown>;

/** An event read once for both the filter and the msg. */
export interface ReadEvent {
  event: DatafeedEvent;
  type: EventType;
  streamId?: string;
  /** The id of the message the event is about (V4Message.messageId...), never the event's own messageId. */
  messageId?: string;
  initiator?: EventUser;
  /** MESSAGESENT and SHAREDPOST: the V4Message and its parsed text. */
  message?: Json;
  parsed?: ParsedMessage;
}

const asObject = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? value as Json : undefined);
const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The member of V4Payload that holds this type's payload. */
export function payloadOf(event: DatafeedEvent): Json | undefined {
  return asObject(event.payload[EVENT_PAYLOAD_KEYS[event.type]]);
}

export function readEvent(event: DatafeedEvent): ReadEvent {
  const { type } = event;
  const payload = payloadOf(event);
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
    // V4Event.messageId is the event's own; the message's id is in the payload: V4Message.messageId for messages,
    // messageId of a suppression, formMessageId of a form reply.
    messageId: message ? asString(message.messageId) : asString(payload?.messageId) ?? asString(payload?.formMessageId),
    initiator: asObject(event.initiator?.user) as EventUser | undefined,
    message,
    parsed,
  };
}

export function eventMessage(read: ReadEvent): NodeMessage {
  const msg: NodeMessage = { topic: read.type, payload: read.event };
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
    const action = payloadOf(read.event);
    msg.formId = asString(action?.formId);
    msg.formMessageId = asString(action?.formMessageId);
    msg.formValues = asObject(action?.formValues) ?? {};
  }
  return msg;
}
