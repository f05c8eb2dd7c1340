/** The pause before the loop's next attempt after a failure: grows by `factor` from `initialMs` up to `maxMs`. */
export interface BackoffSettings {
  initialMs: number;
  factor: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { initialMs: 2_000, factor: 1.5, maxMs: 10_000 };

export class Backoff {
  private nextMs: number;

  constructor(private readonly settings: BackoffSettings) {
    this.nextMs = settings.initialMs;
  }

  next(): number {
    const delay = Math.min(this.nextMs, this.settings.maxMs);
    this.nextMs = Math.min(this.nextMs * this.settings.factor, this.settings.maxMs);
    return delay;
  }

  reset(): void {
    this.nextMs = this.settings.initialMs;
  }
}

/** Resolves after `ms`, or at once (false) when the signal aborts; never leaves a timer behind. */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
