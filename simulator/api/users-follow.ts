/**
 * Following (pod): POST /pod/v1/user/{uid}/follow and /unfollow make a list of users (start to) follow a user;
 * GET /pod/v1/user/{uid}/followers and /following list ids with cursor paging. OBO-enabled follow and unfollow go
 * through the usual MANAGE_USER_FOLLOWING check in the guard.
 */
import { readJson } from '../http/body';
import { badRequest } from '../http/errors';
import type { Reply, Router, UserContext } from '../http/router';
import { check } from '../schemas';
import { userValidators } from '../schemas-users';
import { cursorPage } from './users-cursor';
import { SUCCESS, pathUser } from './users-common';

const DEFAULT_LIMIT = 100;

async function followerIds(ctx: UserContext, followedId: number): Promise<number[]> {
  const { followers } = check(userValidators.followersList, await readJson(ctx.req), 'body');
  followers.forEach((id, i) => {
    if (!ctx.sim.state.users.has(id)) throw badRequest(`followers[${i}] ${id}: user not found`);
    if (id === followedId) throw badRequest(`followers[${i}] ${id}: a user cannot follow themselves`);
  });
  return followers;
}

async function follow(ctx: UserContext): Promise<Reply> {
  const followed = pathUser(ctx);
  for (const id of await followerIds(ctx, followed.id)) ctx.sim.state.userAdmin.follow(followed.id, id);
  return SUCCESS;
}

async function unfollow(ctx: UserContext): Promise<Reply> {
  const followed = pathUser(ctx);
  for (const id of await followerIds(ctx, followed.id)) ctx.sim.state.userAdmin.unfollow(followed.id, id);
  return SUCCESS;
}

function followers(ctx: UserContext): Reply {
  const user = pathUser(ctx);
  const all = ctx.sim.state.userAdmin.followersOf(user.id);
  const page = cursorPage(all, ctx.query, ctx.path, DEFAULT_LIMIT);
  return { status: 200, body: { count: all.length, followers: page.items, pagination: page.pagination } };
}

function following(ctx: UserContext): Reply {
  const user = pathUser(ctx);
  const all = ctx.sim.state.userAdmin.followingOf(user.id);
  const page = cursorPage(all, ctx.query, ctx.path, DEFAULT_LIMIT);
  return { status: 200, body: { count: all.length, following: page.items, pagination: page.pagination } };
}

export function registerFollowRoutes(router: Router): void {
  router.user('POST', '/pod/v1/user/{uid}/follow', follow);
  router.user('POST', '/pod/v1/user/{uid}/unfollow', unfollow);
  router.user('GET', '/pod/v1/user/{uid}/followers', followers);
  router.user('GET', '/pod/v1/user/{uid}/following', following);
}
