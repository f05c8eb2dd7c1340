/**
 * The shape of the operation catalogue: one entry per Symphony API operation. Everything a node type needs
 * (runtime request, edit dialog, help, README row, catalogue.json) is derived from these entries.
 */

/** Which service base URL an operation is sent to. `login` goes to the pod URL, under `/login`. */
export type Api = 'pod' | 'agent' | 'login';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Palette groups, one per API area. */
export type Area = 'users' | 'streams' | 'messages' | 'presence' | 'connections' | 'signals' | 'compliance' | 'apps' | 'system';

/** Node-RED TypedInput types a field may offer. */
export type TypedInputType = 'str' | 'num' | 'bool' | 'json' | 'msg' | 'flow' | 'global' | 'env' | 'jsonata' | 'bin';

/**
 * Where a resolved parameter goes on the wire.
 * - `path`: substituted into `{name}` (or `{wireName}`) in the path
 * - `query`: query string (arrays are joined with commas)
 * - `body`: a property of the JSON body
 * - `body-root`: the whole JSON body
 * - `multipart`: a part of a multipart/form-data body
 * - `none`: shapes the request through the entry's `prepare` hook only
 */
export type ParamLocation = 'path' | 'query' | 'body' | 'body-root' | 'multipart' | 'none';

/**
 * How a raw value is normalised before schema validation.
 * - `id`: a Symphony numeric id (user id), a number or numeric string up to 2^53-1, output as a number
 * - `id-list`: an array (or comma separated string) of such ids
 * - `string-list`: an array (or comma separated string) of non-empty strings
 * - `stream-id`: a stream id, standard base64 turned URL-safe
 * - `integer`: a whole number (or numeric string), e.g. skip, limit, a timestamp in ms
 * - `json`: an object or a JSON string
 * - `attachments`: `[{ name, content: Buffer }]` or one such object
 */
export type ParamKind = 'id' | 'id-list' | 'string-list' | 'stream-id' | 'string' | 'number' | 'integer' | 'boolean' | 'enum'
  | 'json' | 'attachments';

/** Media types the APIs answer with: JSON, or a file (an attachment's body, as base64 text). */
export type AnswerMediaType = 'application/json' | 'application/octet-stream';

/** A JSON schema fragment (ajv, draft-07 subset). */
export type JsonSchema = Record<string, unknown>;

export interface ParamSpec {
  /** Node property name, and the msg property read when the field is left blank (msg.<name>). */
  name: string;
  /** Where the value goes on the wire. */
  in: ParamLocation;
  /** Name on the wire when it differs from `name` (e.g. query `uid` for `userIds`). */
  wireName?: string;
  kind: ParamKind;
  /** Allowed values for kind `enum`. */
  enum?: readonly string[];
  /** Schema the normalised value must satisfy; derived from `kind` when omitted. */
  schema?: JsonSchema;
  required?: boolean;
  /** TypedInput types offered in the edit dialog, first one is the default type. */
  types: readonly TypedInputType[];
  /** Default field value and type in a new node. An empty value means "read msg.<name>". */
  default?: { value: string; type: TypedInputType };
  /** Shown only in the edit dialog's advanced section. */
  advanced?: boolean;
  /**
   * What an id field names (required for kinds `id`, `id-list` and `stream-id`). It decides which answers of a
   * previous node the field takes besides plain ids: `user` fields take a lookup users answer, users or one user;
   * `stream` fields take an IM or room answer or a stream; `message` fields take a message id only.
   */
  idOf?: IdOf;
}

export type IdOf = 'user' | 'stream' | 'message';

/**
 * What a node's status says after a call that worked, instead of "ok": how many items came back ("3 users"), or
 * the id of what was made ("sent vd7qwNb6…"), translated once.
 */
export type SummaryText = 'usersFound' | 'users' | 'rooms' | 'streams' | 'members' | 'messages' | 'attachments' | 'connections'
  | 'signals' | 'subscribers' | 'entries' | 'sent';

export interface StatusSummary {
  show: 'count' | 'id';
  /** Which text (runtime.status.summary.<text>, see nodes/runtime/operations/status-summary.ts). */
  text: SummaryText;
  /** Dotted path in the answer of the items or the id; for a count, where paging finds the items when omitted. */
  at?: string;
  /** No items is news (a yellow dot): a lookup that found nobody. */
  noneIsNews?: boolean;
}

/** A select (dropdown) option of a node that is not an API parameter, e.g. the message format. */
export interface OptionSpec {
  name: string;
  values: readonly string[];
  default: string;
}

/** A rule across several parameters that JSON schema would only express with unreadable errors. */
export interface ExactlyOneOf {
  exactlyOneOf: readonly string[];
  /**
   * When none of them is set (in the node or on msg) and msg.payload is text, the parameter that text fills, by its
   * shape; omitted, a text payload is not taken (in msg.payload text is most often a message).
   */
  payloadText?: (text: string) => string;
}

/**
 * How a list operation pages. The node then offers: one page (as the API answers) or all pages up to a cap, and
 * the whole list in one msg or one msg per item.
 * - `skip-limit`: the entry's `skip` and `limit` parameters address the page (query or body, as declared)
 * - `cursor`: the entry's `after` parameter (or `cursorParam`) takes the cursor found at `cursorPath` in the previous
 *   answer
 * - `last-item`: the parameter `cursorParam` takes field `cursorField` of the previous page's last item; the API
 *   includes that item again at the top of the next page (GET /pod/v2/users/presence and its lastUserId)
 * - `page-number`: the entry's `page` parameter numbers the pages from 0, each `limit` items long; the answer may say
 *   how many pages there are at `pageCountPath` (the DLP policy and dictionary lists)
 */
export interface PagingSpec {
  style: 'skip-limit' | 'cursor' | 'last-item' | 'page-number';
  /** Where the items are in the answer: '' when the answer is the array itself, else a dotted property path. */
  items: string;
  /** The largest page the API serves; also the page size of "all pages" when the node sets no limit. */
  maxPageSize: number;
  /** For `cursor`: dotted path of the next cursor in the answer (absent or empty = last page). */
  cursorPath?: string;
  /**
   * For `cursor`: the API takes no page size and picks its own (message receipts): the entry has no `limit`
   * parameter, and only a missing next cursor ends the list.
   */
  serverPageSize?: boolean;
  /**
   * For `last-item`: the parameter that takes the last item's key, and the item field holding it. For `cursor`: the
   * parameter that takes the cursor, when it is not `after` (the DLP violations' `next`).
   */
  cursorParam?: string;
  cursorField?: string;
  /** For `page-number`: dotted path of the number of pages in the answer, when the API says it. */
  pageCountPath?: string;
}

/** A status dot an entry derives from its output. */
export interface OutcomeStatus {
  fill: 'green' | 'yellow' | 'red';
  key: string;
  substitutions?: Record<string, unknown>;
}

/** Values after resolution, normalisation and validation, keyed by parameter name. */
export type ParamValues = Record<string, unknown>;

export interface OperationSpec {
  /** Node type, prefixed `symphony-`. */
  type: string;
  /** Short id used for i18n keys: `<id>.label`, `<id>.help`, ... */
  id: string;
  area: Area;
  api: Api;
  method: HttpMethod;
  /** Full path below the service root, e.g. `/pod/v3/users`. */
  path: string;
  params: readonly ParamSpec[];
  options?: readonly OptionSpec[];
  rules?: readonly ExactlyOneOf[];
  /**
   * App permissions an OBO call needs (any one of them suffices); `null` when the endpoint is not OBO-enabled.
   * An empty list means the permission depends on the call (the generic API node).
   */
  oboPermissions: readonly string[] | null;
  /**
   * The OBO-enabled endpoints of Symphony's OBO table this node serves, as "METHOD /path": its own, and the
   * deprecated versions it replaces (e.g. `GET /pod/v1/sessioninfo` for session info). Feeds the README table.
   */
  oboEndpoints?: readonly string[];
  paging?: PagingSpec;
  /** True when repeating the call after it may have been applied does no harm (reads, searches, sets). */
  idempotent: boolean;
  /** Agent calls that need the key manager token in bot mode. */
  needsKeyManager?: boolean;
  /**
   * Body is multipart/form-data built from `multipart` parameters (the spec's request media type); otherwise a body,
   * when there is one, is JSON.
   */
  multipart?: boolean;
  /** Output when the API answers 204 No Content. */
  emptyResult?: unknown;
  /**
   * Last step before the request is built: derives wire values from validated values and node options,
   * e.g. wraps plain text in MessageML, reads attachment files. Must throw (or reject with) an error naming
   * the field for bad input.
   */
  prepare?: (values: ParamValues, options: Record<string, string>) => ParamValues | Promise<ParamValues>;
  /**
   * The media type the API answers with, as the spec declares it (Swagger `produces`, OpenAPI response content):
   * sent as the request's Accept. JSON when omitted.
   */
  produces?: AnswerMediaType;
  /** What the status says after a call that worked; "ok" when omitted. */
  statusSummary?: StatusSummary;
  /** Turns the API's answer into what the node outputs, e.g. a base64 attachment into a Buffer. */
  result?: (answer: unknown) => unknown;
  /**
   * HTTP statuses besides 2xx whose JSON object body is the operation's answer, not a failure, and which are not
   * retried: the extended agent health answers 503 with its report when a service is down.
   */
  answerStatuses?: readonly number[];
  /**
   * The status dot after a success, from the output (e.g. "all up" / "2 down"); the usual "ok" when omitted or
   * when it returns undefined. `key` is an i18n key, filled with `substitutions`.
   */
  statusOf?: (output: unknown) => OutcomeStatus | undefined;
  /** msg properties set besides the output, from the node's inputs (e.g. msg.filename of a download). */
  annotate?: (values: ParamValues) => Record<string, unknown>;
  /**
   * For the generic API node only: the call's target is not fixed by the entry but read from the values (the
   * method, a path under /pod, /agent or /login, query and body).
   */
  dynamicTarget?: boolean;
}
