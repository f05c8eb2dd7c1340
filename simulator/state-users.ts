/**
 * What the user-administration, following and audit endpoints keep beside the shared SimUser records: the admin
 * view of each user (attributes SimUser has no field for, system dates, features, suspension), who follows whom,
 * and the privileged-user audit trail.
 */

/** V2UserAttributes fields that SimUser does not hold. */
export interface UserExtras {
  division?: string;
  workPhoneNumber?: string;
  mobilePhoneNumber?: string;
  twoFactorAuthPhone?: string;
  smsNumber?: string;
  recommendedLanguage?: string;
  jobFunction?: string;
  assetClasses?: string[];
  industries?: string[];
  marketCoverage?: string[];
  responsibility?: string[];
  function?: string[];
  instrument?: string[];
  userMetadata?: Record<string, unknown>;
  currentKey?: { key?: string; expirationDate?: number; action?: string };
}

export interface Suspension {
  suspended: boolean;
  suspendedUntil?: number;
  suspensionReason?: string;
}

export interface AdminRecord {
  extras: UserExtras;
  createdDate: number;
  createdBy?: number;
  lastUpdatedDate: number;
  deactivatedDate?: number;
  suspension?: Suspension;
  /** Feature entitlements by name; sendFilesEnabled lives on SimUser.entitlements.canSendFiles instead. */
  features: Map<string, boolean>;
}

/** One write made by a privileged account, as GET /agent/v1/audittrail/privilegeduser reports it. */
export interface AuditEntry {
  timestamp: number;
  /** Human readable action, e.g. "User Created"; `actionName` is its camelCase id. */
  action: string;
  actionName: string;
  initiatorId: number;
  initiatorUsername: string;
  initiatorEmailAddress: string;
  /** The initiator's roles at the time, for the `role` filter. */
  initiatorRoles: string[];
  affectedId: number;
  affectedUsername: string;
  affectedEmailAddress: string;
}

/** The feature entitlements every user has, with their defaults; sendFilesEnabled mirrors canSendFiles. */
export const FEATURE_DEFAULTS: Readonly<Record<string, boolean>> = {
  canCreatePublicRoom: true,
  canCreatePushedSignals: true,
  canUpdateAvatar: true,
  canChatTypeAhead: true,
  canProjectInternalChat: true,
  canShareFilesExternally: false,
  delegatesEnabled: true,
  isExternalIMEnabled: true,
  isExternalRoomEnabled: false,
  postReadEnabled: true,
  postWriteEnabled: true,
  sendFilesEnabled: true,
};
export const SEND_FILES_FEATURE = 'sendFilesEnabled';

export interface RoleDefinition {
  id: string;
  name: string;
  userTypes: Array<'NORMAL' | 'SYSTEM'>;
  optionalActions?: string[];
}

/** The roles of the simulated pod (GET /pod/v1/admin/system/roles/list). */
export const ROLES: readonly RoleDefinition[] = [
  { id: 'INDIVIDUAL', name: 'Individual', userTypes: ['NORMAL', 'SYSTEM'] },
  { id: 'ADMINISTRATOR', name: 'Administrator', userTypes: ['NORMAL'] },
  { id: 'SUPER_ADMINISTRATOR', name: 'Super Administrator', userTypes: ['NORMAL'] },
  { id: 'COMPLIANCE_OFFICER', name: 'Compliance Officer', userTypes: ['NORMAL'], optionalActions: ['BAN_AND_UNBAN_ROOM_MEMBER', 'LOCK_AND_UNLOCK_ROOM', 'MONITOR_ROOMS', 'MONITOR_WALL_POSTS'] },
  { id: 'SUPER_COMPLIANCE_OFFICER', name: 'Super Compliance Officer', userTypes: ['NORMAL'], optionalActions: ['MONITOR_ROOMS', 'MONITOR_WALL_POSTS'] },
  { id: 'L1_SUPPORT', name: 'L1 Support', userTypes: ['NORMAL'] },
  { id: 'L2_SUPPORT', name: 'L2 Support', userTypes: ['NORMAL'] },
  { id: 'SCOPE_MANAGEMENT', name: 'Scope Management', userTypes: ['NORMAL'] },
  { id: 'USER_PROVISIONING', name: 'User Provisioning', userTypes: ['NORMAL', 'SYSTEM'] },
  { id: 'CONTENT_MANAGEMENT', name: 'Content Management', userTypes: ['NORMAL', 'SYSTEM'], optionalActions: ['MONITOR_ROOMS'] },
  { id: 'EF_POLICY_MANAGEMENT', name: 'Expression Filter Policy Management', userTypes: ['NORMAL', 'SYSTEM'] },
  { id: 'AUDIT_TRAIL_MANAGEMENT', name: 'Audit Trail Management', userTypes: ['SYSTEM'] },
];

export class UserAdminState {
  private readonly records = new Map<number, AdminRecord>();
  /** Follower ids per followed user id, in the order they started following. */
  private readonly followers = new Map<number, number[]>();
  readonly audit: AuditEntry[] = [];

  /** Seeded users count as created when the simulator started. */
  constructor(private readonly startedAt = Date.now()) {}

  /** The admin record of a user, created on first use. */
  record(userId: number): AdminRecord {
    let record = this.records.get(userId);
    if (!record) {
      record = { extras: {}, createdDate: this.startedAt, lastUpdatedDate: this.startedAt, features: new Map() };
      this.records.set(userId, record);
    }
    return record;
  }

  followersOf(userId: number): readonly number[] {
    return this.followers.get(userId) ?? [];
  }

  /** The users `userId` follows, in id order. */
  followingOf(userId: number): number[] {
    const following: number[] = [];
    for (const [followed, followers] of this.followers) if (followers.includes(userId)) following.push(followed);
    return following.sort((a, b) => a - b);
  }

  /** Following someone already followed changes nothing. */
  follow(followedId: number, followerId: number): void {
    const list = this.followers.get(followedId) ?? [];
    if (!list.includes(followerId)) list.push(followerId);
    this.followers.set(followedId, list);
  }

  unfollow(followedId: number, followerId: number): void {
    const list = this.followers.get(followedId);
    if (list) this.followers.set(followedId, list.filter((id) => id !== followerId));
  }
}
