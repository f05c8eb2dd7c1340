/** Injected faults: matched before normal handling, each consumed `times` times. */
import { matchesMethod, matchesPath } from './path-pattern';

export interface FaultSpec {
  method?: string;
  /** Exact path, or a prefix ending with '*'. */
  path: string;
  /** Response status. Without it (and without destroySocket) the fault only delays normal handling. */
  status?: number;
  /** How many matching requests the fault applies to; default 1. */
  times?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  destroySocket?: boolean;
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ spec: { ...spec }, remaining: spec.times ?? 1 });
  }

  /** The first fault matching the request, consuming one of its uses. */
  take(method: string, path: string): FaultSpec | undefined {
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
