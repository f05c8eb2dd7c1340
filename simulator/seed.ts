/**
 * The pod the simulator starts with. User ids follow Symphony's layout (tenant id << 27 | user number), so the
 * internal pod is tenant 99000 and each external firm has its own tenant; all ids stay below 2^53-1.
 */
import type { SimUser } from './model';

export type SeedUserKey = 'bot' | 'alice' | 'bob' | 'carol' | 'dave' | 'erin' | 'frank';

export interface SeedRoom {
  id: string;
  name: string;
  members: readonly SeedUserKey[];
}

export interface SimulatorSeed {
  /** Tenant id of the simulated pod: users with another tenant id are external. */
  podId: number;
  users: Readonly<Record<SeedUserKey, Readonly<SimUser>>>;
  /** Accepted connections between users (external users need one to talk). */
  connections: ReadonlyArray<readonly [SeedUserKey, SeedUserKey]>;
  rooms: readonly SeedRoom[];
}

const INTERNAL = { company: 'Simulated Bank', active: true } as const;
const ENTITLED = { canSendFiles: true } as const;
const USERS: Record<SeedUserKey, SimUser> = {
  bot: {
    ...INTERNAL, id: 13287555072020, username: 'demo-bot', emailAddress: 'demo-bot@simulated-bank.example',
    displayName: 'Demo Bot', firstName: 'Demo', lastName: 'Bot', title: 'Bot', department: 'Digital',
    // A provisioning service account: USER_PROVISIONING for the /pod/v*/admin/user and admin stream endpoints,
    // AUDIT_TRAIL_MANAGEMENT for the privileged-user audit trail, CONTENT_MANAGEMENT to suppress anyone's
    // messages, EF_POLICY_MANAGEMENT for DLP policies, dictionaries and violations (humans below hold no admin role).
    location: 'London', accountType: 'SYSTEM',
    roles: ['INDIVIDUAL', 'USER_PROVISIONING', 'AUDIT_TRAIL_MANAGEMENT', 'CONTENT_MANAGEMENT', 'EF_POLICY_MANAGEMENT'],
    entitlements: { ...ENTITLED },
  },
  alice: {
    ...INTERNAL, id: 13287555072101, username: 'alice', emailAddress: 'alice.adams@simulated-bank.example',
    displayName: 'Alice Adams', firstName: 'Alice', lastName: 'Adams', title: 'FX Trader', department: 'Markets',
    location: 'London', accountType: 'NORMAL', roles: ['INDIVIDUAL'], entitlements: { ...ENTITLED },
  },
  bob: {
    ...INTERNAL, id: 13287555072102, username: 'bob', emailAddress: 'bob.brown@simulated-bank.example',
    displayName: 'Bob Brown', firstName: 'Bob', lastName: 'Brown', title: 'Sales', department: 'Markets',
    location: 'New York', accountType: 'NORMAL', roles: ['INDIVIDUAL'], entitlements: { ...ENTITLED },
  },
  carol: {
    ...INTERNAL, id: 13287555072103, username: 'carol', emailAddress: 'carol.clark@simulated-bank.example',
    displayName: 'Carol Clark', firstName: 'Carol', lastName: 'Clark', title: 'Compliance Officer',
    department: 'Compliance', location: 'Paris', accountType: 'NORMAL', roles: ['INDIVIDUAL'],
    entitlements: { ...ENTITLED },
  },
  frank: {
    ...INTERNAL, id: 13287555072104, username: 'frank', emailAddress: 'frank.fischer@simulated-bank.example',
    displayName: 'Frank Fischer', firstName: 'Frank', lastName: 'Fischer', title: 'Analyst', department: 'Research',
    location: 'Frankfurt', accountType: 'NORMAL', roles: ['INDIVIDUAL'], entitlements: { canSendFiles: false },
  },
  dave: {
    id: 13307687731301, username: 'dave', emailAddress: 'dave.davis@other-broker.example',
    displayName: 'Dave Davis', firstName: 'Dave', lastName: 'Davis', company: 'Other Broker', title: 'Broker',
    department: 'Brokerage', location: 'Chicago', accountType: 'NORMAL', active: true, roles: ['INDIVIDUAL'],
    entitlements: { ...ENTITLED },
  },
  erin: {
    id: 13327820390401, username: 'erin', emailAddress: 'erin.evans@partner-fund.example',
    displayName: 'Erin Evans', firstName: 'Erin', lastName: 'Evans', company: 'Partner Fund', title: 'Portfolio Manager',
    department: 'Investments', location: 'Boston', accountType: 'NORMAL', active: true, roles: ['INDIVIDUAL'],
    entitlements: { ...ENTITLED },
  },
};

/** The seed is shared by every simulator (each copies it), so nothing may change it. */
function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (child !== null && typeof child === 'object') deepFreeze(child as object);
  return Object.freeze(value);
}

export const DEFAULT_SEED: SimulatorSeed = deepFreeze({
  podId: 99000,
  users: USERS,
  connections: [['erin', 'alice'], ['erin', 'bot']],
  rooms: [
    { id: 'qtR_WAlCSzJGeEVrXyddg2qCFjVf6VBPSg', name: 'Simulated Trading Desk', members: ['bot', 'alice', 'bob', 'carol'] },
  ],
});
