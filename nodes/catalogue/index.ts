import type { OperationSpec } from './types';
import { usersOperations } from './users';
import { streamsOperations } from './streams';
import { messagesOperations } from './messages';
import { presenceOperations } from './presence';
import { connectionsOperations } from './connections';
import { signalsOperations } from './signals';
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
  ...streamsOperations,
  ...messagesOperations,
  ...presenceOperations,
  ...connectionsOperations,
  ...signalsOperations,
  ...infoBarrierOperations,
  ...disclaimerOperations,
  ...entitlementOperations,
  ...applicationOperations,
  ...systemOperations,
  ...podSettingsOperations,
  ...certificateOperations,
  ...genericOperations,
];

export function findOperation(type: string): OperationSpec | undefined {
  return catalogue.find((op) => op.type === type);
}

export type { OperationSpec, ParamSpec } from './types';
