import path from 'node:path';
import type Ajv from 'ajv';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import type { JsonSchema, OperationSpec, ParamSpec } from '../../catalogue/types';
import { text } from '../core/i18n';

/**
 * The JSON schema of an operation's normalised input, derived from the catalogue. It is also what catalogue.json
 * publishes for each node type. Its validator is made when the first node of the type is created, not when
 * Node-RED starts: the build compiles every one to code (ajv standalone, dist/nodes/validators), loaded then;
 * without that file, or with one made from another schema, ajv compiles it there and then.
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

/** The ajv options of every input validator, at run time and in the build's generated code. */
export const AJV_OPTIONS: Options = { allErrors: false, strict: true, allowUnionTypes: true };

/** Where the build puts an operation's generated validator, relative to dist/nodes. */
export function validatorFile(op: OperationSpec): string {
  return `validators/${op.type}.js`;
}

let ajv: Ajv | undefined;

function compile(schema: JsonSchema): ValidateFunction {
  // Loaded only when a generated validator is missing or stale (ajv takes tens of ms to load).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ajv ??= new (require('ajv') as { default: typeof Ajv }).default(AJV_OPTIONS);
  return ajv.compile(schema);
}

/** A generated validator carries the schema it was made from, so a stale one is never used. */
type GeneratedValidator = ValidateFunction & { sourceSchema?: string };

function generated(op: OperationSpec, schema: string): ValidateFunction | undefined {
  let validate: GeneratedValidator;
  try {
    // From dist/nodes/runtime/operations to dist/nodes.
    validate = require(path.join(__dirname, '..', '..', validatorFile(op))) as GeneratedValidator;
  } catch {
    return undefined;
  }
  return typeof validate === 'function' && validate.sourceSchema === schema ? validate : undefined;
}

const validators = new Map<string, ValidateFunction>();

/** The operation's input validator, made once per node type, when the first node of the type is created. */
export function inputValidator(op: OperationSpec): ValidateFunction {
  let validate = validators.get(op.type);
  if (!validate) {
    const schema = inputSchema(op);
    validate = generated(op, JSON.stringify(schema)) ?? compile(schema);
    validators.set(op.type, validate);
  }
  return validate;
}

/** The first schema error as "field: message", naming the input field (and item) at fault. */
export function describeSchemaError(error: ErrorObject): { field: string; message: string } {
  const path = error.instancePath.split('/').filter(Boolean);
  const field = path[0] ?? String((error.params as { missingProperty?: string }).missingProperty ?? 'input');
  const message = error.message ?? text('runtime.errors.input.notValid');
  return { field, message: path.length > 1 ? text('runtime.errors.input.schemaItem', { item: path.slice(1).join('.'), message }) : message };
}
