import { base64ToBuffer } from './message-reading';
import type { OperationSpec, ParamSpec } from './types';

/**
 * DLP violations (Agent API, v3): what the enforcement of the DLP policies flagged in messages, rooms and signals
 * during a period, and the attachments of flagged messages. Bot only; the bot's service account needs access to DLP
 * (Symphony's compliance service account). The v1 violation endpoints, which v3 supersedes, are not offered.
 */

const TEXT = ['str', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;
const INTEGER = ['num', 'str', 'msg', 'flow', 'global', 'env', 'jsonata'] as const;

/** The period and the `next` offset of the three violation lists; one page holds up to 500 violations. */
const periodParams: ParamSpec[] = [
  // A new node reads the last 24 hours.
  {
    name: 'startTime', in: 'query', kind: 'integer', required: true, schema: { minimum: 0 }, types: INTEGER,
    default: { value: '$millis() - 86400000', type: 'jsonata' },
  },
  { name: 'endTime', in: 'query', kind: 'integer', schema: { minimum: 0 }, types: INTEGER },
  { name: 'next', in: 'query', kind: 'string', schema: { minLength: 1 }, types: TEXT, advanced: true },
  { name: 'limit', in: 'query', kind: 'integer', schema: { minimum: 1, maximum: 500 }, types: INTEGER, advanced: true },
];

const agent = { area: 'compliance', api: 'agent', oboPermissions: null, needsKeyManager: true, idempotent: true } as const;

function violationList(kind: 'message' | 'stream' | 'signal'): OperationSpec {
  return {
    ...agent,
    type: `symphony-dlp-violations-${kind}`,
    id: `dlp-violations-${kind}`,
    method: 'GET',
    path: `/agent/v3/dlp/violations/${kind}`,
    params: periodParams,
    paging: { style: 'cursor', items: 'violations', maxPageSize: 500, cursorParam: 'next', cursorPath: 'nextOffset' },
    // 204: no violation in the period.
    emptyResult: { violations: [] },
  };
}

export const violationsOperations: readonly OperationSpec[] = [
  violationList('message'),
  violationList('stream'),
  violationList('signal'),
  {
    ...agent,
    type: 'symphony-dlp-violation-attachment',
    id: 'dlp-violation-attachment',
    method: 'GET',
    path: '/agent/v3/dlp/violation/attachment',
    params: [
      { name: 'violationId', in: 'query', kind: 'string', required: true, types: TEXT, schema: { minLength: 1 } },
      { name: 'fileId', in: 'query', kind: 'string', required: true, types: TEXT, schema: { minLength: 1 } },
    ],
    // The file comes as base64 text, typed application/octet-stream.
    produces: 'application/octet-stream',
    result: base64ToBuffer,
    emptyResult: Buffer.alloc(0),
  },
];
