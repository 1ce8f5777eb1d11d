import { type RepoView, viewRepo } from '../access/repo-view.js';
import { fullRepositoryBody } from '../bodies/repo-body.js';
import type { Ctx, Route } from '../http/context.js';
import { sendGitHubError, sendJson } from '../http/send.js';
import { DOCS, REST } from '../messages.js';
import { callerToken, sendRepoRefusal } from './refusals.js';
import { findAccount, findRenamedRepo, findRepo, findRepoById, type SimRepo } from '../world.js';

/** `GET /repos/{owner}/{repo}` and `GET /repositories/{id}` (ledger github-api §3, §4, §10). */
export const reposRoutes: Route[] = [
  { method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)$/, handle: getRepo },
  { method: 'GET', pattern: /^\/repositories\/(\d+)$/, handle: getRepoById },
];

function getRepo(ctx: Ctx, [owner = '', name = '']: string[]): void {
  ctx.res.setHeader('x-accepted-oauth-scopes', 'repo'); // ledger github-api §2.3 (2022 capture)
  const { world } = ctx.state;
  const repo = findRepo(world, owner, name);
  if (repo) return answer(ctx, repo, viewRepo(world, repo, callerToken(ctx)));
  const renamed = findRenamedRepo(world, owner, name);
  if (!renamed) return sendGitHubError(ctx, 404, REST.notFound, DOCS.getRepository);
  const view = viewRepo(world, renamed, callerToken(ctx));
  // ledger github-api §3, §9.13: a renamed repository answers 301 on the same host (only to callers who may see it)
  if (view.kind === 'ok') return moved(ctx, renamed);
  answer(ctx, renamed, view);
}

function getRepoById(ctx: Ctx, [id = '']: string[]): void {
  ctx.res.setHeader('x-accepted-oauth-scopes', 'repo');
  const repo = findRepoById(ctx.state.world, Number(id));
  if (!repo) return sendGitHubError(ctx, 404, REST.notFound, DOCS.getRepository);
  answer(ctx, repo, viewRepo(ctx.state.world, repo, callerToken(ctx)));
}

/** ledger github-api §10: `Location` a same-host API URL `/repositories/<id>` (exact form and wording [inferred]). */
function moved(ctx: Ctx, repo: SimRepo): void {
  const location = `${ctx.state.apiUrl}/repositories/${repo.id}`;
  const body = { message: REST.movedPermanently, url: location, documentation_url: DOCS.redirects, status: '301' };
  sendJson(ctx, 301, body, { headers: { location } });
}

function answer(ctx: Ctx, repo: SimRepo, view: RepoView): void {
  if (view.kind !== 'ok') return sendRepoRefusal(ctx, view, DOCS.getRepository);
  const owner = findAccount(ctx.state.world, repo.owner);
  if (!owner) throw new Error(`repository ${repo.owner}/${repo.name} has no owner in the world`);
  sendJson(ctx, 200, fullRepositoryBody(repo, owner, ctx.state.apiUrl, view.permissions));
}
