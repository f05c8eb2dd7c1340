/** Signals endpoints of the simulated pod/agent. */
import type { Router } from '../http/router';

export function registerSignalsRoutes(router: Router): void {
  void router;
}
