import { ANY_MEDIA_TYPE, answerMediaType } from '../../catalogue/media-types';
import type { Api, OperationSpec, ParamValues } from '../../catalogue/types';
import { inputError } from '../core/errors';
import { text } from '../core/i18n';
import { mediaTypeOf } from '../../catalogue/attachment-files';
import { MultipartBody } from '../http/multipart';
import { normalise, type Attachment, type AttachmentSource } from './normalise';
import { describeValue, controlCharacterProblem, pathSegmentProblem, quoteText } from './value-checks';

/**
 * Where a call goes: one of the three APIs, or (generic node only) the pod's or the key manager's certificate
 * authenticator, reached with the client certificate in certificate mode.
 */
export type CallTarget = Api | 'sessionauth' | 'keyauth';

/** A call ready for the config node to authenticate and send. */
export interface ApiCall {
  operation: string;
  api: CallTarget;
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
  /** Non-2xx statuses whose JSON object body is the answer (OperationSpec.answerStatuses). */
  answerStatuses?: readonly number[];
}

/** Adds a query parameter; a blank value is not sent (it would be an empty filter, not "no filter"). */
function addQuery(query: Record<string, string>, name: string, value: unknown): void {
  const wire = Array.isArray(value) ? value.join(',') : String(value);
  if (wire.trim() !== '') query[name] = wire;
}

function appendPart(form: MultipartBody, name: string, value: unknown): void {
  if (Array.isArray(value)) {
    for (const file of value as Attachment[]) {
      form.file(name, { name: file.name, content: file.content, contentType: file.contentType ?? 'application/octet-stream' });
    }
    return;
  }
  form.text(name, String(value));
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

const DYNAMIC_PREFIXES: ReadonlyArray<[string, CallTarget]> = [
  ['/pod/', 'pod'], ['/agent/', 'agent'], ['/login/', 'login'], ['/sessionauth/', 'sessionauth'], ['/keyauth/', 'keyauth'],
];

/**
 * The package's own sign-in calls: their answers hold tokens (which never reach a flow), and a logout would end
 * the session every node shares. The config node makes these calls itself.
 */
const OWN_AUTHENTICATION = [/\/authenticate(\/extensionApp)?$/i, /^\/login\/idm\/tokens$/i, /\/logout$/i];

/** A multipart body: text fields, and files (a Buffer, or { name, content, contentType? }) or lists of files. */
function multipartBody(op: OperationSpec, body: unknown): MultipartBody {
  if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
    throw inputError(op.id, 'body', text('runtime.errors.input.multipartBody', { value: describeValue(body) }));
  }
  const form = new MultipartBody();
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    const nameProblem = controlCharacterProblem(name);
    if (nameProblem) throw inputError(op.id, 'body', text('runtime.errors.input.multipartName', { name: quoteText(name), problem: nameProblem }));
    if (['string', 'number', 'boolean'].includes(typeof value)) {
      form.text(name, String(value));
      continue;
    }
    const files = normalise({ name, in: 'multipart', kind: 'attachments', types: [] }, value);
    if (!files.ok) throw inputError(op.id, 'body', text('runtime.errors.input.multipartPart', { name: quoteText(name), message: files.error }));
    const sources = files.value as AttachmentSource[];
    if (sources.some((source) => source.content === undefined)) {
      throw inputError(op.id, 'body', text('runtime.errors.input.multipartPath', { name: quoteText(name) }));
    }
    // A file without a name is named after its part; each is typed from its name unless it says its type.
    appendPart(form, name, sources.map((source) => {
      const fileName = source.name ?? name;
      return { name: fileName, content: source.content as Buffer, contentType: mediaTypeOf(fileName, source.contentType) };
    }));
  }
  return form;
}

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
  if (OWN_AUTHENTICATION.some((pattern) => pattern.test(path))) throw inputError(op.id, 'path', text('runtime.errors.input.ownAuthentication'));
  const method = String(values.method);
  const api = DYNAMIC_PREFIXES.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'pod';
  const bodyless = method === 'GET' || method === 'DELETE';
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
    body: method === 'GET' ? undefined : values.bodyFormat === 'multipart' && !bodyless ? multipartBody(op, values.body) : values.body,
    idempotent: method !== 'POST' && method !== 'PATCH',
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
  const form = op.multipart ? new MultipartBody() : undefined;
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
        appendPart(form as MultipartBody, wireName, value);
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
    ...(op.answerStatuses ? { answerStatuses: op.answerStatuses } : {}),
  };
}
