import type { OperationSpec } from './types';

export const systemOperations: readonly OperationSpec[] = [];
