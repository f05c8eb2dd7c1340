/** The `symphony-command` node's editor side (runtime: nodes/runtime/commands/command-node.ts). */
import { CONFIG_FIELD, NAME_FIELD } from './common-fields';
import type { DedicatedNodeSpec } from './types';

export const COMMAND_NODE: DedicatedNodeSpec = {
  type: 'symphony-command',
  key: 'command',
  category: 'symphony events',
  icon: 'symphony-events.svg',
  inputs: 1,
  outputs: 1,
  botOnly: true,
  fields: [
    NAME_FIELD,
    CONFIG_FIELD,
    { name: 'commands', value: [], input: { kind: 'editableList' }, icon: 'terminal', validate: 'function (v) { return SymphonyEditor.validateCommands(v); }' },
    { name: 'requireMention', value: false, input: { kind: 'checkbox' }, icon: 'at' },
    { name: 'help', value: true, input: { kind: 'checkbox' }, icon: 'question-circle' },
    { name: 'outputs', value: 1, input: { kind: 'hidden' } },
  ],
  editor: {
    oneditprepare: 'function () { SymphonyEditor.prepareCommandList(this); }',
    oneditsave: 'function () { SymphonyEditor.saveCommandList(this); }',
    outputLabels: 'function (index) { return SymphonyEditor.commandOutputLabel(this, index); }',
  },
  help: {
    inputs: [['text', 'string'], ['mentions', 'array'], ['hashtags', 'array'], ['cashtags', 'array'], ['streamId', 'string']],
    outputs: [['command', 'object'], ['payload', 'object']],
  },
};
