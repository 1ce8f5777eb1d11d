import type { SimRepo, SimToken, World } from '../world.js';
import { fineGrainedCovers, type RepoView, viewRepo } from './repo-view.js';
import { atLeast, roleOf } from './roles.js';
import { hasScope } from './scopes.js';

/**
 * Who may call the repository endpoints crpat's capability probes use (src/capabilities/probes.ts), decided from the
 * world. Pure.
 *
 * - Fine-grained PATs: the token must cover the repository and hold `permission` at `level` (write implies read;
 *   github/docs src/github-apps/data/fpt-2022-11-28/fine-grained-pat-permissions.json names the permission per
 *   endpoint); else 403 `Resource not accessible by personal access token` with `X-Accepted-GitHub-Permissions`
 *   (ledger github-api §2.3, §3, §10). Reads of public repositories need no grant ("Tokens always include read-only
 *   access to all public repositories", ledger github-api §3), except environment variables, which need "collaborator access"
 *   (OpenAPI actions/list-environment-variables). A write also needs the user's write role: a token "cannot grant
 *   additional access" (github/docs managing-your-personal-access-tokens.md); the answer GitHub gives then is not
 *   documented, the same 403 is used [inferred].
 * - Installation tokens (`ghs_`): the same with the installation's permissions and `... by integration` (ledger github-api §3).
 * - Classic/OAuth tokens: the scope each endpoint's OpenAPI description names (`repo`; `repo_deployment` for
 *   deployments; `public_repo` for code of public repositories, scopes-for-oauth-apps.md) and the write role for
 *   writes; otherwise 404 `Not Found`, GitHub's answer for resources a caller may not see (ledger github-api §3) [inferred for
 *   writes to a readable repository].
 */

export type ProbeLevel = 'read' | 'write';

export type ProbeAccess =
  | { kind: 'allowed' }
  | { kind: 'unauthenticated' }
  | { kind: 'view'; view: Exclude<RepoView, { kind: 'ok' }> }
  | { kind: 'forbidden'; message: string; accepted: string }
  | { kind: 'not-found' };

export const NOT_ACCESSIBLE_BY_PAT = 'Resource not accessible by personal access token';
export const NOT_ACCESSIBLE_BY_INTEGRATION = 'Resource not accessible by integration';

const ALLOWED: ProbeAccess = { kind: 'allowed' };

/** Classic scopes per permission and level (OpenAPI descriptions of the probed endpoints). */
const CLASSIC_SCOPES: Record<string, Record<ProbeLevel, readonly string[]>> = {
  contents: { read: ['repo'], write: ['repo'] },
  actions: { read: ['repo'], write: ['repo'] },
  deployments: { read: ['repo', 'repo_deployment'], write: ['repo', 'repo_deployment'] },
  environments: { read: ['repo'], write: ['repo'] },
};

export function decideProbeAccess(world: World, repo: SimRepo, token: SimToken | null, permission: string, level: ProbeLevel): ProbeAccess {
  if (!token) {
    // OpenAPI: the list endpoints are open to "anyone with read access"; writes and environment variables need a user.
    return level === 'read' && !repo.private && permission !== 'environments' ? ALLOWED : { kind: 'unauthenticated' };
  }
  const view = viewRepo(world, repo, token);
  if (view.kind !== 'ok') return { kind: 'view', view };
  const publicRead = level === 'read' && !repo.private && permission !== 'environments';
  const accepted = `${permission}=${level}`;
  switch (token.kind) {
    case 'fine-grained': {
      if (publicRead) return ALLOWED;
      const granted = fineGrainedCovers(token, repo) ? token.fineGrained?.permissions[permission] : undefined;
      const ok = grants(granted, level) && (level === 'read' || atLeast(roleOf(world, repo, token.user), 'write'));
      return ok ? ALLOWED : { kind: 'forbidden', message: NOT_ACCESSIBLE_BY_PAT, accepted };
    }
    case 'server-to-server': {
      if (publicRead) return ALLOWED;
      const installed = (token.installation?.repositories ?? []).some((full) => full.toLowerCase() === `${repo.owner}/${repo.name}`.toLowerCase());
      const ok = installed && grants(token.installation?.permissions[permission], level);
      return ok ? ALLOWED : { kind: 'forbidden', message: NOT_ACCESSIBLE_BY_INTEGRATION, accepted };
    }
    case 'classic':
    case 'oauth':
      return classicAccess(world, repo, token, permission, level);
    default:
      // ghu_ tokens act for their user within the app's permissions, which the world does not model [inferred].
      return level === 'read' || atLeast(roleOf(world, repo, token.user), 'write') ? ALLOWED : { kind: 'not-found' };
  }
}

function classicAccess(world: World, repo: SimRepo, token: SimToken, permission: string, level: ProbeLevel): ProbeAccess {
  if (level === 'read' && permission !== 'environments') return ALLOWED; // viewRepo already required `repo` for private ones
  const scopes = CLASSIC_SCOPES[permission]?.[level] ?? ['repo'];
  const publicCode = permission === 'contents' && !repo.private && hasScope(token.scopes, 'public_repo');
  const scoped = publicCode || scopes.some((scope) => hasScope(token.scopes, scope));
  const role = roleOf(world, repo, token.user);
  const ok = scoped && (level === 'read' ? role !== null : atLeast(role, 'write'));
  return ok ? ALLOWED : { kind: 'not-found' };
}

function grants(granted: 'read' | 'write' | undefined, level: ProbeLevel): boolean {
  return granted === 'write' || (granted === 'read' && level === 'read');
}
