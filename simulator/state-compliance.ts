/**
 * Compliance settings of the simulated pod: information barrier groups and the policies between them, disclaimers
 * and which one each user is assigned. Ids are 24 hex digits, like the ones Symphony hands out.
 */
import { randomBytes } from 'node:crypto';

export interface SimBarrierGroup {
  id: string;
  name: string;
  active: boolean;
  /** Member user ids, in the order they were added. */
  members: Set<number>;
  createdDate: number;
  modifiedDate: number;
}

export interface SimBarrierPolicy {
  id: string;
  policyType: 'BLOCK' | 'ALLOW';
  active: boolean;
  groups: string[];
  createdDate: number;
  modifiedDate: number;
}

export interface SimDisclaimer {
  id: string;
  name: string;
  content: string;
  frequencyInHours: number;
  isDefault: boolean;
  isActive: boolean;
  format: 'TEXT' | 'XML';
  createdDate: number;
  modifiedDate: number;
}

/** Who starts in the seeded groups, by user id. */
export interface ComplianceSeedUsers {
  markets: readonly number[];
  research: readonly number[];
  /** Assigned the markets disclaimer. */
  marketsDisclaimer: readonly number[];
}

const newHexId = (): string => randomBytes(12).toString('hex');

export class ComplianceState {
  readonly groups = new Map<string, SimBarrierGroup>();
  readonly policies = new Map<string, SimBarrierPolicy>();
  readonly disclaimers = new Map<string, SimDisclaimer>();
  /** The disclaimer id assigned to each user. */
  readonly userDisclaimers = new Map<number, string>();

  constructor(users: ComplianceSeedUsers, now = Date.now()) {
    const markets = this.addGroup('Markets', users.markets, now);
    const research = this.addGroup('Research', users.research, now);
    // A group no policy names yet: the API lists only groups with a policy.
    this.addGroup('New Joiners', [], now);
    const policy: SimBarrierPolicy = {
      id: newHexId(), policyType: 'BLOCK', active: true, groups: [markets.id, research.id], createdDate: now, modifiedDate: now,
    };
    this.policies.set(policy.id, policy);
    this.addDisclaimer('Enterprise Disclaimer', 'Messages may be recorded and monitored.', true, now);
    const marketsDisclaimer = this.addDisclaimer('Markets Disclaimer', 'Nothing here is investment advice.', false, now);
    for (const id of users.marketsDisclaimer) this.userDisclaimers.set(id, marketsDisclaimer.id);
  }

  /** The ids of the policies that name the group. */
  policiesOf(groupId: string): string[] {
    return [...this.policies.values()].filter((p) => p.groups.includes(groupId)).map((p) => p.id);
  }

  private addGroup(name: string, members: readonly number[], now: number): SimBarrierGroup {
    const group: SimBarrierGroup = { id: newHexId(), name, active: true, members: new Set(members), createdDate: now, modifiedDate: now };
    this.groups.set(group.id, group);
    return group;
  }

  private addDisclaimer(name: string, content: string, isDefault: boolean, now: number): SimDisclaimer {
    const disclaimer: SimDisclaimer = {
      id: newHexId(), name, content, frequencyInHours: 24, isDefault, isActive: true, format: 'TEXT', createdDate: now, modifiedDate: now,
    };
    this.disclaimers.set(disclaimer.id, disclaimer);
    return disclaimer;
  }
}
