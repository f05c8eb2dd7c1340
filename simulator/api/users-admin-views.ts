/** Admin views of a user, shaped like the Pod spec's V2UserDetail, FeatureList and UserStatus. */
import type { SimUser } from '../model';
import type { SimulatorState } from '../state';
import { FEATURE_DEFAULTS, SEND_FILES_FEATURE } from '../state-users';
import type { V2UserAttributes } from '../schemas-users';

export interface V2UserDetailJson {
  userAttributes: V2UserAttributes;
  userSystemInfo: {
    id: number;
    status: 'ENABLED' | 'DISABLED';
    suspended: boolean;
    suspendedUntil?: number;
    suspensionReason?: string;
    createdDate: number;
    createdBy?: string;
    lastUpdatedDate: number;
    deactivatedDate?: number;
  };
  apps: number[];
  groups: number[];
  roles: string[];
  disclaimers: number[];
  avatar: { size: string; url: string };
}

export interface FeatureJson { entitlment: string; enabled: boolean }

export interface UserStatusJson {
  status: 'ENABLED' | 'DISABLED';
  suspended: boolean;
  suspendedUntil?: number;
  suspensionReason?: string;
}

export function userStatus(state: SimulatorState, user: SimUser): UserStatusJson {
  const suspension = state.userAdmin.record(user.id).suspension;
  return {
    status: user.active ? 'ENABLED' : 'DISABLED',
    suspended: suspension?.suspended ?? false,
    suspendedUntil: suspension?.suspendedUntil,
    suspensionReason: suspension?.suspensionReason,
  };
}

export function v2UserDetail(state: SimulatorState, user: SimUser): V2UserDetailJson {
  const record = state.userAdmin.record(user.id);
  const { currentKey, ...extras } = record.extras;
  const status = userStatus(state, user);
  return {
    userAttributes: {
      emailAddress: user.emailAddress,
      firstName: user.firstName,
      lastName: user.lastName,
      userName: user.username,
      displayName: user.displayName,
      companyName: user.company,
      department: user.department,
      title: user.title,
      location: user.location,
      accountType: user.accountType,
      ...extras,
      // The public key only; its expiry and the action are request-side details.
      currentKey: currentKey?.key === undefined ? undefined : { key: currentKey.key },
    },
    userSystemInfo: {
      id: user.id,
      ...status,
      createdDate: record.createdDate,
      createdBy: record.createdBy === undefined ? undefined : String(record.createdBy),
      lastUpdatedDate: record.lastUpdatedDate,
      deactivatedDate: record.deactivatedDate,
    },
    apps: [],
    groups: [],
    roles: [...user.roles],
    disclaimers: [],
    avatar: state.userManage.avatarsOf(user.id)[0]!,
  };
}

/** Every feature with its current value; sendFilesEnabled is the user's canSendFiles entitlement. */
export function featureList(state: SimulatorState, user: SimUser): FeatureJson[] {
  const { features } = state.userAdmin.record(user.id);
  return Object.entries(FEATURE_DEFAULTS).map(([name, initial]) => ({
    entitlment: name,
    enabled: name === SEND_FILES_FEATURE ? user.entitlements.canSendFiles : features.get(name) ?? initial,
  }));
}
