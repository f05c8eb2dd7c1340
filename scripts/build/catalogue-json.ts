import type { OperationSpec, PagingSpec } from '../../nodes/catalogue/types';

/** One row of dist/nodes/catalogue.json: what a tool needs to know about a node type without loading it. */
export interface CatalogueJsonEntry {
  type: string;
  id: string;
  area: string;
  api: string;
  method: string;
  path: string;
  /** `idOf` (user, stream or message) only on id parameters: what the id names, so which answers the field takes. */
  params: Array<{ name: string; in: string; wireName: string; kind: string; required: boolean; idOf?: string }>;
  oboPermissions: string[] | null;
  /** The OBO-enabled endpoints of Symphony's OBO table this node serves ("METHOD /path"); only when set. */
  oboEndpoints?: string[];
  /** How the list is paged; only for list operations. */
  paging?: PagingSpec;
  idempotent: boolean;
  needsKeyManager: boolean;
  multipart: boolean;
  /** The generic API node: method and path come from its fields, not from `method` and `path`. */
  dynamicTarget: boolean;
}

export function catalogueJsonEntry(op: OperationSpec): CatalogueJsonEntry {
  return {
    type: op.type,
    id: op.id,
    area: op.area,
    api: op.api,
    method: op.method,
    path: op.path,
    params: op.params.map((p) => ({
      name: p.name, in: p.in, wireName: p.wireName ?? p.name, kind: p.kind, required: p.required === true, ...(p.idOf ? { idOf: p.idOf } : {}),
    })),
    oboPermissions: op.oboPermissions ? [...op.oboPermissions] : null,
    ...(op.oboEndpoints ? { oboEndpoints: [...op.oboEndpoints] } : {}),
    ...(op.paging ? { paging: { ...op.paging } } : {}),
    idempotent: op.idempotent,
    needsKeyManager: op.needsKeyManager === true,
    multipart: op.multipart === true,
    dynamicTarget: op.dynamicTarget === true,
  };
}

export function catalogueJson(packageName: string, operations: readonly OperationSpec[]): string {
  return `${JSON.stringify({ package: packageName, operations: operations.map(catalogueJsonEntry) }, null, 2)}\n`;
}
