/** Injected faults: matched before normal handling, each consumed `times` times. */
import { matchesMethod, matchesPath } from './path-pattern';

export interface FaultSpec {
  method?: string;
  /** Exact path, or a prefix ending with '*'. */
  path: string;
  /** Response status. Without it (and without destroySocket) the fault only delays normal handling. */
  status?: number;
  /** How many matching requests the fault applies to; default 1, or unlimited while `durationMs` runs. */
  times?: number;
  /** The fault applies for this long after it is added (to every matching request unless `times` is set). */
  durationMs?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  destroySocket?: boolean;
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
  /** Date.now() after which the fault is gone. */
  until: number;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    const timed = spec.durationMs !== undefined;
    this.faults.push({
      spec: { ...spec },
      remaining: spec.times ?? (timed ? Infinity : 1),
      until: timed ? Date.now() + (spec.durationMs as number) : Infinity,
    });
  }

  /** The first fault matching the request, consuming one of its uses. */
  take(method: string, path: string): FaultSpec | undefined {
    const now = Date.now();
    this.faults = this.faults.filter((f) => f.until > now);
    const index = this.faults.findIndex((f) => matchesMethod(f.spec.method, method) && matchesPath(f.spec.path, path));
    if (index < 0) return undefined;
    const fault = this.faults[index];
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.spec;
  }

  clear(): void {
    this.faults = [];
  }
}
