/**
 * The message search body (Agent MessageSearchQuery), written by hand from the spec, compiled once. Checked with
 * `check` from ./schemas: the first failure is a 400 naming the field.
 */
import { type JSONSchemaType } from 'ajv';
import { ajv } from './ajv';


export interface MessageSearchQuery {
  text?: string;
  streamId?: string;
  streamType?: string;
  author?: number;
  hashtag?: string;
  cashtag?: string;
  mention?: number;
  signal?: string;
  fromDate?: number;
  toDate?: number;
}

const searchQuery: JSONSchemaType<MessageSearchQuery> = {
  type: 'object',
  properties: {
    text: { type: 'string', nullable: true },
    streamId: { type: 'string', nullable: true },
    streamType: { type: 'string', nullable: true },
    author: { type: 'integer', nullable: true },
    hashtag: { type: 'string', nullable: true },
    cashtag: { type: 'string', nullable: true },
    mention: { type: 'integer', nullable: true },
    signal: { type: 'string', nullable: true },
    fromDate: { type: 'integer', nullable: true },
    toDate: { type: 'integer', nullable: true },
  },
  // Unknown fields are refused so that a misspelt criterion does not silently widen the search.
  additionalProperties: false,
};

export const validateMessageSearchQuery = ajv.compile(searchQuery);
