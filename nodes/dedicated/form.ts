/** The `symphony-form` node's editor side (runtime: nodes/runtime/forms/form-node.ts). */
import { CONFIG_FIELD, NAME_FIELD } from './common-fields';
import type { DedicatedNodeSpec } from './types';

const STREAM_TYPES = ['msg', 'str', 'flow', 'global', 'env', 'jsonata'] as const;

/** The list's problem in words (nodes/editor/form-fields.ts), shown by the editor; true when there is none. */
const VALIDATE_FIELDS = 'function (v) { var p = SymphonyEditor.formFieldsProblem(v); return p ? p : true; }';

export const FORM_NODE: DedicatedNodeSpec = {
  type: 'symphony-form',
  key: 'form',
  category: 'symphony messages',
  icon: 'symphony-messages.svg',
  inputs: 1,
  outputs: 2,
  botOnly: true,
  fields: [
    NAME_FIELD,
    CONFIG_FIELD,
    { name: 'streamId', value: 'streamId', input: { kind: 'typed', types: STREAM_TYPES }, icon: 'comments' },
    { name: 'streamIdType', value: 'msg', input: { kind: 'hidden' } },
    { name: 'title', value: '', input: { kind: 'text', placeholder: true }, icon: 'header' },
    { name: 'intro', value: '', input: { kind: 'textarea', rows: 2 }, icon: 'align-left' },
    {
      name: 'fields',
      value: [],
      input: { kind: 'editableList', prepare: 'prepareFormFields' },
      icon: 'list',
      validate: VALIDATE_FIELDS,
    },
  ],
  editor: {
    oneditsave: 'function () { SymphonyEditor.saveFormFields(this, \'fields\'); }',
    outputLabels: 'function (index) { return SymphonyEditor.t(index === 0 ? \'dedicated.form.outputs.sent\' : \'dedicated.form.outputs.replies\'); }',
  },
  help: {
    inputs: [['streamId', 'string'], ['topic', 'string'], ['formId', 'string'], ['formValues', 'object']],
    outputs: [['payload', 'object'], ['formId', 'string'], ['formMessageId', 'string'], ['formAction', 'string'], ['formValues', 'object']],
  },
};
