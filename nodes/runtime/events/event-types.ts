/**
 * The real-time event types of the agent's datafeed (V4Event.type), in the order the edit dialog lists them, and
 * the V4Payload member each one's payload sits in. The spec spells the demotion ROOMMEMBERDEMOTEDFROMOWNER.
 * test/nodes/events-types.test.ts checks this list against the spec.
 */
export const EVENT_PAYLOAD_KEYS = {
  MESSAGESENT: 'messageSent',
  MESSAGESUPPRESSED: 'messageSuppressed',
  SYMPHONYELEMENTSACTION: 'symphonyElementsAction',
  SHAREDPOST: 'sharedPost',
  INSTANTMESSAGECREATED: 'instantMessageCreated',
  ROOMCREATED: 'roomCreated',
  ROOMUPDATED: 'roomUpdated',
  ROOMDEACTIVATED: 'roomDeactivated',
  ROOMREACTIVATED: 'roomReactivated',
  USERJOINEDROOM: 'userJoinedRoom',
  USERLEFTROOM: 'userLeftRoom',
  ROOMMEMBERPROMOTEDTOOWNER: 'roomMemberPromotedToOwner',
  ROOMMEMBERDEMOTEDFROMOWNER: 'roomMemberDemotedFromOwner',
  CONNECTIONREQUESTED: 'connectionRequested',
  CONNECTIONACCEPTED: 'connectionAccepted',
  USERREQUESTEDTOJOINROOM: 'userRequestedToJoinRoom',
  GENERICSYSTEMEVENT: 'genericSystemEvent',
} as const;

export type EventType = keyof typeof EVENT_PAYLOAD_KEYS;

export const EVENT_TYPES = Object.keys(EVENT_PAYLOAD_KEYS) as EventType[];

export const DEFAULT_EVENT_TYPES: readonly EventType[] = ['MESSAGESENT'];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENT_PAYLOAD_KEYS, value);
}

/** V4User, as events carry it. */
export interface EventUser {
  userId?: number;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  email?: string;
  username?: string;
}

/** V4Event as the node delivers it, once checked (event-check.ts); the payload stays loosely typed. */
export interface DatafeedEvent {
  id?: string;
  messageId?: string;
  timestamp?: number;
  type: EventType;
  initiator?: { user?: EventUser };
  payload: Record<string, unknown>;
}

/** The types the datahose serves (agent spec, V5EventsReadBody.eventTypes): all but generic system events. */
export const DATAHOSE_EVENT_TYPES: readonly EventType[] = EVENT_TYPES.filter((type) => type !== 'GENERICSYSTEMEVENT');

/** The datahose's scopes (V5EventsReadBody.scopes); none selected: every event. */
export const DATAHOSE_SCOPES = ['INTERNAL', 'EXTERNAL', 'FEDERATED'] as const;
