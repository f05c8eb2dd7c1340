/**
 * What the agent's extended health reports of the services it needs and of its own service users: all UP unless a
 * test or an example said otherwise through the control API (POST /_sim/agent-health).
 */
import { badRequest } from './http/errors';

export const AGENT_SERVICES = ['pod', 'key_manager', 'datafeed'] as const;
export const AGENT_USERS = ['agentservice', 'ceservice'] as const;

type Status = 'UP' | 'DOWN';

/** The control API's body: components by name, each UP or DOWN; those not named keep their state. */
export interface AgentHealthInput {
  services?: Record<string, unknown>;
  users?: Record<string, unknown>;
}

export class AgentHealthState {
  private readonly down = new Set<string>();

  /** Sets the named components; a name the agent does not report is a 400 naming it. */
  set(input: AgentHealthInput): void {
    const changes: Array<[string, Status]> = [];
    const read = (group: Record<string, unknown> | undefined, known: readonly string[], prefix: string): void => {
      if (group === undefined) return;
      if (!group || typeof group !== 'object' || Array.isArray(group)) throw badRequest(`${prefix || 'services'} must be an object`);
      for (const [name, status] of Object.entries(group)) {
        if (!known.includes(name)) throw badRequest(`${name} is not one of ${known.join(', ')}`);
        if (status !== 'UP' && status !== 'DOWN') throw badRequest(`${name} must be UP or DOWN`);
        changes.push([`${prefix}${name}`, status]);
      }
    };
    read(input.services, AGENT_SERVICES, '');
    read(input.users, AGENT_USERS, 'users.');
    for (const [key, status] of changes) {
      if (status === 'DOWN') this.down.add(key);
      else this.down.delete(key);
    }
  }

  isDown(service: string): boolean {
    return this.down.has(service);
  }

  isUserDown(user: string): boolean {
    return this.down.has(`users.${user}`);
  }

  get anyDown(): boolean {
    return this.down.size > 0;
  }
}
