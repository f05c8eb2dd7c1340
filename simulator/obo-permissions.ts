/**
 * The 50 OBO-enabled endpoints and the app permission each needs, written by hand from Symphony's
 * "API Endpoints for Apps" table. Rows the table writes without the /pod prefix (follow, unfollow, message
 * suppression) are pod endpoints and carry the prefix here; "{:sid}" is written {sid}.
 */

export const OBO_PERMISSIONS = [
  'GET_BASIC_CONTACT_INFO', 'GET_BASIC_USER_INFO', 'SEND_MESSAGES', 'SUPPRESS_MESSAGES', 'CREATE_USER_STREAM',
  'MANAGE_ROOMS', 'MANAGE_SIGNALS', 'LIST_USER_STREAMS', 'GET_USER_CONNECTIONS', 'REQUEST_USER_CONNECTIONS',
  'GET_PRESENCE', 'SET_PRESENCE', 'MANAGE_USER_FOLLOWING',
] as const;
export type OboPermission = typeof OBO_PERMISSIONS[number];

export interface OboEndpoint {
  method: 'GET' | 'POST';
  path: string;
  /**
   * Where the table lists two permissions (POST /pod/v3/room/create, GET /pod/v2/user), the app needs ANY ONE
   * of them: the table gives no rule, and Symphony documents each as sufficient for that kind of operation.
   */
  permissions: readonly OboPermission[];
}

const row = (method: OboEndpoint['method'], path: string, ...permissions: OboPermission[]): OboEndpoint =>
  ({ method, path, permissions });

export const OBO_ENDPOINTS: readonly OboEndpoint[] = [
  row('GET', '/pod/v1/connection/list', 'GET_USER_CONNECTIONS'),
  row('GET', '/pod/v1/admin/system/protocols/list', 'SEND_MESSAGES'),
  row('GET', '/pod/v1/connection/user/{userId}/info', 'GET_USER_CONNECTIONS'),
  row('GET', '/pod/v1/files/allowedTypes', 'SEND_MESSAGES'),
  row('GET', '/pod/v1/presence/feed/{feedId}/read', 'GET_PRESENCE'),
  row('GET', '/pod/v1/sessioninfo', 'GET_BASIC_USER_INFO'),
  row('GET', '/pod/v1/streams/{streamId}/info', 'SEND_MESSAGES'),
  row('GET', '/pod/v1/user', 'GET_BASIC_CONTACT_INFO'),
  row('GET', '/pod/v1/user/presence', 'GET_PRESENCE'),
  row('GET', '/pod/v1/user/{userId}/presence', 'GET_PRESENCE'),
  row('GET', '/pod/v2/sessioninfo', 'GET_BASIC_USER_INFO'),
  row('GET', '/pod/v2/user', 'GET_BASIC_CONTACT_INFO', 'SEND_MESSAGES'),
  row('GET', '/pod/v2/user/presence', 'GET_PRESENCE'),
  row('GET', '/pod/v2/user/{userId}/presence', 'GET_PRESENCE'),
  row('GET', '/pod/v3/room/{roomId}/info', 'MANAGE_ROOMS'),
  row('GET', '/pod/v3/user/{userId}/presence', 'GET_PRESENCE'),
  row('GET', '/pod/v3/users', 'GET_BASIC_CONTACT_INFO'),
  row('POST', '/pod/v1/user/{uid}/follow', 'MANAGE_USER_FOLLOWING'),
  row('POST', '/pod/v1/user/{uid}/unfollow', 'MANAGE_USER_FOLLOWING'),
  row('GET', '/agent/v1/signals/{signalId}/get', 'MANAGE_SIGNALS'),
  row('GET', '/agent/v1/signals/{signalId}/subscribers', 'MANAGE_SIGNALS'),
  row('GET', '/agent/v1/signals/list', 'MANAGE_SIGNALS'),
  row('POST', '/agent/v1/signals/create', 'MANAGE_SIGNALS'),
  row('POST', '/agent/v1/signals/{signalId}/update', 'MANAGE_SIGNALS'),
  row('POST', '/agent/v1/signals/{signalId}/delete', 'MANAGE_SIGNALS'),
  row('POST', '/agent/v1/signals/{signalId}/subscribe', 'MANAGE_SIGNALS'),
  row('POST', '/agent/v1/signals/{signalId}/unsubscribe', 'MANAGE_SIGNALS'),
  row('POST', '/agent/v3/stream/{streamId}/share', 'SEND_MESSAGES'),
  row('POST', '/agent/v4/stream/{streamId}/message/create', 'SEND_MESSAGES'),
  row('POST', '/agent/v4/message/blast', 'SEND_MESSAGES'),
  row('POST', '/agent/v4/stream/{sid}/message/{mid}/update', 'SEND_MESSAGES'),
  row('POST', '/pod/v1/admin/messagesuppression/{messageId}/suppress', 'SUPPRESS_MESSAGES'),
  row('POST', '/pod/v1/connection/create', 'REQUEST_USER_CONNECTIONS'),
  row('POST', '/pod/v1/im/create', 'SEND_MESSAGES'),
  row('POST', '/pod/v1/presence/feed/create', 'GET_PRESENCE'),
  row('POST', '/pod/v1/presence/feed/{feedId}/delete', 'GET_PRESENCE'),
  row('POST', '/pod/v1/room/{roomId}/membership/add', 'MANAGE_ROOMS'),
  row('POST', '/pod/v1/room/{roomId}/membership/demoteOwner', 'MANAGE_ROOMS'),
  row('POST', '/pod/v1/room/{roomId}/membership/promoteOwner', 'MANAGE_ROOMS'),
  row('POST', '/pod/v1/room/{roomId}/membership/remove', 'MANAGE_ROOMS'),
  row('POST', '/pod/v1/room/{roomId}/setActive', 'MANAGE_ROOMS'),
  row('POST', '/pod/v1/streams/list', 'LIST_USER_STREAMS'),
  row('POST', '/pod/v1/user/presence', 'SET_PRESENCE'),
  row('POST', '/pod/v1/user/presence/register', 'GET_PRESENCE'),
  row('POST', '/pod/v1/user/search', 'GET_BASIC_CONTACT_INFO'),
  row('POST', '/pod/v2/user/presence', 'SET_PRESENCE'),
  row('POST', '/pod/v3/room/create', 'MANAGE_ROOMS', 'CREATE_USER_STREAM'),
  row('POST', '/pod/v3/room/search', 'MANAGE_ROOMS'),
  row('POST', '/pod/v3/room/{roomId}/update', 'MANAGE_ROOMS'),
  row('POST', '/pod/v3/user/presence', 'SET_PRESENCE'),
];

/**
 * Current endpoints that replace a deprecated row of the table and are OBO-enabled as that row is (the table
 * still names only the old path). They answer for that row; OBO_ENDPOINTS stays the table as published.
 */
const SUCCESSORS: ReadonlyArray<{ method: OboEndpoint['method']; path: string; replaces: string }> = [
  { method: 'GET', path: '/pod/v2/streams/{sid}/info', replaces: '/pod/v1/streams/{streamId}/info' },
];

const templatePattern = (path: string): RegExp => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);

// Each template becomes a regular expression once; a {param} matches one path segment.
const compiled = [
  ...OBO_ENDPOINTS.map((endpoint) => ({ endpoint, method: endpoint.method, pattern: templatePattern(endpoint.path) })),
  ...SUCCESSORS.map((successor) => ({
    endpoint: OBO_ENDPOINTS.find((e) => e.method === successor.method && e.path === successor.replaces)!,
    method: successor.method,
    pattern: templatePattern(successor.path),
  })),
];

/** The OBO table row for a request, if the endpoint is OBO-enabled. `path` is the URL path without query. */
export function findOboEndpoint(method: string, path: string): OboEndpoint | undefined {
  const upper = method.toUpperCase();
  return compiled.find((c) => c.method === upper && c.pattern.test(path))?.endpoint;
}

/** True when the granted permissions include any one of those the endpoint lists. */
export function isOboAllowed(endpoint: OboEndpoint, granted: readonly string[]): boolean {
  return endpoint.permissions.some((p) => granted.includes(p));
}
