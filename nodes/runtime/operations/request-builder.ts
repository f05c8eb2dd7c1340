import { ANY_MEDIA_TYPE, answerMediaType } from '../../catalogue/media-types';
import type { Api, OperationSpec, ParamValues } from '../../catalogue/types';
import { inputError } from '../core/errors';
import { text } from '../core/i18n';
import type { Attachment } from './normalise';
import { describeValue, pathSegmentProblem, quoteText } from './value-checks';

/** A call ready for the config node to authenticate and send. */
export interface ApiCall {
  operation: string;
  api: Api;
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  idempotent: boolean;
  needsKeyManager: boolean;
  /** The Accept header: the media type(s) the operation answers with; JSON when absent. */
  accept?: string;
  /** How the answer is read: parsed JSON (default), as text, or by the Content-Type the answer has. */
  responseType?: 'json' | 'text' | 'by-content-type';
}

/** Adds a query parameter; a blank value is not sent (it would be an empty filter, not "no filter"). */
function addQuery(query: Record<string, string>, name: string, value: unknown): void {
  const wire = Array.isArray(value) ? value.join(',') : String(value);
  if (wire.trim() !== '') query[name] = wire;
}

function appendPart(form: FormData, name: string, value: unknown): void {
  if (Array.isArray(value)) {
    for (const file of value as Attachment[]) {
      const blob = new Blob([file.content], file.contentType ? { type: file.contentType } : {});
      form.append(name, blob, file.name);
    }
    return;
  }
  form.append(name, String(value));
}

/**
 * A value as exactly one path segment. "." and ".." would be resolved away by URL parsing (signalId ".." turned
 * GET /agent/v1/signals/{id}/get into GET /agent/v1/get), and a blank one would join two segments.
 */
function pathSegment(op: OperationSpec, field: string, value: unknown): string {
  const segment = String(value);
  const problem = pathSegmentProblem(segment);
  if (problem) throw inputError(op.id, field, problem);
  return encodeURIComponent(segment);
}

const DYNAMIC_PREFIXES: ReadonlyArray<[string, Api]> = [['/pod/', 'pod'], ['/agent/', 'agent'], ['/login/', 'login']];

/**
 * The generic API node's call: method, path and query from the values (checked by the entry's schema); the API
 * follows from the path's first segment, so the right base URL and tokens are used.
 */
function dynamicCall(op: OperationSpec, values: ParamValues): ApiCall {
  const path = String(values.path);
  // Percent-encoded dots count too: URL parsing resolves "%2e%2e" like "..".
  for (const segment of path.split('/')) {
    const decoded = segment.replace(/%2e/gi, '.');
    if (decoded === '.' || decoded === '..') throw inputError(op.id, 'path', text('runtime.errors.input.dotSegment', { value: segment }));
  }
  const method = String(values.method);
  const api = DYNAMIC_PREFIXES.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'pod';
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries((values.query ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    const items = Array.isArray(value) ? value : [value];
    if (!items.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
      throw inputError(op.id, 'query', text('runtime.errors.input.queryValue', { name: quoteText(name), value: describeValue(value) }));
    }
    addQuery(query, name, value);
  }
  return {
    operation: op.id,
    api,
    method,
    path,
    query,
    body: method === 'GET' ? undefined : values.body,
    idempotent: method !== 'POST',
    needsKeyManager: api === 'agent',
    accept: ANY_MEDIA_TYPE,
    responseType: 'by-content-type',
  };
}

/** Places each prepared value where the catalogue says it goes on the wire. */
export function buildCall(op: OperationSpec, values: ParamValues): ApiCall {
  if (op.dynamicTarget) return dynamicCall(op, values);
  let path = op.path;
  const query: Record<string, string> = {};
  let body: Record<string, unknown> | unknown;
  const form = op.multipart ? new FormData() : undefined;
  for (const param of op.params) {
    const value = values[param.name];
    if (value === undefined) continue;
    const wireName = param.wireName ?? param.name;
    switch (param.in) {
      case 'path':
        path = path.replace(`{${wireName}}`, pathSegment(op, param.name, value));
        break;
      case 'query':
        addQuery(query, wireName, value);
        break;
      case 'body':
        body = { ...(body as Record<string, unknown> | undefined), [wireName]: value };
        break;
      case 'body-root':
        body = value;
        break;
      case 'multipart':
        appendPart(form as FormData, wireName, value);
        break;
      case 'none':
        break;
    }
  }
  return {
    operation: op.id,
    api: op.api,
    method: op.method,
    path,
    query,
    body: form ?? body,
    idempotent: op.idempotent,
    needsKeyManager: op.needsKeyManager === true,
    accept: answerMediaType(op),
    // A file (application/octet-stream) comes as base64 text; read as text, a refusal's JSON stays readable too.
    responseType: answerMediaType(op) === 'application/octet-stream' ? 'text' : 'json',
  };
}
