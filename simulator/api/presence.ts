/** Pod presence of the caller: GET and POST /pod/v2/user/presence (V2Presence). */
import { readJson } from '../http/body';
import type { Reply, Router, UserContext } from '../http/router';
import { check, validators } from '../schemas';
import { booleanQuery } from './query';

function presenceReply(ctx: UserContext): Reply {
  const userId = ctx.caller.user.id;
  const presence = ctx.sim.state.presence.get(userId) ?? { category: 'OFFLINE', timestamp: 0 };
  return { status: 200, body: { category: presence.category, userId, timestamp: presence.timestamp } };
}

async function setPresence(ctx: UserContext): Promise<Reply> {
  const { category } = check(validators.presenceStatus, await readJson(ctx.req), 'body');
  const soft = booleanQuery(ctx.query, 'soft') === true;
  const { presence } = ctx.sim.state;
  const userId = ctx.caller.user.id;
  // A soft update leaves an OFFLINE user OFFLINE (spec: it takes effect when the user comes online).
  if (!(soft && presence.get(userId)?.category === 'OFFLINE')) presence.set(userId, { category, timestamp: Date.now() });
  return presenceReply(ctx);
}

export function registerPresenceRoutes(router: Router): void {
  router.user('GET', '/pod/v2/user/presence', presenceReply);
  router.user('POST', '/pod/v2/user/presence', setPresence);
}
