/** The simulator's in-memory pod: users, streams, messages, presence, connections, apps, keys and sessions. */
import type { KeyObject } from 'node:crypto';
import type {
  SimApp, SimConnection, SimMessage, SimPresence, SimSession, SimStream, SimUser,
} from './model';
import type { SeedUserKey, SimulatorSeed } from './seed';
import { DlpState } from './state-dlp';
import { MessageImports } from './state-message-imports';
import { AppsAdminState } from './state-apps';
import { CertificatesState } from './state-certificates';
import { ComplianceState } from './state-compliance';
import { PodSettingsState } from './state-pod-settings';
import { AgentHealthState } from './state-agent-health';
import { PresenceTracking } from './state-presence';
import { SignalsState } from './state-signals';
import { StreamDetails } from './state-streams';
import { UserManageState } from './state-user-manage';
import { UserAdminState } from './state-users';

/** Symphony user ids carry the tenant (pod) id in the bits above 27. */
const TENANT_SHIFT = 2 ** 27;

export class SimulatorState {
  readonly podId: number;
  readonly users = new Map<number, SimUser>();
  /** Keyed by URL-safe stream id. */
  readonly streams = new Map<string, SimStream>();
  /** Messages per URL-safe stream id, oldest first. */
  readonly messages = new Map<string, SimMessage[]>();
  /** Room attributes, owners, join dates, IM pins (simulator/state-streams.ts). */
  readonly streamDetails = new StreamDetails();
  readonly presence = new Map<number, SimPresence>();
  /** Presence interest and presence feeds (simulator/state-presence.ts). */
  readonly presenceTracking = new PresenceTracking();
  readonly connections: SimConnection[] = [];
  /** Issued tokens, keyed by token value. */
  readonly sessions = new Map<string, SimSession>();
  readonly apps = new Map<string, SimApp>();
  /** RSA public keys registered for users (bots), keyed by username. */
  readonly userKeys = new Map<string, KeyObject>();
  /** Signals and their subscribers (simulator/state-signals.ts). */
  readonly signals = new SignalsState();
  /** User administration, following and the privileged-user audit trail (simulator/state-users.ts). */
  readonly userAdmin = new UserAdminState();
  /** DLP dictionaries, policies and the violations their enforcement records (simulator/state-dlp.ts). */
  readonly dlp = new DlpState();
  /** Delegates and avatars (simulator/state-user-manage.ts). */
  readonly userManage = new UserManageState();
  /** Imported messages by their original id (simulator/state-message-imports.ts). */
  readonly messageImports = new MessageImports();
  /** Information barriers and disclaimers (simulator/state-compliance.ts). */
  readonly compliance: ComplianceState;
  /** Apps as administered, app entitlements, manifests (simulator/state-apps.ts). */
  readonly appsAdmin = new AppsAdminState();
  /** File extensions, URI protocols, SSO (simulator/state-pod-settings.ts). */
  readonly podSettings = new PodSettingsState();
  /** What the agent's extended health reports (simulator/state-agent-health.ts). */
  readonly agentHealth = new AgentHealthState();
  /** Company certificates (simulator/state-certificates.ts). */
  readonly certificates = new CertificatesState();

  constructor(seed: SimulatorSeed, now = Date.now()) {
    this.podId = seed.podId;
    const idOf = (key: SeedUserKey): number => seed.users[key].id;
    this.compliance = new ComplianceState({
      markets: [idOf('alice'), idOf('bob')], research: [idOf('frank')], marketsDisclaimer: [idOf('alice')],
    }, now);
    for (const user of Object.values(seed.users)) {
      const copy = structuredClone(user) as SimUser;
      this.users.set(copy.id, copy);
      const human = copy.accountType === 'NORMAL';
      this.presence.set(copy.id, { category: human ? 'AVAILABLE' : 'OFFLINE', timestamp: now });
    }
    for (const [a, b] of seed.connections) {
      this.connections.push({
        requesterId: idOf(a), targetId: idOf(b), status: 'ACCEPTED', updatedAt: now, firstRequestedAt: now, requestCounter: 1,
      });
    }
    for (const room of seed.rooms) {
      const members = room.members.map(idOf);
      this.streams.set(room.id, {
        id: room.id, type: 'ROOM', members, roomName: room.name, createdBy: members[0], createdAt: now, active: true,
      });
      this.messages.set(room.id, []);
    }
  }

  userByUsername(username: string): SimUser | undefined {
    const wanted = username.toLowerCase();
    for (const user of this.users.values()) if (user.username.toLowerCase() === wanted) return user;
    return undefined;
  }

  userByEmail(email: string): SimUser | undefined {
    const wanted = email.toLowerCase();
    for (const user of this.users.values()) if (user.emailAddress.toLowerCase() === wanted) return user;
    return undefined;
  }

  /** True when the user belongs to the simulated pod (not to an external firm). */
  isInternal(user: SimUser): boolean {
    return Math.floor(user.id / TENANT_SHIFT) === this.podId;
  }

  /** Users of the same firm may always talk; users of different firms need an accepted connection. */
  canCommunicate(a: SimUser, b: SimUser): boolean {
    if (Math.floor(a.id / TENANT_SHIFT) === Math.floor(b.id / TENANT_SHIFT)) return true;
    return this.connections.some((c) => c.status === 'ACCEPTED'
      && ((c.requesterId === a.id && c.targetId === b.id) || (c.requesterId === b.id && c.targetId === a.id)));
  }

  /** The user with this username, created as an internal SYSTEM account (a bot) when unknown. */
  ensureBotUser(username: string): SimUser {
    const existing = this.userByUsername(username);
    if (existing) return existing;
    let id = this.podId * TENANT_SHIFT + 20000;
    while (this.users.has(id)) id += 1;
    const user: SimUser = {
      id, username, emailAddress: `${username}@simulated-bank.example`, displayName: username, company: 'Simulated Bank',
      accountType: 'SYSTEM', active: true, roles: ['INDIVIDUAL'], entitlements: { canSendFiles: true },
    };
    this.users.set(id, user);
    this.presence.set(id, { category: 'OFFLINE', timestamp: Date.now() });
    return user;
  }
}
