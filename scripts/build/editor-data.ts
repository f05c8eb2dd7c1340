/// <reference path="../../nodes/editor/editor-data.d.ts" />
import type { OperationSpec, ParamSpec } from '../../nodes/catalogue/types';

/** A new node's field value and type: the catalogue default, else blank (reads msg.<name>) of the first type. */
export function paramDefault(param: ParamSpec): SymphonyEditorData.Param['default'] {
  return param.default ?? { value: '', type: param.types[0] ?? 'str' };
}

function editorParam(param: ParamSpec): SymphonyEditorData.Param {
  return {
    name: param.name,
    types: [...param.types],
    default: paramDefault(param),
    required: param.required === true,
    advanced: param.advanced === true,
    ...(param.kind === 'enum' && param.enum ? { enum: [...param.enum] } : {}),
  };
}

/** The compact catalogue embedded in symphony.html for the editor helper. */
export function editorData(namespace: string, operations: readonly OperationSpec[]): SymphonyEditorData.Catalogue {
  const entries = operations.map((op): [string, SymphonyEditorData.Operation] => [op.type, {
    type: op.type,
    id: op.id,
    area: op.area,
    api: op.api,
    method: op.method,
    path: op.path,
    params: op.params.map(editorParam),
    options: (op.options ?? []).map((option) => ({ name: option.name, values: [...option.values], default: option.default })),
    oboPermissions: op.oboPermissions ? [...op.oboPermissions] : null,
    paged: op.paging !== undefined,
  }]);
  return { namespace, operations: Object.fromEntries(entries) };
}
