/** The `symphony-datahose` node's editor side (runtime: nodes/runtime/events/datahose-node.ts). */
import { DATAHOSE_SCOPES } from '../runtime/events/event-types';
import { DATAHOSE_EVENT_GROUPS, DATAHOSE_EVENT_PRESETS } from './event-groups';
import { feedNodeSpec } from './feed-node-spec';

export const DATAHOSE_NODE = feedNodeSpec({
  type: 'symphony-datahose',
  key: 'datahose',
  groups: DATAHOSE_EVENT_GROUPS,
  presets: DATAHOSE_EVENT_PRESETS,
  reading: [
    { name: 'scopes', value: [], input: { kind: 'multiselect', choices: DATAHOSE_SCOPES, rawChoiceLabels: true, size: 3 }, icon: 'globe' },
    { name: 'updatePresence', value: false, input: { kind: 'checkbox' }, icon: 'circle' },
  ],
  maxTagLength: 80,
});
