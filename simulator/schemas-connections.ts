/**
 * Request body schemas of the connections area, written by hand from the Pod spec (UserConnectionRequest),
 * compiled once at module load. Use them with `check` from ./schemas (a 400 naming the field).
 */
import { type JSONSchemaType } from 'ajv';
import { ajv } from './ajv';


/** The spec marks nothing required; every connection call needs the other user, so the simulator does too. */
export interface UserConnectionRequest { userId: number }
const userConnectionRequest: JSONSchemaType<UserConnectionRequest> = {
  type: 'object',
  properties: { userId: { type: 'integer', minimum: 1 } },
  required: ['userId'],
};

export const connectionValidators = {
  userConnectionRequest: ajv.compile(userConnectionRequest),
};
