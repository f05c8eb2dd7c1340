/** The node types under test: every catalogue operation, plus the dedicated node that takes input (message parse). */
import { catalogue } from '../../nodes/catalogue/index';
import type { OperationSpec, ParamSpec, TypedInputType } from '../../nodes/catalogue/types';
import { MESSAGE_PARSE_NODE } from '../../nodes/dedicated/message-parse';

export interface InputField {
  name: string;
  types: readonly TypedInputType[];
  default?: { value: string; type: TypedInputType };
  /** The catalogue parameter, for operation nodes. */
  param?: ParamSpec;
}

export interface Subject {
  type: string;
  /** The catalogue entry; absent for a dedicated node. */
  op?: OperationSpec;
  fields: readonly InputField[];
  /** Whether it can act on behalf of a user. */
  obo: boolean;
}

/** The OBO user field's types, as the edit dialog offers them. */
export const OBO_USER_TYPES: readonly TypedInputType[] = ['str', 'num', 'msg', 'flow', 'global', 'env', 'jsonata'];

export const SUBJECTS: readonly Subject[] = [
  ...catalogue.map((op): Subject => ({
    type: op.type,
    op,
    fields: op.params.map((param) => ({ name: param.name, types: param.types, default: param.default, param })),
    obo: op.oboPermissions !== null,
  })),
  {
    type: MESSAGE_PARSE_NODE.type,
    fields: MESSAGE_PARSE_NODE.fields.flatMap((field) => (field.input.kind === 'typed'
      ? [{ name: field.name, types: field.input.types as readonly TypedInputType[], default: { value: String(field.value), type: 'msg' as const } }]
      : [])),
    obo: false,
  },
];

