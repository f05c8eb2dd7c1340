/**
 * Request body schemas of the signal endpoints, written by hand from the Agent spec, compiled once.
 * Bodies are checked with `check` from ./schemas, which turns the first failure into a 400 naming the field.
 */
import { type JSONSchemaType } from 'ajv';
import { ajv } from './ajv';


/** BaseSignal as create takes it; the spec lists no required field, but a signal without name or query is void. */
export interface BaseSignal {
  name: string;
  query: string;
  visibleOnProfile?: boolean;
  companyWide?: boolean;
}
const baseSignal: JSONSchemaType<BaseSignal> = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1 },
    query: { type: 'string', minLength: 1 },
    visibleOnProfile: { type: 'boolean', nullable: true },
    companyWide: { type: 'boolean', nullable: true },
  },
  required: ['name', 'query'],
};

/** BaseSignal as update takes it: the fields sent replace the signal's, the others are kept. */
export type SignalChanges = Partial<BaseSignal>;
const signalChanges: JSONSchemaType<SignalChanges> = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, nullable: true },
    query: { type: 'string', minLength: 1, nullable: true },
    visibleOnProfile: { type: 'boolean', nullable: true },
    companyWide: { type: 'boolean', nullable: true },
  },
  minProperties: 1,
};

/** The user ids of a bulk (un)subscription: an array of int64. */
const signalUsers: JSONSchemaType<number[]> = { type: 'array', items: { type: 'integer', minimum: 1 } };

export const signalValidators = {
  baseSignal: ajv.compile(baseSignal),
  signalChanges: ajv.compile(signalChanges),
  signalUsers: ajv.compile(signalUsers),
};
