import type { ErrorObject } from 'ajv';
import type { Exchange } from './recording-proxy';
import type { ApiSpec, SpecOperation } from './spec';

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}

function multipartPartNames(body: Buffer): string[] {
  return [...body.toString('latin1').matchAll(/Content-Disposition: form-data; name="([^"]+)"/gi)].map((m) => m[1] ?? '');
}

const mediaType = (value: string): string => (value.split(';')[0] ?? '').trim().toLowerCase();

/**
 * Whether an Accept header admits one of the media types the operation produces (RFC 9110 12.5.1): no header
 * admits anything; a range with q=0 admits nothing.
 */
export function acceptAdmits(accept: string | undefined, produces: readonly string[]): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => /^q\s*=/.test(param));
    if (q !== undefined && !(Number(q.slice(q.indexOf('=') + 1)) > 0)) return false;
    const [main, sub] = type.split('/');
    return produces.some((produced) => {
      const [pMain, pSub] = mediaType(produced).split('/');
      return (main === '*' && sub === '*') || (main === pMain && (sub === '*' || sub === pSub));
    });
  });
}

/** Accept and Content-Type against the media types the spec declares for the operation. */
function checkMediaTypes(exchange: Exchange, op: SpecOperation): string[] {
  const problems: string[] = [];
  const accept = exchange.headers.accept;
  if (!acceptAdmits(accept, op.produces)) problems.push(`Accept ${accept} admits none of ${op.produces.join(', ')}: a server answers 406`);
  const contentType = exchange.headers['content-type'];
  if (exchange.body.length === 0) {
    if (contentType !== undefined) problems.push(`Content-Type ${contentType} sent without a body`);
  } else if (op.consumes.length > 0 && !op.consumes.includes(mediaType(contentType ?? ''))) {
    problems.push(`body sent as ${contentType ?? '(no Content-Type)'}, the spec takes ${op.consumes.join(', ')}: a server answers 415`);
  } else if (mediaType(contentType ?? '') === 'multipart/form-data' && !/;\s*boundary=/i.test(contentType ?? '')) {
    problems.push(`multipart body without a boundary: ${contentType}`);
  }
  return problems;
}

function checkRequest(exchange: Exchange, op: SpecOperation): string[] {
  const problems: string[] = checkMediaTypes(exchange, op);
  for (const param of op.parameters) {
    if (!param.required) continue;
    if (param.in === 'header' && exchange.headers[param.name.toLowerCase()] === undefined) problems.push(`required header ${param.name} missing`);
    if (param.in === 'query' && !exchange.query.has(param.name)) problems.push(`required query parameter ${param.name} missing`);
  }
  const declaredQuery = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of exchange.query.keys()) {
    if (!declaredQuery.has(name)) problems.push(`query parameter ${name} is not in the spec`);
  }
  if (exchange.body.length === 0) {
    if (op.bodyRequired) problems.push('the spec requires a body; none was sent');
    return problems;
  }
  if (op.multipart) {
    const names = multipartPartNames(exchange.body);
    for (const name of names) if (!op.multipart.parts.includes(name)) problems.push(`multipart part ${name} is not in the spec`);
    for (const name of op.multipart.required) if (!names.includes(name)) problems.push(`required multipart part ${name} missing`);
  } else if (op.jsonBody) {
    let body: unknown;
    try {
      body = JSON.parse(exchange.body.toString('utf8'));
    } catch {
      problems.push('the body is not JSON');
      return problems;
    }
    if (!op.jsonBody(body)) problems.push(`request body does not match the spec: ${describeErrors(op.jsonBody.errors)}`);
  } else {
    problems.push('a body was sent where the spec takes none');
  }
  return problems;
}

function checkResponse(exchange: Exchange, op: SpecOperation): string[] {
  const status = String(exchange.status);
  if (!op.responses.has(status)) return [`status ${status} is not a response the spec declares (${[...op.responses.keys()].join(', ')})`];
  const contentType = exchange.responseHeaders['content-type'];
  if (exchange.responseBody.length > 0 && !op.produces.includes(mediaType(contentType ?? ''))) {
    return [`answer typed ${contentType ?? '(no Content-Type)'}, the spec declares ${op.produces.join(', ')}`];
  }
  const validate = op.responses.get(status);
  if (!validate || exchange.responseBody.length === 0) return [];
  let body: unknown;
  try {
    body = JSON.parse(exchange.responseBody.toString('utf8'));
  } catch {
    return ['the response is not JSON'];
  }
  return validate(body) ? [] : [`response ${status} does not match the spec: ${describeErrors(validate.errors)}`];
}

/** Everything about one exchange that disagrees with the spec, as readable lines. */
export function checkExchange(spec: ApiSpec, exchange: Exchange): string[] {
  const op = spec.find(exchange.method, exchange.path);
  const where = `${exchange.method} ${exchange.path}`;
  if (!op) return [`${where}: no such operation in the spec`];
  return [...checkRequest(exchange, op), ...checkResponse(exchange, op)].map((problem) => `${where} (${op.file} ${op.path}): ${problem}`);
}
