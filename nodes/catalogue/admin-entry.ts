/** What the pod administration entries (compliance, apps, pod settings) share. */
import type { Area, OperationSpec } from './types';

/**
 * A pod admin endpoint: the bot's service account needs an admin role (User Provisioning or Administrator), and
 * none of these is OBO-enabled.
 */
export function podAdminEntry(area: Area, entry: Omit<OperationSpec, 'type' | 'area' | 'api' | 'oboPermissions'>): OperationSpec {
  return { ...entry, type: `symphony-${entry.id}`, area, api: 'pod', oboPermissions: null };
}
