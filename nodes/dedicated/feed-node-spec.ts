/**
 * What the two event source nodes (events and datahose) share in their editor side: the connection, the event
 * types as a checklist, one output or one per type, the tag and the shared claim around the fields that say
 * what each reads, and the msg they send.
 */
import { CONFIG_FIELD, NAME_FIELD } from './common-fields';
import { CLAIM_FIELDS } from './claim-fields';
import type { ChoiceGroup, DedicatedField, DedicatedNodeSpec } from './types';

/** Saves the event types and keeps the hidden `outputs` in step with them (nodes/editor/events-dialog.ts). */
const ONEDITSAVE = 'function () { SymphonyEditor.saveEventsDialog(this); }';

const OUTPUT_LABELS = 'function (index) { return SymphonyEditor.eventsOutputLabel(this, index); }';

/** The msg of an event, as both event source nodes send it (nodes/runtime/events/event-message.ts). */
export const EVENT_MSG_PROPERTIES = [
  ['topic', 'string'], ['payload', 'object'], ['streamId', 'string'], ['messageId', 'string'], ['initiator', 'object'],
  ['text', 'string'], ['mentions', 'array'], ['hashtags', 'array'], ['cashtags', 'array'], ['formId', 'string'],
  ['formMessageId', 'string'], ['formValues', 'object'],
] as const;

export interface FeedNodeParts {
  type: string;
  key: string;
  groups: readonly ChoiceGroup[];
  presets: readonly ChoiceGroup[];
  /** The node's own fields, between the event types and the output mode. */
  reading: readonly DedicatedField[];
  /** The agent's longest tag for this feed. */
  maxTagLength: number;
}

export function feedNodeSpec(parts: FeedNodeParts): DedicatedNodeSpec {
  return {
    type: parts.type,
    key: parts.key,
    category: 'symphony events',
    icon: 'symphony-events.svg',
    inputs: 0,
    outputs: 1,
    botOnly: true,
    fields: [
      NAME_FIELD,
      CONFIG_FIELD,
      {
        name: 'eventTypes', value: ['MESSAGESENT'], input: { kind: 'checklist', groups: parts.groups, presets: parts.presets },
        icon: 'filter', validate: 'function (v) { return Array.isArray(v) ? v.length > 0 : typeof v === \'string\' && v !== \'\'; }',
      },
      ...parts.reading,
      { name: 'outputMode', value: 'single', input: { kind: 'select', choices: ['single', 'perType'] }, icon: 'sign-out' },
      {
        name: 'tag', value: '', input: { kind: 'text', placeholder: true }, icon: 'bookmark',
        validate: `function (v) { return typeof v !== 'string' || v.length <= ${parts.maxTagLength}; }`,
      },
      ...CLAIM_FIELDS,
      { name: 'outputs', value: 1, input: { kind: 'hidden' } },
    ],
    // One output, or one per selected event type.
    editor: { oneditsave: ONEDITSAVE, outputLabels: OUTPUT_LABELS },
    help: { inputs: [], outputs: EVENT_MSG_PROPERTIES },
  };
}
