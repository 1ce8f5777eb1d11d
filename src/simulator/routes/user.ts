import { privateUserBody } from '../bodies/user-body.js';
import type { Ctx, Route } from '../http/context.js';
import { sendGitHubError, sendJson } from '../http/send.js';
import { DOCS, REST } from '../messages.js';
import { findAccount } from '../world.js';

/** `GET /user` (ledger github-api §2.2, §10). */
export const userRoutes: Route[] = [{ method: 'GET', pattern: /^\/user$/, handle: getAuthenticatedUser }];

function getAuthenticatedUser(ctx: Ctx): void {
  ctx.res.setHeader('x-accepted-oauth-scopes', ''); // ledger github-api §10: present, empty
  const credential = ctx.credential;
  if (!credential || credential.kind !== 'token') {
    // ledger github-api §2.4: missing credential → 401 with the route's documentation_url
    return sendGitHubError(ctx, 401, REST.requiresAuthentication, DOCS.getAuthenticatedUser);
  }
  const { token } = credential;
  if (token.kind === 'server-to-server') {
    // ledger github-api §2.2: installation tokens (incl. GITHUB_TOKEN) get 403 here
    return sendGitHubError(ctx, 403, REST.notAccessibleByIntegration, DOCS.getAuthenticatedUser);
  }
  const account = findAccount(ctx.state.world, token.user);
  if (!account) throw new Error(`token ${token.label} belongs to unknown user ${token.user}`);
  sendJson(ctx, 200, privateUserBody(account, ctx.state.apiUrl));
}
