import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { JsonSchema, OperationSpec, ParamSpec } from '../../catalogue/types';
import { text } from '../core/i18n';

/**
 * The JSON schema of an operation's normalised input, derived from the catalogue and compiled once per
 * operation when the module loads. It is also what catalogue.json publishes for each node type.
 */

const ID_SCHEMA: JsonSchema = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER };

function kindSchema(param: ParamSpec): JsonSchema {
  switch (param.kind) {
    case 'id': return ID_SCHEMA;
    case 'id-list': return { type: 'array', items: ID_SCHEMA, minItems: 1 };
    case 'string-list': return { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };
    case 'stream-id': return { type: 'string', pattern: '^[A-Za-z0-9_-]+$' };
    case 'string': return { type: 'string' };
    case 'number': return { type: 'number' };
    case 'integer': return { type: 'integer' };
    case 'boolean': return { type: 'boolean' };
    case 'enum': return { type: 'string', enum: [...(param.enum ?? [])] };
    case 'json': return { type: ['object', 'array'] };
    // Buffers are checked by the normaliser; the schema only fixes the list shape.
    case 'attachments': return { type: 'array', items: { type: 'object', properties: { name: { type: 'string', minLength: 1 }, content: {}, contentType: { type: 'string' } }, required: ['name', 'content'] } };
  }
}

export function inputSchema(op: OperationSpec): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const param of op.params) properties[param.name] = { ...kindSchema(param), ...(param.schema ?? {}) };
  return {
    type: 'object',
    properties,
    required: op.params.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}

const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });

export function compileInputSchema(op: OperationSpec): ValidateFunction {
  return ajv.compile(inputSchema(op));
}

/** The first schema error as "field: message", naming the input field (and item) at fault. */
export function describeSchemaError(error: ErrorObject): { field: string; message: string } {
  const path = error.instancePath.split('/').filter(Boolean);
  const field = path[0] ?? String((error.params as { missingProperty?: string }).missingProperty ?? 'input');
  const message = error.message ?? text('runtime.errors.input.notValid');
  return { field, message: path.length > 1 ? text('runtime.errors.input.schemaItem', { item: path.slice(1).join('.'), message }) : message };
}
