/**
 * Nodes of every type for the edit dialog invariant, built from the package's own descriptions of their
 * properties (the catalogue, the dedicated nodes, the config fields): fresh ones (only the type, as dropped from
 * the palette) and filled ones, every property set to a value other than its default, once per TypedInput type
 * the field offers first and second, and once blank.
 */
import { catalogue, type OperationSpec, type ParamSpec } from '../../nodes/catalogue/index';
import type { TypedInputType } from '../../nodes/catalogue/types';
import { dedicatedNodes } from '../../nodes/dedicated/index';
import type { DedicatedField, DedicatedNodeSpec } from '../../nodes/dedicated/types';
import { SCHEMA_VERSION } from '../../nodes/runtime/migrations/migrations';
import { CONFIG_TYPE } from '../../scripts/build/config-node';
import { CONFIG_FIELDS } from '../../scripts/build/config-fields';

export type FlowNode = Record<string, unknown> & { id: string; type: string };

/** How a filled node sets its fields. */
export type Variant = 'first-type' | 'second-type' | 'blank';
export const VARIANTS: readonly Variant[] = ['first-type', 'second-type', 'blank'];

/** A value each TypedInput type accepts (the dialog's validators pass it), for the field `param`. */
function sample(param: ParamSpec, type: TypedInputType, variant: Variant): string {
  switch (type) {
    case 'str':
      if (param.enum) return variant === 'first-type' ? param.enum[param.enum.length - 1]! : param.enum[0]!;
      return `some ${param.name}`;
    case 'num': return '7';
    case 'bool': return variant === 'first-type' ? 'false' : 'true';
    case 'json': return '{"a":[1,"b"]}';
    case 'msg': return `payload.${param.name}`;
    case 'flow':
    case 'global': return `stored.${param.name}`;
    case 'env': return `SYMPHONY_${param.name.toUpperCase()}`;
    case 'jsonata': return `$.payload.${param.name}`;
    case 'bin': return '[1,2,3]';
  }
}

function typeFor(param: ParamSpec, variant: Variant): TypedInputType {
  const [first, second] = param.types;
  if (variant === 'second-type' && second) return second;
  return first ?? 'str';
}

/** The properties of an operation node of `op` whose every field follows `variant`. */
export function filledOperation(op: OperationSpec, variant: Variant, configId: string): Record<string, unknown> {
  const obo = op.oboPermissions !== null;
  const node: Record<string, unknown> = {
    name: variant === 'blank' ? '' : `${variant} ${op.id}`,
    config: configId,
    actAs: !obo || variant === 'blank' ? 'bot' : variant === 'first-type' ? 'userId' : 'username',
    oboUser: variant === 'first-type' ? '12345' : variant === 'second-type' ? 'payload.who' : '',
    oboUserType: variant === 'first-type' ? 'num' : variant === 'second-type' ? 'msg' : 'str',
  };
  for (const param of op.params) {
    const type = typeFor(param, variant);
    node[param.name] = variant === 'blank' ? '' : sample(param, type, variant);
    node[`${param.name}Type`] = type;
  }
  for (const option of op.options ?? []) {
    node[option.name] = variant === 'first-type' ? option.values[option.values.length - 1] : option.values[0];
  }
  if (op.paging) {
    node.pages = variant === 'first-type' ? 'all' : 'one';
    node.maxItems = variant === 'first-type' ? 7 : variant === 'second-type' ? 20 : '';
    node.split = variant === 'first-type' ? 'items' : 'list';
  }
  node.outputProperty = variant === 'blank' ? 'payload' : 'result.value';
  node.schemaVersion = SCHEMA_VERSION;
  return node;
}

function dedicatedValue(field: DedicatedField, variant: Exclude<Variant, 'blank'>, configId: string): unknown {
  const input = field.input;
  const second = variant === 'second-type';
  switch (input.kind) {
    case 'text': return `some ${field.name}`;
    case 'textarea': return 'first, second';
    case 'checkbox': return !field.value;
    case 'select': return second ? input.choices[0] : input.choices[input.choices.length - 1];
    case 'multiselect': return second ? input.choices.slice(0, 3) : input.choices.slice(-1);
    case 'checklist': {
      const choices = input.groups.flatMap((group) => group.choices);
      return second ? choices.slice(0, 3) : choices.slice(-1);
    }
    case 'config': return configId;
    case 'typed': return `payload.${field.name}`;
    case 'editableList': return field.name === 'fields'
      ? [
        { kind: second ? 'select' : 'text', name: `some_${field.name}`, label: 'Some <label>', required: second, placeholder: '', value: '', options: second ? 'a=A\nb=B' : '' },
        { kind: 'action', name: 'go', label: 'Go', required: false, placeholder: '', value: '', options: '' },
      ]
      : [{ pattern: second ? '/price {ticker}' : '/note {text:rest}', description: 'Some <description>' }];
    case 'hidden': return field.value;
    case 'password': return undefined;
  }
}

/** The properties of a dedicated node whose every field follows `variant` (typed fields: their first or second type). */
export function filledDedicated(spec: DedicatedNodeSpec, variant: Exclude<Variant, 'blank'>, configId: string): Record<string, unknown> {
  const node: Record<string, unknown> = {};
  // A password field is a credential, never a property of the node.
  for (const field of spec.fields) if (field.input.kind !== 'password') node[field.name] = dedicatedValue(field, variant, configId);
  for (const field of spec.fields) {
    if (field.input.kind !== 'typed') continue;
    const types = field.input.types;
    node[`${field.name}Type`] = (variant === 'second-type' ? types[1] : types[0]) ?? types[0];
    if (node[`${field.name}Type`] === 'str') node[field.name] = `some ${field.name}`;
  }
  // The events node's outputs follow its output mode: one per selected type, or one.
  if ('outputMode' in node && Array.isArray(node.eventTypes)) node.outputs = node.outputMode === 'perType' ? node.eventTypes.length : 1;
  return node;
}

/** The config node's properties (no credentials: they are not exported), every one set per `variant`. */
export function filledConfig(variant: Exclude<Variant, 'blank'>): Record<string, unknown> {
  const node: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(CONFIG_FIELDS)) {
    if (field.credential) continue;
    switch (field.input) {
      case 'text': node[name] = /Url$/.test(name) ? `https://${name.toLowerCase()}.example.com:8443` : `some ${name}`; break;
      case 'number': node[name] = Number(field.value) + (variant === 'first-type' ? 1 : 2); break;
      case 'checkbox': node[name] = !field.value; break;
      case 'select': node[name] = variant === 'first-type' ? field.choices?.[field.choices.length - 1] : field.choices?.[0]; break;
      case 'pem': node[name] = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'; break;
    }
  }
  node.schemaVersion = SCHEMA_VERSION;
  return node;
}

export interface InvariantNodes {
  /** Only id and type (and position): as dropped from the palette, the defaults applied by the editor. */
  fresh: FlowNode[];
  /** Every type once per variant. */
  filled: FlowNode[];
  /** What each id stands for, for failure messages. */
  labels: Map<string, string>;
}

/** Fresh and filled nodes of every operation type, dedicated type and the config node, on tab `z`. */
export function invariantNodes(z: string, configId: string): InvariantNodes {
  const labels = new Map<string, string>();
  const fresh: FlowNode[] = [];
  const filled: FlowNode[] = [];
  let position = 0;
  const place = (): { x: number; y: number } => {
    position += 1;
    return { x: 120 + 200 * (position % 8), y: 40 + 40 * Math.floor(position / 8) };
  };
  const types = [...catalogue.map((op) => op.type), ...dedicatedNodes.map((spec) => spec.type), CONFIG_TYPE];
  types.forEach((type, i) => {
    const id = `invariant-fresh-${i}`;
    labels.set(id, 'fresh');
    fresh.push(type === CONFIG_TYPE ? { id, type } : { id, type, z, ...place(), wires: [] });
  });
  for (const variant of VARIANTS) {
    const add = (type: string, properties: Record<string, unknown>, isConfig: boolean): void => {
      const id = `invariant-${variant}-${filled.length}`;
      labels.set(id, variant);
      filled.push(isConfig ? { ...properties, id, type } : { ...properties, id, type, z, ...place(), wires: [] });
    };
    // Blank is what a fresh node is, but for fields with a default of their own and the paging fields.
    const operations = variant === 'blank' ? catalogue.filter((op) => op.paging || op.params.some((p) => p.default)) : catalogue;
    for (const op of operations) add(op.type, filledOperation(op, variant, configId), false);
    if (variant === 'blank') continue;
    for (const spec of dedicatedNodes) add(spec.type, filledDedicated(spec, variant, configId), false);
    add(CONFIG_TYPE, filledConfig(variant), true);
  }
  return { fresh, filled, labels };
}
