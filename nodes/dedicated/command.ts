/** The `symphony-command` node's editor side (runtime: nodes/runtime/commands/command-node.ts). */
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
    { name: 'name', value: '', input: { kind: 'text', placeholder: true }, icon: 'tag' },
    { name: 'config', value: '', input: { kind: 'config', type: 'symphony-config' }, required: true, icon: 'server' },
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
