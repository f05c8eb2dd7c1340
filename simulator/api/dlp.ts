/** Data loss prevention on the agent: policies, dictionaries and violations (./dlp-*.ts). */
import type { Router } from '../http/router';
import { registerDlpDictionaryRoutes } from './dlp-dictionaries';
import { registerDlpPolicyRoutes } from './dlp-policies';
import { registerDlpViolationRoutes } from './dlp-violations';

export function registerDlpRoutes(router: Router): void {
  registerDlpPolicyRoutes(router);
  registerDlpDictionaryRoutes(router);
  registerDlpViolationRoutes(router);
}
