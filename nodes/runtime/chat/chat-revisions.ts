/**
 * Per-user revisions of what the chat view shows, so that an editor polling an unchanged view costs one number
 * comparison. Every simulator event bumps the revision of each user it is for (and of its initiator): messages,
 * IMs and rooms made, membership changes, suppressions. A revision names its simulator, so a restarted
 * simulator never matches an old one.
 */
import { randomBytes } from 'node:crypto';
import type { Simulator } from '../../../simulator';

class Revisions {
  private readonly epoch = randomBytes(6).toString('hex');
  private readonly counts = new Map<number, number>();

  constructor(simulator: Simulator) {
    simulator.onEvent((event, audience) => {
      for (const id of audience) this.bump(id);
      const initiator = (event.initiator.user as { userId?: number }).userId;
      if (typeof initiator === 'number' && !audience.has(initiator)) this.bump(initiator);
    });
  }

  of(userId: number): string {
    return `${this.epoch}.${this.counts.get(userId) ?? 0}`;
  }

  private bump(userId: number): void {
    this.counts.set(userId, (this.counts.get(userId) ?? 0) + 1);
  }
}

const tracked = new WeakMap<Simulator, Revisions>();

/** The current revision of what `userId` sees in this simulator; tracking starts on the first call. */
export function revisionOf(simulator: Simulator, userId: number): string {
  let revisions = tracked.get(simulator);
  if (!revisions) {
    revisions = new Revisions(simulator);
    tracked.set(simulator, revisions);
  }
  return revisions.of(userId);
}
