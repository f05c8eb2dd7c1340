/** Connections endpoints of the simulated pod/agent. */
import type { Router } from '../http/router';

export function registerConnectionsRoutes(router: Router): void {
  void router;
}
