/**
 * Is the agent there and working: its health (no token needed, but sent like any call), its extended health (pod,
 * key manager, datafeed and the agent's own service users), and the echo call, which goes through the agent's
 * authentication and so checks the bot's session end to end. Texts in ops-health.json.
 */
import { text } from '../runtime/core/i18n';
import type { OperationSpec, OutcomeStatus } from './types';

interface HealthComponent { status?: unknown }
interface Health {
  status?: unknown;
  services?: Record<string, HealthComponent>;
  users?: Record<string, HealthComponent>;
}

/** The names of the services and users reported DOWN, users prefixed `users.` (a service may share a name). */
export function downComponents(health: Health): string[] {
  const down = (group: Record<string, HealthComponent> | undefined, prefix: string): string[] =>
    Object.entries(group ?? {}).filter(([, component]) => component?.status === 'DOWN').map(([name]) => `${prefix}${name}`);
  return [...down(health.services, ''), ...down(health.users, 'users.')];
}

/** The agent's report with `down` (what is DOWN) and `summary` (the same in words) added. */
function withSummary(answer: unknown): unknown {
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return answer;
  const down = downComponents(answer as Health);
  const summary = down.length === 0 && (answer as Health).status !== 'DOWN'
    ? text('agent-health-extended.summary.allUp')
    : down.length === 0 ? text('agent-health-extended.summary.agentDown') : text('agent-health-extended.summary.down', { names: down.join(', ') });
  return { ...answer, down, summary };
}

function extendedStatus(output: unknown): OutcomeStatus | undefined {
  const down = (output as { down?: unknown } | null)?.down;
  if (!Array.isArray(down)) return undefined;
  if (down.length > 0) return { fill: 'red', key: 'agent-health-extended.status.down', substitutions: { count: down.length } };
  return (output as Health).status === 'DOWN'
    ? { fill: 'red', key: 'agent-health-extended.status.agentDown' }
    : { fill: 'green', key: 'agent-health-extended.status.allUp' };
}

function healthStatus(output: unknown): OutcomeStatus | undefined {
  const status = (output as Health | null)?.status;
  if (status === 'UP') return { fill: 'green', key: 'agent-health.status.up' };
  if (status === 'DOWN') return { fill: 'red', key: 'agent-health.status.down' };
  return undefined;
}

const agentRead = { area: 'system', api: 'agent', oboPermissions: null, idempotent: true } as const;

export const healthOperations: readonly OperationSpec[] = [
  {
    ...agentRead,
    type: 'symphony-agent-health',
    id: 'agent-health',
    method: 'GET',
    path: '/agent/v3/health',
    params: [],
    statusOf: healthStatus,
  },
  {
    ...agentRead,
    type: 'symphony-agent-health-extended',
    id: 'agent-health-extended',
    method: 'GET',
    path: '/agent/v3/health/extended',
    params: [],
    // 503 is the same report, with some component DOWN: an answer to show, not a failure to retry.
    answerStatuses: [503],
    result: withSummary,
    statusOf: extendedStatus,
  },
  {
    ...agentRead,
    type: 'symphony-echo',
    id: 'echo',
    method: 'POST',
    path: '/agent/v1/util/echo',
    params: [
      {
        name: 'message', in: 'body', kind: 'string', required: true, types: ['str', 'msg', 'flow', 'global', 'env', 'jsonata'],
        default: { value: 'ping', type: 'str' },
      },
    ],
    // The agent only returns what it was given.
    needsKeyManager: true,
  },
];
