/**
 * Datafeed events for tests, with the agent spec as the oracle: the event types and payload members the spec
 * defines (V4Event.type, V4Payload), a validator of V4Event compiled from the spec, well-formed events of every type
 * (shapes written for these tests after real agent payloads), and ways to spoil one.
 *
 * What the node must deliver is decided here, not by the package: an event is well-formed when the spec's V4Event
 * schema accepts it, its type is one the spec lists, and its payload holds the member of that type (with its
 * message, for MESSAGESENT and SHAREDPOST).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import yaml from 'js-yaml';
import { SPEC_DIR } from '../conformance/spec';

type Json = Record<string, unknown>;

interface AgentSpec {
  types: string[];
  members: string[];
  validate: ValidateFunction;
  /** The types a datahose read may ask for (listed in V5EventsReadBody.eventTypes' description). */
  datahoseTypes: string[];
}

let loaded: AgentSpec | undefined;

/** The agent spec's event types (listed in V4Event.type's description), V4Payload members and V4Event validator. */
export function agentSpec(): AgentSpec {
  if (loaded) return loaded;
  const doc = yaml.load(readFileSync(path.join(SPEC_DIR, 'agent', 'agent-api-public.yaml'), 'utf8')) as { components: { schemas: Record<string, Json> } };
  const { schemas } = doc.components;
  const typeDoc = String(((schemas.V4Event?.properties as Json).type as Json).description);
  const types = [...typeDoc.matchAll(/^\s*-\s*([A-Z_]+)\s*$/gm)].map((m) => m[1] as string);
  const members = Object.keys((schemas.V4Payload?.properties ?? {}) as Json);
  const hoseDoc = String((((schemas.V5EventsReadBody?.properties as Json).eventTypes as Json).description));
  const datahoseTypes = [...hoseDoc.matchAll(/^\s*\*\s*([A-Z_]+)\s*$/gm)].map((m) => m[1] as string);
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });
  ajv.addSchema({ $id: 'agent', components: doc.components });
  const validate = ajv.getSchema('agent#/components/schemas/V4Event');
  if (!validate) throw new Error('V4Event not found in the agent spec');
  loaded = { types, members, validate, datahoseTypes };
  return loaded;
}

/** The V4Payload member of a spec type: the one named like it (MESSAGESENT: messageSent). */
export function memberOf(type: string): string | undefined {
  const found = agentSpec().members.filter((m) => m.toLowerCase() === type.toLowerCase());
  return found.length === 1 ? found[0] : undefined;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The oracle: whether the node must deliver this value as an event. */
export function wellFormed(value: unknown): boolean {
  const spec = agentSpec();
  if (!isObject(value) || !spec.validate(value)) return false;
  const type = value.type;
  if (typeof type !== 'string' || !spec.types.includes(type)) return false;
  const member = memberOf(type);
  const content = member && isObject(value.payload) ? value.payload[member] : undefined;
  if (!isObject(content)) return false;
  return (type !== 'MESSAGESENT' && type !== 'SHAREDPOST') || isObject(content.message);
}

/** What tells two events apart: a repeat of the same event has the same id, type and timestamp. */
export function identity(event: unknown): string {
  const e = event as Json;
  return JSON.stringify([e.id, e.type, e.timestamp]);
}

const BASE_TIME = 1_760_000_000_000;

const person = (n: number): Json => ({
  userId: 349_026_222_000 + n, firstName: 'Nia', lastName: `Okafor${n}`, displayName: `Nia Okafor${n}`, email: `nia${n}@firm.example`,
  username: `nia.okafor${n}`,
});

const ROOM: Json = { streamId: 'lY9b2iCmXiUJ0tr0Jz_vZX___oKqW3M2dA', streamType: 'ROOM', roomName: 'Rates desk', external: false, crossPod: false };
const IM = (n: number): Json => ({ streamId: `zRtxh0aZV2nGq4Llq9_${n}u___oKqW1bPdA`, streamType: 'IM', members: [person(n), person(n + 1)], external: false, crossPod: false });

function v4Message(id: string, n: number): Json {
  return {
    messageId: id,
    timestamp: BASE_TIME + n,
    message: `<div data-format="PresentationML" data-version="2.0">Quote for <span class="entity" data-entity-id="0">@Nia Okafor${n}</span>: `
      + '<span class="entity" data-entity-id="1">#rates</span> <span class="entity" data-entity-id="2">$TY1</span> at 110-16</div>',
    data: JSON.stringify({
      0: { type: 'com.symphony.user.mention', version: '1.0', id: [{ type: 'com.symphony.user.userId', value: String(person(n).userId) }] },
      1: { type: 'org.symphonyoss.taxonomy', version: '1.0', id: [{ type: 'org.symphonyoss.taxonomy.hashtag', value: 'rates' }] },
      2: { type: 'org.symphonyoss.fin.security', version: '1.0', id: [{ type: 'org.symphonyoss.fin.security.id.ticker', value: 'TY1' }] },
    }),
    attachments: [],
    user: person(n),
    stream: ROOM,
    externalRecipients: false,
    userAgent: 'Agent-25.8.1-Linux',
    originalFormat: 'com.symphony.messageml.v2',
    sid: `5d0b7f7e-1c2d-4e8f-9a0b-${String(n).padStart(12, '0')}`,
  };
}

const roomProperties = (n: number): Json => ({
  name: 'Rates desk', description: 'Quotes and axes', creatorUser: person(n), createdDate: BASE_TIME - 86_400_000, external: false,
  crossPod: false, public: false, copyProtected: false, readOnly: false, discoverable: true, membersCanInvite: true,
  keywords: [{ key: 'region', value: 'EMEA' }], canViewHistory: true,
});

/** The payload member of a well-formed event of each spec type. */
const CONTENT: Record<string, (n: number) => Json> = {
  MESSAGESENT: (n) => ({ message: v4Message(`msg${n}AaBbCcDdEeFf`, n) }),
  SHAREDPOST: (n) => ({ message: v4Message(`post${n}GgHhIiJjKk`, n), sharedMessage: v4Message(`orig${n}LlMmNnOo`, n + 1) }),
  INSTANTMESSAGECREATED: (n) => ({ stream: IM(n) }),
  ROOMCREATED: (n) => ({ stream: ROOM, roomProperties: roomProperties(n) }),
  ROOMUPDATED: (n) => ({ stream: ROOM, newRoomProperties: roomProperties(n) }),
  ROOMDEACTIVATED: () => ({ stream: ROOM }),
  ROOMREACTIVATED: () => ({ stream: ROOM }),
  USERJOINEDROOM: (n) => ({ stream: ROOM, affectedUser: person(n) }),
  USERLEFTROOM: (n) => ({ stream: ROOM, affectedUser: person(n) }),
  ROOMMEMBERPROMOTEDTOOWNER: (n) => ({ stream: ROOM, affectedUser: person(n) }),
  ROOMMEMBERDEMOTEDFROMOWNER: (n) => ({ stream: ROOM, affectedUser: person(n) }),
  CONNECTIONREQUESTED: (n) => ({ toUser: person(n) }),
  CONNECTIONACCEPTED: (n) => ({ fromUser: person(n) }),
  MESSAGESUPPRESSED: (n) => ({ messageId: `gone${n}PpQqRrSsTt`, stream: ROOM }),
  SYMPHONYELEMENTSACTION: (n) => ({
    stream: ROOM, formMessageId: `form${n}UuVvWwXxYy`, formId: 'quote-request', formValues: { action: 'submit', size: String(n), notes: 'asap' },
  }),
  USERREQUESTEDTOJOINROOM: (n) => ({ stream: ROOM, affectedUsers: [person(n), person(n + 1)] }),
  GENERICSYSTEMEVENT: (n) => ({
    stream: ROOM, eventTimestamp: BASE_TIME + n, sourceSystem: 'surveillance', eventSubtype: 'alert.raised',
    parameters: { alertId: `A-${n}`, severity: 'low', rules: ['r1', 'r2'], nested: { score: 0.25 } },
  }),
};

/** The types the builders above cover (the spec's list is the test's oracle; a test checks they agree). */
export const BUILT_TYPES = Object.keys(CONTENT);

/** A well-formed V4Event of a type; `n` varies its content, `id` and `timestamp` make its identity. */
export function wellFormedEvent(type: string, id: string, timestamp: number, n = 0): Json {
  const content = CONTENT[type];
  const member = memberOf(type);
  if (!content || !member) throw new Error(`no builder for ${type}`);
  return {
    id, messageId: `evt${n}ZzAaBbCcDd`, timestamp, type, initiator: { user: person(n) }, payload: { [member]: content(n) },
  };
}

/** Ways to spoil a well-formed event (each one breaks the spec's schema or leaves out what the type needs). */
export const SPOILERS: Record<string, (event: Json) => void> = {
  typeMissing: (e) => { delete e.type; },
  typeNumber: (e) => { e.type = 7; },
  typeUnknown: (e) => { e.type = 'MESSAGEEDITED'; },
  typeLowerCase: (e) => { e.type = String(e.type).toLowerCase(); },
  idNumber: (e) => { e.id = 12; },
  timestampText: (e) => { e.timestamp = '2025-01-01T00:00:00Z'; },
  timestampFraction: (e) => { e.timestamp = 1.5; },
  payloadMissing: (e) => { delete e.payload; },
  payloadText: (e) => { e.payload = 'payload'; },
  payloadNull: (e) => { e.payload = null; },
  payloadList: (e) => { e.payload = [e.payload]; },
  memberMissing: (e) => { e.payload = {}; },
  memberNull: (e) => { const p = e.payload as Json; p[Object.keys(p)[0] as string] = null; },
  memberText: (e) => { const p = e.payload as Json; p[Object.keys(p)[0] as string] = 'content'; },
  initiatorText: (e) => { e.initiator = 'someone'; },
  initiatorUserNumber: (e) => { e.initiator = { user: 5 }; },
  initiatorUserIdText: (e) => { e.initiator = { user: { userId: 'seven' } }; },
  messageIdOfEventNumber: (e) => { e.messageId = 99; },
  diagnosticObject: (e) => { e.diagnostic = { error: 'parse' }; },
};

/** Spoilers that apply to the content of some types only: the content must have the property. */
export const CONTENT_SPOILERS: Record<string, (content: Json) => boolean> = {
  messageMissing: (c) => 'message' in c && delete c.message,
  messageText: (c) => 'message' in c && ((c.message = '<div>hi</div>'), true),
  messageIdNumber: (c) => isObject(c.message) && ((c.message.messageId = 42), true),
  messageBodyNumber: (c) => isObject(c.message) && ((c.message.message = 3), true),
  messageDataObject: (c) => isObject(c.message) && ((c.message.data = { 0: {} }), true),
  messageStreamText: (c) => isObject(c.message) && ((c.message.stream = 'room'), true),
  streamIdNumber: (c) => isObject(c.stream) && ((c.stream = { ...c.stream, streamId: 5 }), true),
  streamList: (c) => 'stream' in c && ((c.stream = [c.stream]), true),
  affectedUserText: (c) => 'affectedUser' in c && ((c.affectedUser = 'nia'), true),
  affectedUsersObject: (c) => 'affectedUsers' in c && ((c.affectedUsers = { 0: {} }), true),
  formValuesText: (c) => 'formValues' in c && ((c.formValues = 'size=3'), true),
  formIdNumber: (c) => 'formId' in c && ((c.formId = 3), true),
  suppressedIdList: (c) => 'messageId' in c && ((c.messageId = ['x']), true),
  parametersList: (c) => 'parameters' in c && ((c.parameters = ['p']), true),
  eventTimestampText: (c) => 'eventTimestamp' in c && ((c.eventTimestamp = 'now'), true),
  membersText: (c) => isObject(c.stream) && ((c.stream = { ...c.stream, members: 'all' }), true),
};

/** A copy of a well-formed event spoiled one way; undefined when that way does not apply to its type. */
export function spoiledEvent(event: Json, spoiler: string): Json | undefined {
  const copy = structuredClone(event);
  const whole = SPOILERS[spoiler];
  if (whole) {
    whole(copy);
    return copy;
  }
  const payload = copy.payload as Json;
  const content = payload[Object.keys(payload)[0] as string] as Json;
  return CONTENT_SPOILERS[spoiler]?.(content) ? copy : undefined;
}

export const SPOILER_NAMES = [...Object.keys(SPOILERS), ...Object.keys(CONTENT_SPOILERS)];
