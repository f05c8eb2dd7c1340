/** The `symphony-datahose` node's editor side (runtime: nodes/runtime/events/datahose-node.ts). */
import { DATAHOSE_SCOPES } from '../runtime/events/event-types';
import { DATAHOSE_EVENT_GROUPS, DATAHOSE_EVENT_PRESETS } from './event-groups';
import { CLAIM_FIELDS } from './claim-fields';
import type { DedicatedNodeSpec } from './types';
import { EVENT_MSG_PROPERTIES, PER_TYPE_OUTPUTS } from './events';

export const DATAHOSE_NODE: DedicatedNodeSpec = {
  type: 'symphony-datahose',
  key: 'datahose',
  category: 'symphony events',
  icon: 'symphony-events.svg',
  inputs: 0,
  outputs: 1,
  botOnly: true,
  fields: [
    { name: 'name', value: '', input: { kind: 'text', placeholder: true }, icon: 'tag' },
    { name: 'config', value: '', input: { kind: 'config', type: 'symphony-config' }, required: true, icon: 'server' },
    {
      name: 'eventTypes', value: ['MESSAGESENT'], input: { kind: 'checklist', groups: DATAHOSE_EVENT_GROUPS, presets: DATAHOSE_EVENT_PRESETS },
      icon: 'filter', validate: 'function (v) { return Array.isArray(v) ? v.length > 0 : typeof v === \'string\' && v !== \'\'; }',
    },
    { name: 'scopes', value: [], input: { kind: 'multiselect', choices: DATAHOSE_SCOPES, rawChoiceLabels: true, size: 3 }, icon: 'globe' },
    { name: 'updatePresence', value: false, input: { kind: 'checkbox' }, icon: 'circle' },
    { name: 'outputMode', value: 'single', input: { kind: 'select', choices: ['single', 'perType'] }, icon: 'sign-out' },
    {
      name: 'tag', value: '', input: { kind: 'text', placeholder: true }, icon: 'bookmark',
      validate: 'function (v) { return typeof v !== \'string\' || v.length <= 80; }',
    },
    ...CLAIM_FIELDS,
    { name: 'outputs', value: 1, input: { kind: 'hidden' } },
  ],
  editor: PER_TYPE_OUTPUTS,
  help: { inputs: [], outputs: EVENT_MSG_PROPERTIES },
};
