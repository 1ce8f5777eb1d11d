import { publicUserBody } from '../bodies/user-body.js';
import type { Ctx, Route } from '../http/context.js';
import { sendGitHubError, sendJson } from '../http/send.js';
import { DOCS, REST } from '../messages.js';
import { findAccount } from '../world.js';

/** `GET /users/{login}`: public profile of a user or an organization (`type` tells which). No auth needed. */
export const usersRoutes: Route[] = [{ method: 'GET', pattern: /^\/users\/([^/]+)$/, handle: getUser }];

function getUser(ctx: Ctx, [login = '']: string[]): void {
  ctx.res.setHeader('x-accepted-oauth-scopes', '');
  const account = findAccount(ctx.state.world, login);
  if (!account) return sendGitHubError(ctx, 404, REST.notFound, DOCS.getUser); // [inferred] documentation_url
  sendJson(ctx, 200, publicUserBody(account, ctx.state.apiUrl));
}
