/**
 * The simulator's event bus: API handlers report state changes here (one line each), and every change becomes a
 * V4Event (agent spec) addressed to the users who would see it in their datafeeds. Like a real agent's, each event
 * has a messageId of its own, not the id of the message it is about (that one is in the payload).
 */
import { randomBytes } from 'node:crypto';
import { v4Message, v4User, type V4UserJson } from './api/views';
import { eventStream, roomProperties } from './event-views';
import { newMessageId } from './ids';
import type { SimConnection, SimMessage, SimStream, SimUser } from './model';
import type { SimulatorState } from './state';

/** The real-time event types (V4Event.type) the simulator emits. */
export const EVENT_TYPES = [
  'MESSAGESENT', 'MESSAGESUPPRESSED', 'SYMPHONYELEMENTSACTION', 'SHAREDPOST', 'INSTANTMESSAGECREATED', 'ROOMCREATED',
  'ROOMUPDATED', 'ROOMDEACTIVATED', 'ROOMREACTIVATED', 'USERREQUESTEDTOJOINROOM', 'USERJOINEDROOM', 'USERLEFTROOM',
  'ROOMMEMBERPROMOTEDTOOWNER', 'ROOMMEMBERDEMOTEDFROMOWNER', 'CONNECTIONREQUESTED', 'CONNECTIONACCEPTED',
  'GENERICSYSTEMEVENT',
] as const;
export type EventType = typeof EVENT_TYPES[number];

/** Agent V4Event. */
export interface V4EventJson {
  id: string;
  /** The event's own id; the id of a message the event is about is in its payload. */
  messageId: string;
  timestamp: number;
  type: EventType;
  initiator: { user: V4UserJson | Record<string, never> };
  payload: Record<string, unknown>;
}

export type EventListener = (event: V4EventJson, audience: ReadonlySet<number>) => void;

/** V4GenericSystemEvent's content: what a system (not a person) reports, e.g. a compliance or workflow tool. */
export interface SystemEvent {
  stream?: SimStream;
  sourceSystem: string;
  eventSubtype: string;
  parameters: Record<string, unknown>;
}

export interface FormReply {
  stream: SimStream;
  formMessageId: string;
  formId: string;
  formValues: Record<string, unknown>;
}

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly state: SimulatorState) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  messageSent(message: SimMessage): void {
    const stream = this.state.streams.get(message.streamId);
    this.publish('MESSAGESENT', message.userId, stream?.members ?? [message.userId],
      { messageSent: { message: v4Message(this.state, message) } });
  }

  messageSuppressed(message: SimMessage, by: SimUser): void {
    const stream = this.state.streams.get(message.streamId);
    if (!stream) return;
    this.publish('MESSAGESUPPRESSED', by.id, stream.members,
      { messageSuppressed: { messageId: message.messageId, stream: eventStream(this.state, stream) } });
  }

  /** A form submitted by `by`: only the sender of the form's message (the bot) receives it. */
  elementsAction(by: SimUser, form: FormReply, formAuthorId: number): void {
    this.publish('SYMPHONYELEMENTSACTION', by.id, [formAuthorId], {
      symphonyElementsAction: {
        stream: eventStream(this.state, form.stream), formMessageId: form.formMessageId, formId: form.formId, formValues: form.formValues,
      },
    });
  }

  imCreated(stream: SimStream, by: SimUser): void {
    this.publish('INSTANTMESSAGECREATED', by.id, stream.members, { instantMessageCreated: { stream: eventStream(this.state, stream, true) } });
  }

  roomCreated(room: SimStream, by: SimUser): void {
    this.publish('ROOMCREATED', by.id, room.members,
      { roomCreated: { stream: eventStream(this.state, room), roomProperties: roomProperties(this.state, room) } });
  }

  roomUpdated(room: SimStream, by: SimUser): void {
    this.publish('ROOMUPDATED', by.id, room.members,
      { roomUpdated: { stream: eventStream(this.state, room), newRoomProperties: roomProperties(this.state, room) } });
  }

  roomActivation(room: SimStream, by: SimUser): void {
    const [type, key] = room.active ? ['ROOMREACTIVATED', 'roomReactivated'] as const : ['ROOMDEACTIVATED', 'roomDeactivated'] as const;
    this.publish(type, by.id, room.members, { [key]: { stream: eventStream(this.state, room) } });
  }

  /** Membership changes; `audience` defaults to the room's members now (for a leave, pass them from before). */
  membership(kind: 'joined' | 'left' | 'promoted' | 'demoted', room: SimStream, by: SimUser, affected: SimUser, audience?: number[]): void {
    const [type, key] = MEMBERSHIP_EVENTS[kind];
    this.publish(type, by.id, audience ?? room.members,
      { [key]: { stream: eventStream(this.state, room), affectedUser: v4User(this.state, affected) } });
  }

  /** After a connection call by `by`: a new (or repeated) request, or a request just accepted. */
  connectionChanged(connection: SimConnection, by: SimUser, before: SimConnection['status'] | undefined): void {
    const requester = this.state.users.get(connection.requesterId);
    const target = this.state.users.get(connection.targetId);
    if (!requester || !target) return;
    if (connection.status === 'PENDING_OUTGOING' && requester.id === by.id) this.connectionRequested(requester, target);
    else if (connection.status === 'ACCEPTED' && before !== 'ACCEPTED') this.connectionAccepted(by, by.id === requester.id ? target : requester);
  }

  connectionRequested(requester: SimUser, target: SimUser): void {
    this.publish('CONNECTIONREQUESTED', requester.id, [requester.id, target.id], { connectionRequested: { toUser: v4User(this.state, target) } });
  }

  connectionAccepted(accepter: SimUser, requester: SimUser): void {
    this.publish('CONNECTIONACCEPTED', accepter.id, [accepter.id, requester.id], { connectionAccepted: { fromUser: v4User(this.state, requester) } });
  }

  /** GENERICSYSTEMEVENT, initiated by `by`, to `audience` (default: the stream's members). */
  genericSystemEvent(by: SimUser, event: SystemEvent, audience?: number[]): void {
    const timestamp = Date.now();
    this.publish('GENERICSYSTEMEVENT', by.id, audience ?? event.stream?.members ?? [], {
      genericSystemEvent: {
        stream: event.stream ? eventStream(this.state, event.stream) : undefined,
        eventTimestamp: timestamp, sourceSystem: event.sourceSystem, eventSubtype: event.eventSubtype, parameters: event.parameters,
      },
    }, timestamp);
  }

  private publish(type: EventType, initiatorId: number, audience: Iterable<number>, payload: Record<string, unknown>, timestamp = Date.now()): void {
    const initiator = this.state.users.get(initiatorId);
    const event: V4EventJson = {
      id: randomBytes(12).toString('base64url'),
      messageId: newMessageId(),
      timestamp,
      type,
      initiator: { user: initiator ? v4User(this.state, initiator) : {} },
      payload,
    };
    const to = new Set(audience);
    for (const listener of this.listeners) listener(event, to);
  }
}

const MEMBERSHIP_EVENTS = {
  joined: ['USERJOINEDROOM', 'userJoinedRoom'],
  left: ['USERLEFTROOM', 'userLeftRoom'],
  promoted: ['ROOMMEMBERPROMOTEDTOOWNER', 'roomMemberPromotedToOwner'],
  demoted: ['ROOMMEMBERDEMOTEDFROMOWNER', 'roomMemberDemotedFromOwner'],
} as const satisfies Record<string, readonly [EventType, string]>;
