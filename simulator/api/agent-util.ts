/** Agent utilities: POST /agent/v1/util/echo returns the SimpleMessage it was given (a session is needed, as ever). */
import { readJson } from '../http/body';
import type { Router } from '../http/router';
import { check } from '../schemas';
import { userManageValidators } from '../schemas-user-manage';

export function registerAgentUtilRoutes(router: Router): void {
  router.user('POST', '/agent/v1/util/echo', async (ctx) => {
    const { message } = check(userManageValidators.simpleMessage, await readJson(ctx.req), 'echoInput');
    return { status: 200, body: { message } };
  });
}
