import type { OperationSpec } from './types';
import { usersOperations } from './users';
import { usersManageOperations } from './users-manage';
import { usersSessionsOperations } from './users-sessions';
import { streamsOperations } from './streams';
import { streamsAdminOperations } from './streams-admin';
import { healthOperations } from './health';
import { messagesOperations } from './messages';
import { messagesAdminOperations } from './messages-admin';
import { messageImportOperations } from './message-import';
import { presenceOperations } from './presence';
import { connectionsOperations } from './connections';
import { signalsOperations } from './signals';
import { dlpOperations } from './dlp';
import { violationsOperations } from './violations';
import { systemOperations } from './system';
import { genericOperations } from './generic';
import { infoBarrierOperations } from './info-barriers';
import { disclaimerOperations } from './disclaimers';
import { entitlementOperations } from './entitlements';
import { applicationOperations } from './applications';
import { podSettingsOperations } from './pod-settings';
import { certificateOperations } from './certificates';

/** Every operation node type, in palette order. The single source of truth for node types. */
export const catalogue: readonly OperationSpec[] = [
  ...usersOperations,
  ...usersManageOperations,
  ...usersSessionsOperations,
  ...streamsOperations,
  ...streamsAdminOperations,
  ...messagesOperations,
  ...messagesAdminOperations,
  ...messageImportOperations,
  ...presenceOperations,
  ...connectionsOperations,
  ...signalsOperations,
  ...dlpOperations,
  ...violationsOperations,
  ...infoBarrierOperations,
  ...disclaimerOperations,
  ...entitlementOperations,
  ...applicationOperations,
  ...systemOperations,
  ...podSettingsOperations,
  ...certificateOperations,
  ...healthOperations,
  ...genericOperations,
];

export function findOperation(type: string): OperationSpec | undefined {
  return catalogue.find((op) => op.type === type);
}

export type { OperationSpec, ParamSpec } from './types';
