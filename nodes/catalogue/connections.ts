import type { OperationSpec } from './types';

export const connectionsOperations: readonly OperationSpec[] = [];
