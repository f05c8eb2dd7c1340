/**
 * A user's sessions (pod, admin role required; not OBO-enabled): list them, end one, end all. Ending a session
 * logs that login out: whoever used its token must authenticate again. Texts in ops-users-sessions.json.
 */
import type { OperationSpec, ParamSpec } from './types';
import { TEXT, USER_ID_IN_PATH } from './users-fields';

const sessionsEntry = (entry: Omit<OperationSpec, 'type' | 'area' | 'api' | 'oboPermissions'>): OperationSpec =>
  ({ ...entry, type: `symphony-${entry.id}`, area: 'users', api: 'pod', oboPermissions: null });

const sessionId: ParamSpec = { name: 'sessionId', in: 'path', wireName: 'sid', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT };

export const usersSessionsOperations: readonly OperationSpec[] = [
  sessionsEntry({
    id: 'user-sessions-list',
    method: 'GET',
    path: '/pod/v1/users/{uid}/sessions',
    params: [USER_ID_IN_PATH],
    idempotent: true,
    // 204: no such user.
    emptyResult: null,
  }),
  sessionsEntry({
    id: 'user-sessions-logout',
    method: 'POST',
    path: '/pod/v1/users/{uid}/sessions/logout',
    params: [USER_ID_IN_PATH],
    // Ending sessions already ended changes nothing.
    idempotent: true,
  }),
  sessionsEntry({
    id: 'user-session-logout',
    method: 'POST',
    path: '/pod/v1/users/{uid}/sessions/{sid}/logout',
    params: [USER_ID_IN_PATH, sessionId],
    idempotent: true,
  }),
];
