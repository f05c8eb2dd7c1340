/** The `symphony-health` node's editor side (runtime: nodes/runtime/health/health-node.ts). */
import { CONFIG_FIELD, NAME_FIELD } from './common-fields';
import type { DedicatedNodeSpec } from './types';

/** "Silent too long": whole seconds from 1 to 86400 (a day). */
const VALIDATE_SECONDS = 'function (v) { var n = Number(v); return String(v).trim() !== \'\' && Math.floor(n) === n && n >= 1 && n <= 86400; }';

export const HEALTH_NODE: DedicatedNodeSpec = {
  type: 'symphony-health',
  key: 'health',
  category: 'symphony system',
  icon: 'symphony-system.svg',
  inputs: 1,
  outputs: 1,
  botOnly: true,
  fields: [
    NAME_FIELD,
    CONFIG_FIELD,
    { name: 'feeds', value: '', input: { kind: 'textarea', rows: 2 }, icon: 'rss' },
    { name: 'maxSilence', value: 120, input: { kind: 'text' }, icon: 'clock-o', validate: VALIDATE_SECONDS },
  ],
  help: {
    inputs: [['payload', 'any']],
    outputs: [['payload', 'object']],
  },
};
