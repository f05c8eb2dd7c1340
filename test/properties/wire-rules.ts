/**
 * What no request may carry, checked on the wire (as the fault proxy recorded it, before any normalisation) and
 * independently of the code under test: the catalogue's path templates (every parameter exactly one segment),
 * the rules for path segments and query values the issue states, and the official spec's parameters and bodies.
 */
import type { OperationSpec } from '../../nodes/catalogue/types';
import type { ProxiedExchange } from '../helpers/fault-proxy';
import type { ApiSpec } from '../conformance/spec';

/** The authentication calls the config node makes, each placeholder one segment. */
const AUTH_TEMPLATES = [
  '/login/pubkey/authenticate',
  '/relay/pubkey/authenticate',
  '/login/pubkey/app/authenticate',
  '/login/pubkey/app/user/{uid}/authenticate',
  '/login/pubkey/app/username/{username}/authenticate',
  '/sessionauth/v1/authenticate',
  '/keyauth/v1/authenticate',
];

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasControlChar(text: string): boolean {
  return CONTROL.test(text);
}

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** A value that may never be a path segment: `.`, `..`, blank, control characters, lone surrogates. */
export function refusedAsPathSegment(value: string): boolean {
  return value === '.' || value === '..' || value.trim() === '' || hasControlChar(value) || hasLoneSurrogate(value);
}

/** Shows a wire value briefly: long ones cut, control characters escaped. */
export function shown(value: string): string {
  const cut = value.length > 60 ? `${value.slice(0, 60)}…(${value.length} chars)` : value;
  return JSON.stringify(cut);
}

interface TemplateMatch {
  /** Placeholder name to its raw (still percent-encoded) segment. */
  segments: Record<string, string>;
}

/** Matches a raw path against a template whose placeholders each take exactly one non-empty segment. */
export function matchTemplate(template: string, rawPath: string): TemplateMatch | undefined {
  const names: string[] = [];
  const pattern = template.split(/(\{[^}]+\})/).map((part) => {
    const placeholder = /^\{([^}]+)\}$/.exec(part);
    if (!placeholder) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    names.push(placeholder[1]!);
    return '([^/]+)';
  }).join('');
  const match = new RegExp(`^${pattern}$`).exec(rawPath);
  if (!match) return undefined;
  return { segments: Object.fromEntries(names.map((name, index) => [name, match[index + 1]!])) };
}

function decoded(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function segmentProblems(where: string, name: string, raw: string): string[] {
  const value = decoded(raw);
  if (value === undefined) return [`${where}: path parameter ${name} is not valid percent-encoded UTF-8: ${shown(raw)}`];
  if (refusedAsPathSegment(value)) return [`${where}: path parameter ${name} carries a refused value ${shown(value)}`];
  // WHATWG URLs treat %2e as a dot: a server or proxy may resolve such a segment as `.` or `..`.
  if (/^(\.|%2e){1,2}$/i.test(raw)) return [`${where}: path parameter ${name} is a dot segment in disguise: ${shown(raw)}`];
  return [];
}

function queryProblems(where: string, exchange: ProxiedExchange): string[] {
  const problems: string[] = [];
  for (const [name, value] of exchange.query) {
    if (value.trim() === '') problems.push(`${where}: query parameter ${name} is sent blank (${shown(value)})`);
  }
  return problems;
}

function multipartPartNames(body: Buffer): string[] {
  return [...body.toString('latin1').matchAll(/Content-Disposition: form-data; name="([^"]+)"/gi)].map((m) => m[1] ?? '');
}

/** Parameters, query names and the body, against the official spec's operation. */
function specProblems(where: string, exchange: ProxiedExchange, spec: ApiSpec, declaredPath: string): string[] {
  const op = spec.find(exchange.method, exchange.rawPath);
  if (!op) return [`${where}: no such operation in the spec`];
  const template = (path: string): string => path.replace(/\{[^}]+\}/g, '{}');
  if (template(op.path) !== template(declaredPath)) return [`${where}: reached the spec's ${op.path} instead of ${declaredPath}`];
  const problems: string[] = [];
  for (const param of op.parameters) {
    if (!param.required) continue;
    if (param.in === 'header' && exchange.headers[param.name.toLowerCase()] === undefined) problems.push(`${where}: required header ${param.name} missing`);
    if (param.in === 'query' && !exchange.query.has(param.name)) problems.push(`${where}: required query parameter ${param.name} missing`);
  }
  const declaredQuery = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of exchange.query.keys()) if (!declaredQuery.has(name)) problems.push(`${where}: query parameter ${name} is not in the spec`);
  if (exchange.body.length === 0) {
    if (op.bodyRequired) problems.push(`${where}: the spec requires a body; none was sent`);
    return problems;
  }
  if (op.multipart) {
    const names = multipartPartNames(exchange.body);
    for (const name of names) if (!op.multipart.parts.includes(name)) problems.push(`${where}: multipart part ${name} is not in the spec`);
    for (const name of op.multipart.required) if (!names.includes(name)) problems.push(`${where}: required multipart part ${name} missing`);
    return problems;
  }
  if (!op.jsonBody) return [...problems, `${where}: a body was sent where the spec takes none`];
  let body: unknown;
  try {
    body = JSON.parse(exchange.body.toString('utf8'));
  } catch {
    return [...problems, `${where}: the body is not JSON`];
  }
  if (!op.jsonBody(body)) {
    const errors = (op.jsonBody.errors ?? []).slice(0, 2).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    problems.push(`${where}: the body does not match the spec: ${errors}`);
  }
  return problems;
}

/** Whether a request is one of the config node's logins rather than an operation's own call. */
export function isLogin(exchange: ProxiedExchange): boolean {
  return AUTH_TEMPLATES.some((template) => matchTemplate(template, exchange.rawPath) !== undefined);
}

/**
 * Everything wrong with one request a node of operation `op` caused (its own call or an authentication call).
 * The generic API node's target is free, so only its path segments and query are checked here.
 */
export function wireProblems(exchange: ProxiedExchange, op: OperationSpec | undefined, spec: ApiSpec | undefined): string[] {
  const where = `${exchange.method} ${exchange.rawPath.length > 120 ? `${exchange.rawPath.slice(0, 120)}…` : exchange.rawPath}`;
  for (const template of AUTH_TEMPLATES) {
    const match = matchTemplate(template, exchange.rawPath);
    if (!match) continue;
    const problems = Object.entries(match.segments).flatMap(([name, raw]) => segmentProblems(where, name, raw));
    if (match.segments.uid !== undefined && !/^\d+$/.test(match.segments.uid)) problems.push(`${where}: the user id segment is not a number`);
    // A login that lands on another login's path (an OBO username of "..") shows in what it carries.
    if (spec && template.startsWith('/login/')) problems.push(...specProblems(where, exchange, spec, template));
    return problems;
  }
  if (!op) return [`${where}: a request no node of this run should make`];
  if (op.dynamicTarget) {
    const segments = exchange.rawPath.split('/').slice(1);
    return [
      ...segments.flatMap((raw) => (/^(\.|%2e){1,2}$/i.test(raw) ? [`${where}: a dot segment`] : [])),
      ...queryProblems(where, exchange),
    ];
  }
  const match = matchTemplate(op.path, exchange.rawPath);
  if (!match) return [`${where}: does not match ${op.method} ${op.path} with each parameter one path segment`];
  const problems = [
    ...(exchange.method === op.method ? [] : [`${where}: sent as ${exchange.method}, the operation is ${op.method}`]),
    ...Object.entries(match.segments).flatMap(([name, raw]) => segmentProblems(where, name, raw)),
    ...queryProblems(where, exchange),
  ];
  return spec ? [...problems, ...specProblems(where, exchange, spec, op.path)] : problems;
}
