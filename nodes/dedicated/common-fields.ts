/** The fields every dedicated node's dialog opens with: its name, and (for those that call Symphony) the connection. */
import type { DedicatedField } from './types';

export const NAME_FIELD: DedicatedField = { name: 'name', value: '', input: { kind: 'text', placeholder: true }, icon: 'tag' };

export const CONFIG_FIELD: DedicatedField = {
  name: 'config', value: '', input: { kind: 'config', type: 'symphony-config' }, required: true, icon: 'server',
};
