/** Information barriers: the groups users are put in and the policies that keep groups apart (texts in ops-info-barriers.json). */
import { podAdminEntry } from './admin-entry';
import type { OperationSpec, ParamSpec } from './types';
import { LIST, TEXT, skipLimit } from './users-fields';

const GROUP_ID: ParamSpec = { name: 'groupId', in: 'path', wireName: 'gid', kind: 'string', required: true, schema: { minLength: 1 }, types: TEXT };
const USER_IDS: ParamSpec = { name: 'userIds', in: 'body-root', kind: 'id-list', idOf: 'user', required: true, types: LIST };

/** Add and remove take the same list of user ids and answer a BulkActionResult. */
function membershipEntry(verb: 'add' | 'remove'): OperationSpec {
  return podAdminEntry('compliance', {
    id: `ib-group-members-${verb}`,
    method: 'POST',
    path: `/pod/v1/admin/group/{gid}/membership/${verb}`,
    params: [GROUP_ID, USER_IDS],
    // Adding a member again, or removing one who is not in the group, changes nothing.
    idempotent: true,
  });
}

export const infoBarrierOperations: readonly OperationSpec[] = [
  podAdminEntry('compliance', {
    id: 'ib-groups-list',
    method: 'GET',
    path: '/pod/v1/admin/group/list',
    params: [],
    idempotent: true,
  }),
  podAdminEntry('compliance', {
    id: 'ib-group-members-list',
    method: 'GET',
    path: '/pod/v1/admin/group/{gid}/membership/list',
    params: [GROUP_ID, ...skipLimit(10000)],
    paging: { style: 'skip-limit', items: '', maxPageSize: 10000 },
    idempotent: true,
  }),
  membershipEntry('add'),
  membershipEntry('remove'),
  podAdminEntry('compliance', {
    id: 'ib-policies-list',
    method: 'GET',
    path: '/pod/v1/admin/policy/list',
    params: [],
    idempotent: true,
  }),
];
