/** POST /pod/v1/user/search: active users whose names or email contain the query term, narrowed by filters. */
import { readJson } from '../http/body';
import type { Reply, Router, UserContext } from '../http/router';
import type { SimUser } from '../model';
import { check } from '../schemas';
import { userValidators, type UserSearchFilter } from '../schemas-users';
import type { SimulatorState } from '../state';
import type { UserExtras } from '../state-users';
import { booleanQuery } from './query';
import { userV2 } from './views';
import { integerQuery } from './query';

const DEFAULT_LIMIT = 50;

const same = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** Filters on list attributes (market coverage...) match when the user's list holds the value. */
function listHas(list: string[] | undefined, value: string): boolean {
  return (list ?? []).some((item) => same(item, value));
}

function matches(state: SimulatorState, user: SimUser, term: string, filters: UserSearchFilter): boolean {
  const wanted = term.toLowerCase();
  const named = [user.firstName, user.lastName, user.displayName, user.emailAddress]
    .some((text) => text !== undefined && text.toLowerCase().includes(wanted));
  if (!named) return false;
  const extras: UserExtras = state.userAdmin.record(user.id).extras;
  return (filters.title === undefined || same(user.title, filters.title))
    && (filters.company === undefined || same(user.company, filters.company))
    && (filters.location === undefined || same(user.location, filters.location))
    && (filters.accountTypes === undefined || filters.accountTypes.some((type) => same(user.accountType, type)))
    && (filters.marketCoverage === undefined || listHas(extras.marketCoverage, filters.marketCoverage))
    && (filters.responsibility === undefined || listHas(extras.responsibility, filters.responsibility))
    && (filters.function === undefined || listHas(extras.function, filters.function))
    && (filters.instrument === undefined || listHas(extras.instrument, filters.instrument));
}

async function searchUsers(ctx: UserContext): Promise<Reply> {
  const searchQuery = check(userValidators.userSearchQuery, await readJson(ctx.req), 'body');
  const skip = integerQuery(ctx.query, 'skip', 0) ?? 0;
  const limit = integerQuery(ctx.query, 'limit', 1) ?? DEFAULT_LIMIT;
  const local = booleanQuery(ctx.query, 'local') === true;
  const { state } = ctx.sim;
  const found = [...state.users.values()]
    .filter((user) => user.active && (!local || state.isInternal(user)) && matches(state, user, searchQuery.query, searchQuery.filters ?? {}))
    .sort((a, b) => a.id - b.id);
  if (found.length === 0) return { status: 204 };
  const users = found.slice(skip, skip + limit).map((user) => userV2(state, user));
  return { status: 200, body: { count: found.length, skip, limit: users.length, searchQuery, users } };
}

export function registerUserSearchRoutes(router: Router): void {
  router.user('POST', '/pod/v1/user/search', searchUsers);
}
