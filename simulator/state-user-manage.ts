/**
 * What the user-management endpoints keep beside SimUser and the admin record: each user's delegates and
 * avatar. Suspension lives on the admin record (simulator/state-users.ts), shared with user status and details;
 * sessions are the issued tokens themselves (SimulatorState.sessions).
 */
import { createHash } from 'node:crypto';

export interface AvatarJson { size: string; url: string }

/** The sizes the pod serves each avatar in, and the folder each size is under. */
const SIZES: ReadonlyArray<readonly [string, number]> = [['original', 150], ['small', 50]];

export class UserManageState {
  /** Delegate user ids per user id, in the order they were added. */
  private readonly delegates = new Map<number, number[]>();
  /** The file name (a hash of the picture) of each user who was given an avatar. */
  private readonly avatars = new Map<number, string>();

  delegatesOf(userId: number): readonly number[] {
    return this.delegates.get(userId) ?? [];
  }

  /** Adding a delegate already there, or removing one not there, changes nothing; says whether it changed. */
  setDelegate(userId: number, delegateId: number, add: boolean): boolean {
    const list = this.delegates.get(userId) ?? [];
    const has = list.includes(delegateId);
    if (add === has) return false;
    this.delegates.set(userId, add ? [...list, delegateId] : list.filter((id) => id !== delegateId));
    return true;
  }

  setAvatar(userId: number, image: Buffer): void {
    this.avatars.set(userId, createHash('sha256').update(image).digest('base64url').slice(0, 43));
  }

  /** AvatarList: the pod's default picture until the user is given one. */
  avatarsOf(userId: number): AvatarJson[] {
    const name = this.avatars.get(userId);
    return SIZES.map(([size, pixels]) => ({
      size,
      url: name ? `../avatars/${name}${size === 'original' ? '' : `_${size}`}.png` : `../avatars/static/${pixels}/default.png`,
    }));
  }
}
