import type { OperationSpec } from './types';
import { usersOperations } from './users';
import { streamsOperations } from './streams';
import { messagesOperations } from './messages';
import { presenceOperations } from './presence';
import { connectionsOperations } from './connections';
import { signalsOperations } from './signals';
import { dlpOperations } from './dlp';
import { violationsOperations } from './violations';
import { systemOperations } from './system';
import { genericOperations } from './generic';

/** Every operation node type, in palette order. The single source of truth for node types. */
export const catalogue: readonly OperationSpec[] = [
  ...usersOperations,
  ...streamsOperations,
  ...messagesOperations,
  ...presenceOperations,
  ...connectionsOperations,
  ...signalsOperations,
  ...dlpOperations,
  ...violationsOperations,
  ...systemOperations,
  ...genericOperations,
];

export function findOperation(type: string): OperationSpec | undefined {
  return catalogue.find((op) => op.type === type);
}

export type { OperationSpec, ParamSpec } from './types';
