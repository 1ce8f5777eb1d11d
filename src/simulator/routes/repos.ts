import { randomUUID } from 'node:crypto';
import { type RepoView, viewRepo } from '../access/repo-view.js';
import { fullRepositoryBody } from '../bodies/repo-body.js';
import type { Ctx, Route } from '../http/context.js';
import { sendGitHubError, sendJson } from '../http/send.js';
import { DOCS, REST } from '../messages.js';
import { seededChars } from '../tokens.js';
import { findAccount, findRenamedRepo, findRepo, findRepoById, type SimRepo, type SimToken } from '../world.js';

/** `GET /repos/{owner}/{repo}` and `GET /repositories/{id}` (facts github-api §3, §4, §10). */
export const reposRoutes: Route[] = [
  { method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)$/, handle: getRepo },
  { method: 'GET', pattern: /^\/repositories\/(\d+)$/, handle: getRepoById },
];

function callerToken(ctx: Ctx): SimToken | null {
  return ctx.credential?.kind === 'token' ? ctx.credential.token : null;
}

function getRepo(ctx: Ctx, [owner = '', name = '']: string[]): void {
  ctx.res.setHeader('x-accepted-oauth-scopes', 'repo'); // facts github-api §2.3 (2022 capture)
  const { world } = ctx.state;
  const repo = findRepo(world, owner, name);
  if (repo) return answer(ctx, repo, viewRepo(world, repo, callerToken(ctx)));
  const renamed = findRenamedRepo(world, owner, name);
  if (!renamed) return sendGitHubError(ctx, 404, REST.notFound, DOCS.getRepository);
  const view = viewRepo(world, renamed, callerToken(ctx));
  // facts github-api §3, §9.13: a renamed repository answers 301 on the same host (only to callers who may see it)
  if (view.kind === 'ok') return moved(ctx, renamed);
  answer(ctx, renamed, view);
}

function getRepoById(ctx: Ctx, [id = '']: string[]): void {
  ctx.res.setHeader('x-accepted-oauth-scopes', 'repo');
  const repo = findRepoById(ctx.state.world, Number(id));
  if (!repo) return sendGitHubError(ctx, 404, REST.notFound, DOCS.getRepository);
  answer(ctx, repo, viewRepo(ctx.state.world, repo, callerToken(ctx)));
}

/** facts github-api §10: `Location` a same-host API URL `/repositories/<id>` (exact form and wording [inferred]). */
function moved(ctx: Ctx, repo: SimRepo): void {
  const location = `${ctx.state.apiUrl}/repositories/${repo.id}`;
  const body = { message: REST.movedPermanently, url: location, documentation_url: DOCS.redirects, status: '301' };
  sendJson(ctx, 301, body, { headers: { location } });
}

function answer(ctx: Ctx, repo: SimRepo, view: RepoView): void {
  const token = callerToken(ctx);
  switch (view.kind) {
    case 'ok': {
      const owner = findAccount(ctx.state.world, repo.owner);
      if (!owner) throw new Error(`repository ${repo.owner}/${repo.name} has no owner in the world`);
      return sendJson(ctx, 200, fullRepositoryBody(repo, owner, ctx.state.apiUrl, view.permissions));
    }
    case 'not-found': // facts github-api §3: 404 rather than 403 for private resources
      return sendGitHubError(ctx, 404, REST.notFound, DOCS.getRepository);
    case 'sso': {
      // facts github-api §4.4: 403 + X-GitHub-SSO with a one-hour authorization URL
      const request = seededChars(randomUUID(), 40);
      const sso = `required; url=https://github.com/orgs/${view.org.login}/sso?authorization_request=${request}`;
      const message = token?.kind === 'oauth' ? REST.samlOAuth : REST.samlClassic;
      return sendGitHubError(ctx, 403, message, DOCS.saml, { 'x-github-sso': sso });
    }
    case 'classic-banned': // facts github-api §4.1: documentation_url of the called route
      return sendGitHubError(ctx, 403, REST.classicBanned(view.org.login), DOCS.getRepository);
    case 'lifetime': // facts github-api §4.3 (documentation_url [inferred])
      return sendGitHubError(ctx, 403, REST.lifetime(view.org.login, view.days, view.tokenId), DOCS.getRepository);
  }
}
