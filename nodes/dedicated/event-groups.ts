/**
 * How the events node's dialog groups the event types, and the presets it offers. Typed by event type: a type
 * added to the spec list (nodes/runtime/events/event-types.ts) does not compile until it has a group here.
 */
import { DATAHOSE_EVENT_TYPES, EVENT_TYPES, type EventType } from '../runtime/events/event-types';
import type { ChoiceGroup } from './types';

export const EVENT_GROUP_KEYS = ['messages', 'forms', 'rooms', 'connections', 'other'] as const;
export type EventGroup = (typeof EVENT_GROUP_KEYS)[number];

const GROUP_OF: Readonly<Record<EventType, EventGroup>> = {
  MESSAGESENT: 'messages',
  MESSAGESUPPRESSED: 'messages',
  SHAREDPOST: 'messages',
  SYMPHONYELEMENTSACTION: 'forms',
  INSTANTMESSAGECREATED: 'rooms',
  ROOMCREATED: 'rooms',
  ROOMUPDATED: 'rooms',
  ROOMDEACTIVATED: 'rooms',
  ROOMREACTIVATED: 'rooms',
  USERJOINEDROOM: 'rooms',
  USERLEFTROOM: 'rooms',
  USERREQUESTEDTOJOINROOM: 'rooms',
  ROOMMEMBERPROMOTEDTOOWNER: 'rooms',
  ROOMMEMBERDEMOTEDFROMOWNER: 'rooms',
  CONNECTIONREQUESTED: 'connections',
  CONNECTIONACCEPTED: 'connections',
  GENERICSYSTEMEVENT: 'other',
};

/** The groups in dialog order, each with its types in the spec list's order. */
export const EVENT_GROUPS: readonly ChoiceGroup[] = EVENT_GROUP_KEYS.map((key) => ({
  key,
  choices: EVENT_TYPES.filter((type) => GROUP_OF[type] === key),
}));

/** One preset per group but *other*, then all and none; a preset replaces the selection. */
export const EVENT_PRESETS: readonly ChoiceGroup[] = [
  ...EVENT_GROUPS.filter((group) => group.key !== 'other'),
  { key: 'all', choices: EVENT_TYPES },
  { key: 'none', choices: [] },
];

/** The datahose's groups and presets: the same, without the types it does not serve (and groups left empty). */
export const DATAHOSE_EVENT_GROUPS: readonly ChoiceGroup[] = EVENT_GROUPS
  .map((group) => ({ key: group.key, choices: group.choices.filter((type) => DATAHOSE_EVENT_TYPES.includes(type as EventType)) }))
  .filter((group) => group.choices.length > 0);

export const DATAHOSE_EVENT_PRESETS: readonly ChoiceGroup[] = [
  ...DATAHOSE_EVENT_GROUPS,
  { key: 'all', choices: DATAHOSE_EVENT_TYPES },
  { key: 'none', choices: [] },
];
