/** The `symphony-events` node's editor side (runtime: nodes/runtime/events/events-node.ts). */
import { EVENT_GROUPS, EVENT_PRESETS } from './event-groups';
import { feedNodeSpec } from './feed-node-spec';

export const EVENTS_NODE = feedNodeSpec({
  type: 'symphony-events',
  key: 'events',
  groups: EVENT_GROUPS,
  presets: EVENT_PRESETS,
  reading: [
    { name: 'streamIds', value: '', input: { kind: 'textarea', rows: 2 }, icon: 'comments' },
    { name: 'ignoreOwn', value: true, input: { kind: 'checkbox' }, icon: 'user-times' },
    { name: 'mentionsOnly', value: false, input: { kind: 'checkbox' }, icon: 'at' },
  ],
  maxTagLength: 100,
});
