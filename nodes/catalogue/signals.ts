import type { OperationSpec } from './types';

export const signalsOperations: readonly OperationSpec[] = [];
