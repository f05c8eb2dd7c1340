/**
 * Which datafeed events the node can deliver, decided from the agent spec's V4Event schema: an object whose `type`
 * is one of the spec's event types, whose fields have the spec's JSON types where present, and whose payload holds
 * the member of its type (for MESSAGESENT and SHAREDPOST, with its message). Anything else (null, a number, an
 * unknown type, a payload that is not an object...) is refused with the reason, so that the loop can skip it and
 * deliver the rest of the answer. Only the fields the node reads are checked; others pass as they are.
 */
import { EVENT_PAYLOAD_KEYS, isEventType, type DatafeedEvent } from './event-types';
import { text } from '../core/i18n';

/** A JSON type, a list of one shape, or the properties an object may have (those absent are not checked). */
type Shape = 'string' | 'integer' | 'boolean' | 'object' | 'array' | readonly [Shape] | { readonly [property: string]: Shape };

const V4_USER: Shape = {
  userId: 'integer', firstName: 'string', lastName: 'string', displayName: 'string', email: 'string', username: 'string',
};
const V4_STREAM: Shape = {
  streamId: 'string', streamType: 'string', roomName: 'string', members: [V4_USER], external: 'boolean', crossPod: 'boolean',
  recipientTenantIds: 'array',
};
const V4_MESSAGE: Shape = {
  messageId: 'string', parentMessageId: 'string', timestamp: 'integer', message: 'string', sharedMessage: 'object', data: 'string',
  attachments: 'array', user: V4_USER, stream: V4_STREAM, externalRecipients: 'boolean',
};
/** The properties of the V4Payload members: the spec gives a property name the same schema in every member. */
const PAYLOAD_MEMBER: Shape = {
  stream: V4_STREAM, message: V4_MESSAGE, sharedMessage: V4_MESSAGE, affectedUser: V4_USER, affectedUsers: [V4_USER],
  toUser: V4_USER, fromUser: V4_USER, roomProperties: 'object', newRoomProperties: 'object', messageId: 'string',
  formMessageId: 'string', formId: 'string', formValues: 'object', eventTimestamp: 'integer', sourceSystem: 'string',
  eventSubtype: 'string', parameters: 'object',
};
const V4_PAYLOAD: Shape = Object.fromEntries(Object.values(EVENT_PAYLOAD_KEYS).map((member) => [member, PAYLOAD_MEMBER]));
const V4_EVENT: Shape = {
  id: 'string', messageId: 'string', timestamp: 'integer', type: 'string', diagnostic: 'string', initiator: { user: V4_USER },
  payload: V4_PAYLOAD,
};

type Json = Record<string, unknown>;

export type EventCheck = { ok: true; event: DatafeedEvent } | { ok: false; id?: string; problem: string };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** At most this many characters of a value received are quoted in a warning. */
const QUOTE_LIMIT = 100;

function quote(value: string): string {
  return JSON.stringify(value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT)}…` : value);
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;
}

function fits(value: unknown, type: 'string' | 'integer' | 'boolean' | 'object' | 'array'): boolean {
  switch (type) {
    case 'integer': return Number.isInteger(value);
    case 'object': return isObject(value);
    case 'array': return Array.isArray(value);
    default: return typeof value === type;
  }
}

interface Misfit {
  /** Dotted path, e.g. payload.messageSent.message.stream.streamId. */
  field: string;
  expected: string;
  value: unknown;
}

/** The first field that does not have its shape; undefined when the value fits. */
function misfit(value: unknown, shape: Shape, path: string): Misfit | undefined {
  if (typeof shape === 'string') return fits(value, shape) ? undefined : { field: path, expected: shape, value };
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return { field: path, expected: 'array', value };
    const item = shape[0] as Shape;
    for (let i = 0; i < value.length; i++) {
      const found = misfit(value[i], item, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(value)) return { field: path, expected: 'object', value };
  for (const [property, inner] of Object.entries(shape as Record<string, Shape>)) {
    if (!Object.prototype.hasOwnProperty.call(value, property) || value[property] === undefined) continue;
    const found = misfit(value[property], inner, path ? `${path}.${property}` : property);
    if (found) return found;
  }
  return undefined;
}

/** The id to name in a warning, quoted and shortened: the event's id when it has a readable one. */
export function quotedEventId(raw: Json | DatafeedEvent): string | undefined {
  const { id } = raw;
  if (typeof id === 'string' && id !== '') return quote(id);
  return typeof id === 'number' && Number.isFinite(id) ? String(id) : undefined;
}

export function checkEvent(raw: unknown): EventCheck {
  if (!isObject(raw)) return { ok: false, problem: text('runtime.events.problems.notObject', { kind: jsonKind(raw) }) };
  const id = quotedEventId(raw);
  const refuse = (problem: string): EventCheck => ({ ok: false, id, problem });
  const missing = (field: string): EventCheck => refuse(text('runtime.events.problems.missing', { field }));
  const wrong = misfit(raw, V4_EVENT, '');
  if (wrong) return refuse(text('runtime.events.problems.wrongType', { field: wrong.field, expected: wrong.expected, kind: jsonKind(wrong.value) }));
  const type = raw.type as string | undefined;
  if (type === undefined) return missing('type');
  if (!isEventType(type)) return refuse(text('runtime.events.problems.unknownType', { type: quote(type) }));
  const member = EVENT_PAYLOAD_KEYS[type];
  const payload = raw.payload as Json | undefined;
  if (!payload) return missing('payload');
  const content = payload[member];
  if (!isObject(content)) return missing(`payload.${member}`);
  if ((type === 'MESSAGESENT' || type === 'SHAREDPOST') && !isObject(content.message)) return missing(`payload.${member}.message`);
  return { ok: true, event: raw as unknown as DatafeedEvent };
}
