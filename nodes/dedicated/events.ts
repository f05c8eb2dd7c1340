/** The `symphony-events` node's editor side (runtime: nodes/runtime/events/events-node.ts). */
import { EVENT_GROUPS, EVENT_PRESETS } from './event-groups';
import { CLAIM_FIELDS } from './claim-fields';
import type { DedicatedNodeSpec } from './types';

/** Saves the event types and keeps the hidden `outputs` in step with them (nodes/editor/events-dialog.ts). */
const ONEDITSAVE = 'function () { SymphonyEditor.saveEventsDialog(this); }';

const OUTPUT_LABELS = 'function (index) { return SymphonyEditor.eventsOutputLabel(this, index); }';

/** The msg of an event, as both event source nodes send it (nodes/runtime/events/event-message.ts). */
export const EVENT_MSG_PROPERTIES = [
  ['topic', 'string'], ['payload', 'object'], ['streamId', 'string'], ['messageId', 'string'], ['initiator', 'object'],
  ['text', 'string'], ['mentions', 'array'], ['hashtags', 'array'], ['cashtags', 'array'], ['formId', 'string'],
  ['formMessageId', 'string'], ['formValues', 'object'],
] as const;

/** One output, or one per selected event type. */
export const PER_TYPE_OUTPUTS = { oneditsave: ONEDITSAVE, outputLabels: OUTPUT_LABELS };

export const EVENTS_NODE: DedicatedNodeSpec = {
  type: 'symphony-events',
  key: 'events',
  category: 'symphony events',
  icon: 'symphony-events.svg',
  inputs: 0,
  outputs: 1,
  botOnly: true,
  fields: [
    { name: 'name', value: '', input: { kind: 'text', placeholder: true }, icon: 'tag' },
    { name: 'config', value: '', input: { kind: 'config', type: 'symphony-config' }, required: true, icon: 'server' },
    {
      name: 'eventTypes', value: ['MESSAGESENT'], input: { kind: 'checklist', groups: EVENT_GROUPS, presets: EVENT_PRESETS },
      icon: 'filter', validate: 'function (v) { return Array.isArray(v) ? v.length > 0 : typeof v === \'string\' && v !== \'\'; }',
    },
    { name: 'streamIds', value: '', input: { kind: 'textarea', rows: 2 }, icon: 'comments' },
    { name: 'ignoreOwn', value: true, input: { kind: 'checkbox' }, icon: 'user-times' },
    { name: 'mentionsOnly', value: false, input: { kind: 'checkbox' }, icon: 'at' },
    { name: 'outputMode', value: 'single', input: { kind: 'select', choices: ['single', 'perType'] }, icon: 'sign-out' },
    {
      name: 'tag', value: '', input: { kind: 'text', placeholder: true }, icon: 'bookmark',
      validate: 'function (v) { return typeof v !== \'string\' || v.length <= 100; }',
    },
    ...CLAIM_FIELDS,
    { name: 'outputs', value: 1, input: { kind: 'hidden' } },
  ],
  editor: PER_TYPE_OUTPUTS,
  help: { inputs: [], outputs: EVENT_MSG_PROPERTIES },
};
