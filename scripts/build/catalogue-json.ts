import type { OperationSpec } from '../../nodes/catalogue/types';

/** One row of dist/nodes/catalogue.json: what a tool needs to know about a node type without loading it. */
export interface CatalogueJsonEntry {
  type: string;
  id: string;
  area: string;
  api: string;
  method: string;
  path: string;
  params: Array<{ name: string; in: string; wireName: string; kind: string; required: boolean }>;
  oboPermissions: string[] | null;
  idempotent: boolean;
}

export function catalogueJsonEntry(op: OperationSpec): CatalogueJsonEntry {
  return {
    type: op.type,
    id: op.id,
    area: op.area,
    api: op.api,
    method: op.method,
    path: op.path,
    params: op.params.map((p) => ({ name: p.name, in: p.in, wireName: p.wireName ?? p.name, kind: p.kind, required: p.required === true })),
    oboPermissions: op.oboPermissions ? [...op.oboPermissions] : null,
    idempotent: op.idempotent,
  };
}

export function catalogueJson(packageName: string, operations: readonly OperationSpec[]): string {
  return `${JSON.stringify({ package: packageName, operations: operations.map(catalogueJsonEntry) }, null, 2)}\n`;
}
