/** Signals of the simulated agent: saved hashtag/cashtag queries per owner, and who subscribed to each. */
import { randomBytes } from 'node:crypto';

export interface SimSubscription {
  userId: number;
  subscriptionId: string;
  /** Subscribed by the owner with `pushed`: the user may not unsubscribe themselves. */
  pushed: boolean;
  timestamp: number;
}

export interface SimSignal {
  /** 24 hex digits, like the ids Symphony hands out. */
  id: string;
  ownerId: number;
  name: string;
  query: string;
  visibleOnProfile: boolean;
  companyWide: boolean;
  timestamp: number;
  /** By user id, in subscription order; the owner is subscribed from creation. */
  subscribers: Map<number, SimSubscription>;
}

export interface SignalFields {
  name: string;
  query: string;
  visibleOnProfile: boolean;
  companyWide: boolean;
}

const newHexId = (): string => randomBytes(12).toString('hex');

export class SignalsState {
  /** In creation order, which is the order signals are listed in. */
  private readonly signals = new Map<string, SimSignal>();

  get(id: string): SimSignal | undefined {
    return this.signals.get(id);
  }

  create(ownerId: number, fields: SignalFields, now = Date.now()): SimSignal {
    const signal: SimSignal = { id: newHexId(), ownerId, ...fields, timestamp: now, subscribers: new Map() };
    this.signals.set(signal.id, signal);
    this.subscribe(signal, ownerId, false, now);
    return signal;
  }

  delete(id: string): boolean {
    return this.signals.delete(id);
  }

  /** Subscribes the user unless already subscribed (the first subscription is kept). */
  subscribe(signal: SimSignal, userId: number, pushed: boolean, now = Date.now()): SimSubscription {
    const existing = signal.subscribers.get(userId);
    if (existing) return existing;
    const subscription: SimSubscription = { userId, subscriptionId: newHexId(), pushed, timestamp: now };
    signal.subscribers.set(userId, subscription);
    return subscription;
  }

  /** A public signal: on its owner's profile or company-wide, so others may find it and subscribe. */
  isPublic(signal: SimSignal): boolean {
    return signal.visibleOnProfile || signal.companyWide;
  }

  /** Who may read a signal and its subscribers: its owner, its subscribers, anyone when it is public. */
  canSee(signal: SimSignal, userId: number): boolean {
    return signal.ownerId === userId || signal.subscribers.has(userId) || this.isPublic(signal);
  }

  /** The user's signals: those they own and those they subscribed to, in creation order. */
  listFor(userId: number): SimSignal[] {
    return [...this.signals.values()].filter((s) => s.ownerId === userId || s.subscribers.has(userId));
  }
}
