/**
 * The official Symphony OpenAPI files (../shared/symphony-api-spec), indexed by method and full path, with ajv
 * validators for request bodies and responses. Swagger 2 (pod, login) and OpenAPI 3 (agent) are both read.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import yaml from 'js-yaml';

export const SPEC_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'symphony-api-spec');

type Json = Record<string, unknown>;

export interface SpecParameter {
  name: string;
  in: string;
  required: boolean;
  /** The values the spec allows (its `enum`, or its items' for an array), as the spec spells them. */
  enum?: string[];
  description?: string;
}

export interface SpecOperation {
  file: string;
  method: string;
  /** Full path as called, e.g. /pod/v3/room/{id}/info. */
  path: string;
  matcher: RegExp;
  parameters: SpecParameter[];
  /** Validator of a JSON request body, when the operation takes one. */
  jsonBody?: ValidateFunction;
  /**
   * The JSON body schema's nodes along a property path (`$ref` and `allOf` followed, array indexes go to `items`),
   * one list per level below the root; empty lists where the path leaves the schema.
   */
  bodySchemaPath?: (path: readonly string[]) => Json[][];
  bodyRequired: boolean;
  /** Part names of a multipart body, and those required. */
  multipart?: { parts: string[]; required: string[] };
  /** Validators of JSON responses, by status code ("200", "204"...). */
  responses: Map<string, ValidateFunction | null>;
  /**
   * Media types the answers may have: Swagger 2 `produces` (operation, else file level), OpenAPI 3 the `content`
   * keys of every response. An Accept header must admit one of them.
   */
  produces: string[];
  /**
   * Media types a request body may have: Swagger 2 `consumes` (operation, else file level) when the operation
   * takes a body, OpenAPI 3 the `requestBody` content keys; empty when the operation takes no body.
   */
  consumes: string[];
}

interface SpecFile {
  file: string;
  /** Prefix of every path of the file as called: /pod, /agent, /login, /sessionauth... */
  base: string;
}

const FILES: SpecFile[] = [
  { file: 'pod/pod-api-public.yaml', base: '/pod' },
  { file: 'pod/pod-api-public-deprecated.yaml', base: '/pod' },
  { file: 'agent/agent-api-public.yaml', base: '/agent' },
  { file: 'agent/agent-api-public-deprecated.yaml', base: '/agent' },
  { file: 'login/login-api-public.yaml', base: '/login' },
  // The key manager serves the same pubkey authentication under /relay.
  { file: 'login/login-api-public.yaml', base: '/relay' },
  // Certificate authentication: the pod's /sessionauth and the key manager's /keyauth.
  { file: 'authenticator/authenticator-api-public.yaml', base: '/sessionauth' },
  { file: 'authenticator/authenticator-api-public.yaml', base: '/keyauth' },
];

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

/** Points every local $ref of a schema at the document registered under `id`. */
function qualifyRefs(schema: unknown, id: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => qualifyRefs(item, id));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${id}${value}` : qualifyRefs(value, id);
  }
  return out;
}

/** A parameter's enum: Swagger 2 puts it on the parameter (or its items), OpenAPI 3 on its schema. */
function parameterEnum(param: Json): string[] | undefined {
  const schema = (param.schema ?? param) as Json;
  const values = schema.enum ?? (schema.items as Json | undefined)?.enum;
  return Array.isArray(values) ? values.map(String) : undefined;
}

/** A schema with its local `$ref` followed and its `allOf` parts alongside, each part resolved the same way. */
function expand(doc: Json, schema: Json | undefined): Json[] {
  if (!schema) return [];
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    const target = ref.slice(2).split('/').reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc) as Json | undefined;
    return [schema, ...expand(doc, target)];
  }
  return [schema, ...((schema.allOf ?? []) as Json[]).flatMap((part) => expand(doc, part))];
}

function schemaPath(doc: Json, root: Json, at: readonly string[]): Json[][] {
  const levels: Json[][] = [];
  let nodes = expand(doc, root);
  for (const key of at) {
    nodes = nodes.flatMap((node) => (/^\d+$/.test(key)
      ? expand(doc, node.items as Json | undefined)
      : expand(doc, (node.properties as Record<string, Json> | undefined)?.[key])));
    levels.push(nodes);
  }
  return levels;
}

function templateMatcher(fullPath: string): RegExp {
  const pattern = fullPath.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+');
  return new RegExp(`^${pattern}$`);
}

export class ApiSpec {
  readonly operations: SpecOperation[] = [];
  private readonly ajv = new Ajv({ strict: false, validateFormats: false, validateSchema: false, allErrors: true });

  static available(): boolean {
    return existsSync(SPEC_DIR);
  }

  constructor() {
    for (const spec of FILES) this.load(spec);
  }

  private load({ file, base }: SpecFile): void {
    const doc = yaml.load(readFileSync(path.join(SPEC_DIR, file), 'utf8')) as Json;
    const fileProduces = (doc.produces ?? []) as string[];
    const fileConsumes = (doc.consumes ?? []) as string[];
    const id = `${base}:${file}`;
    // The whole document is the schema root, so '#/definitions/X' and '#/components/schemas/X' both resolve.
    this.ajv.addSchema({ $id: id, definitions: doc.definitions ?? {}, components: doc.components ?? {} });
    const compile = (schema: unknown): ValidateFunction => this.ajv.compile(qualifyRefs(schema, id) as Json);
    for (const [specPath, item] of Object.entries(doc.paths as Record<string, Json>)) {
      const shared = (item.parameters ?? []) as Json[];
      for (const method of METHODS) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        const params = [...shared, ...((op.parameters ?? []) as Json[])];
        const fullPath = base + specPath;
        const operation: SpecOperation = {
          file,
          method: method.toUpperCase(),
          path: fullPath,
          matcher: templateMatcher(fullPath),
          parameters: params.filter((p) => p.in !== 'body').map((p) => ({
            name: String(p.name), in: String(p.in), required: p.required === true, ...(parameterEnum(p) ? { enum: parameterEnum(p) } : {}),
            ...(typeof p.description === 'string' ? { description: p.description } : {}),
          })),
          bodyRequired: false,
          responses: new Map(),
          produces: [],
          consumes: [],
        };
        const bodyParam = params.find((p) => p.in === 'body');
        if (bodyParam) {
          operation.jsonBody = compile(bodyParam.schema);
          operation.bodySchemaPath = (at) => schemaPath(doc, bodyParam.schema as Json, at);
          operation.bodyRequired = bodyParam.required === true;
        }
        const content = ((op.requestBody as Json | undefined)?.content ?? {}) as Record<string, Json>;
        if (content['application/json']) {
          operation.jsonBody = compile(content['application/json'].schema);
          operation.bodySchemaPath = (at) => schemaPath(doc, content['application/json']?.schema as Json, at);
          operation.bodyRequired = (op.requestBody as Json).required === true;
        }
        const form = content['multipart/form-data']?.schema as Json | undefined;
        if (form) operation.multipart = { parts: Object.keys((form.properties ?? {}) as Json), required: (form.required ?? []) as string[] };
        for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
          const schema = response.schema ?? ((response.content as Record<string, Json> | undefined)?.['application/json']?.schema);
          operation.responses.set(String(status), schema ? compile(schema) : null);
          for (const type of Object.keys((response.content ?? {}) as Json)) if (!operation.produces.includes(type)) operation.produces.push(type);
        }
        if (op.produces ?? doc.swagger) operation.produces = [...((op.produces ?? fileProduces) as string[])];
        // A Swagger 2 body without any `consumes` (e.g. POST /v3/user/presence) is JSON, as its schema says.
        if (bodyParam) operation.consumes = [...((op.consumes ?? fileConsumes) as string[])].filter(Boolean);
        if (bodyParam && operation.consumes.length === 0) operation.consumes = ['application/json'];
        if (op.requestBody) operation.consumes = Object.keys(content);
        this.operations.push(operation);
      }
    }
  }

  /** The operation a request was made to: the current file first, then the deprecated one. */
  find(method: string, calledPath: string): SpecOperation | undefined {
    const templates = (op: SpecOperation): number => (op.path.match(/\{/g) ?? []).length;
    // A literal segment beats a template when both match (/room/search vs /room/{id}); the sort is stable, so
    // among equals the current file, loaded first, wins.
    return this.operations
      .filter((op) => op.method === method && op.matcher.test(calledPath))
      .sort((a, b) => templates(a) - templates(b))[0];
  }
}
