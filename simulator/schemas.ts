/**
 * Request body schemas, written by hand from the Symphony spec (and the FaultSpec of the control API), compiled
 * once at module load. `check` turns the first failure into a 400 whose message names the field.
 */
import { type ErrorObject, type JSONSchemaType, type ValidateFunction } from 'ajv';
import { ajv } from './ajv';
import { badRequest } from './http/errors';
import { PRESENCE_CATEGORIES, type PresenceCategory } from './model';
import type { FaultSpec } from './faults';


/** Login AuthenticateRequest. */
export interface AuthenticateRequest { token: string }
const authenticateRequest: JSONSchemaType<AuthenticateRequest> = {
  type: 'object',
  properties: { token: { type: 'string', minLength: 1 } },
  required: ['token'],
};

/** Pod UserIdList (IM create); the spec says at least one user id must be given. */
const userIdList: JSONSchemaType<number[]> = { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1 } };

/** Pod V2PresenceStatus. */
export interface PresenceStatus { category: PresenceCategory }
const presenceStatus: JSONSchemaType<PresenceStatus> = {
  type: 'object',
  properties: { category: { type: 'string', enum: [...PRESENCE_CATEGORIES] } },
  required: ['category'],
};

// Not JSONSchemaType: FaultSpec.body is `unknown`, which that helper type cannot express.
const faultSpec = {
  type: 'object',
  properties: {
    method: { type: 'string' },
    path: { type: 'string', minLength: 1 },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    times: { type: 'integer', minimum: 1 },
    durationMs: { type: 'integer', minimum: 1 },
    headers: { type: 'object', required: [], additionalProperties: { type: 'string' } },
    body: {},
    delayMs: { type: 'integer', minimum: 0 },
    destroySocket: { type: 'boolean' },
  },
  required: ['path'],
  additionalProperties: false,
} as const;

export const validators = {
  authenticateRequest: ajv.compile(authenticateRequest),
  userIdList: ajv.compile(userIdList),
  presenceStatus: ajv.compile(presenceStatus),
  faultSpec: ajv.compile<FaultSpec>(faultSpec),
};

function fieldName(root: string, instancePath: string): string {
  return instancePath.split('/').slice(1).reduce(
    (name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name === root ? part : `${name}.${part}`),
    root,
  );
}

export function describeError(error: ErrorObject, root: string): string {
  const field = fieldName(root, error.instancePath);
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return `${field === root ? missing : `${field}.${missing}`} is required`;
    }
    case 'enum':
      return `${field} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'additionalProperties':
      return `${field} has an unknown property ${(error.params as { additionalProperty: string }).additionalProperty}`;
    default:
      return `${field} ${error.message ?? 'is invalid'}`;
  }
}

/** Returns the value typed by the schema, or throws a 400 naming the field (`root` names the body itself). */
export function check<T>(validate: ValidateFunction<T>, value: unknown, root: string): T {
  if (validate(value)) return value;
  const [first] = validate.errors ?? [];
  throw badRequest(first ? describeError(first, root) : `${root} is invalid`);
}
