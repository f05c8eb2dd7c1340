import type { ErrorObject } from 'ajv';
import type { Exchange } from './recording-proxy';
import type { ApiSpec, SpecOperation } from './spec';

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}

function multipartPartNames(body: Buffer): string[] {
  return [...body.toString('latin1').matchAll(/Content-Disposition: form-data; name="([^"]+)"/gi)].map((m) => m[1] ?? '');
}

function checkRequest(exchange: Exchange, op: SpecOperation): string[] {
  const problems: string[] = [];
  for (const param of op.parameters) {
    if (!param.required) continue;
    if (param.in === 'header' && exchange.headers[param.name.toLowerCase()] === undefined) problems.push(`required header ${param.name} missing`);
    if (param.in === 'query' && !exchange.query.has(param.name)) problems.push(`required query parameter ${param.name} missing`);
  }
  const declaredQuery = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of exchange.query.keys()) {
    if (!declaredQuery.has(name)) problems.push(`query parameter ${name} is not in the spec`);
  }
  const contentType = String(exchange.headers['content-type'] ?? '');
  if (exchange.body.length === 0) {
    if (op.bodyRequired) problems.push('the spec requires a body; none was sent');
    return problems;
  }
  if (op.multipart) {
    if (!contentType.startsWith('multipart/form-data')) problems.push(`body sent as ${contentType}, the spec takes multipart/form-data`);
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
