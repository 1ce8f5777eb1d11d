import { SECRETS } from '../messages.js';
import { isOrgMember, sameLogin, type SimOrg, type SimRepo, type SimToken, type World } from '../world.js';
import { fineGrainedCovers, needsSso, type RepoView, viewRepo } from './repo-view.js';
import { atLeast, roleOf } from './roles.js';
import { hasScope } from './scopes.js';

/** What the caller wants: the public key, to read a secret's metadata, or to create/update one. */
export type SecretNeed = 'key' | 'read' | 'write';

/** Why a secrets request is refused; `view` defers to the repository decision (404, SSO, policy). */
export type SecretsRefusal =
  | { kind: 'unauthenticated' }
  | { kind: 'view'; view: Exclude<RepoView, { kind: 'ok' }> }
  | { kind: 'sso'; org: SimOrg }
  | { kind: 'classic-banned'; org: SimOrg }
  | { kind: 'forbidden'; message: string; accepted?: string };

const LEVEL = { key: 'read', read: 'read', write: 'write' } as const;

/**
 * Repository secrets (ledger github-api §7; OpenAPI `actions/*-repo-*`): the repository must be visible to the token;
 * classic/OAuth tokens need `repo` for reads and writes; fine-grained tokens and apps need the `secrets` permission
 * (strings [inferred], ledger github-api §11 q9); `GITHUB_TOKEN` never manages secrets ([report] ledger github-api §7). The user needs to be a
 * collaborator for the key and a writer for the rest ([report] github/docs #29818, cli/cli #7100); otherwise
 * `Must have admin rights to Repository.` (the same 403 answers a classic token without `repo`, by analogy with
 * cli/cli #2845 [inferred]).
 */
export function repoSecretsRefusal(world: World, repo: SimRepo, token: SimToken | null, need: SecretNeed): SecretsRefusal | null {
  if (!token) return { kind: 'unauthenticated' };
  const view = viewRepo(world, repo, token);
  if (view.kind !== 'ok') return { kind: 'view', view };
  const permission = `secrets=${LEVEL[need]}`;
  switch (token.kind) {
    case 'server-to-server':
      return appRefusal(token, 'secrets', need, permission, `${repo.owner}/${repo.name}`);
    case 'fine-grained':
      // Public repositories are readable by every fine-grained token, but secrets need the grant [inferred].
      if (!fineGrainedCovers(token, repo) || !grants(token.fineGrained?.permissions, 'secrets', need)) return patRefusal(permission);
      break;
    case 'classic':
    case 'oauth':
      if (need !== 'key' && !hasScope(token.scopes, 'repo')) return adminRights();
      break;
    default:
      // The other kinds (user-to-server, refresh): the user's role alone decides, below.
      break;
  }
  return atLeast(roleOf(world, repo, token.user), need === 'key' ? 'read' : 'write') ? null : adminRights();
}

/**
 * Organization secrets (OpenAPI `actions/*-org-*`: classic tokens need `admin:org`; apps the organization `secrets`
 * permission, ledger github-api §7 saw `organization_secrets:read`): only organization owners, else the 403 seen in cli/cli #8810
 * [report] (for a non-owner [inferred]). SSO and the classic-token ban apply as on any org resource (ledger github-api §4).
 */
export function orgSecretsRefusal(org: SimOrg, token: SimToken | null, need: SecretNeed): SecretsRefusal | null {
  if (!token) return { kind: 'unauthenticated' };
  const permission = `organization_secrets=${LEVEL[need]}`;
  if (token.kind === 'server-to-server') return appRefusal(token, 'organization_secrets', need, permission);
  if (token.kind === 'classic' || token.kind === 'oauth') {
    if (needsSso(org, token)) return { kind: 'sso', org };
    if (token.kind === 'classic' && org.forbidsClassicTokens) return { kind: 'classic-banned', org };
    if (!hasScope(token.scopes, 'admin:org')) return { kind: 'forbidden', message: SECRETS.orgForbidden };
  }
  if (token.kind === 'fine-grained') {
    const grant = token.fineGrained;
    if (!grant || grant.pendingApproval || !sameLogin(grant.resourceOwner, org.login)) return patRefusal(permission);
    if (!grants(grant.permissions, 'organization_secrets', need)) return patRefusal(permission);
  }
  return isOrgOwner(org, token.user) ? null : { kind: 'forbidden', message: SECRETS.orgForbidden };
}

export function isOrgOwner(org: SimOrg, login: string): boolean {
  return isOrgMember(org, login) && (org.admins ?? []).some((admin) => sameLogin(admin, login));
}

function grants(permissions: Record<string, 'read' | 'write'> | undefined, name: string, need: SecretNeed): boolean {
  const level = permissions?.[name];
  return level === 'write' || (level === 'read' && LEVEL[need] === 'read');
}

/** Installation tokens: the app's permission, on a repository it is installed on; never an Actions `GITHUB_TOKEN`. */
function appRefusal(token: SimToken, name: string, need: SecretNeed, permission: string, repo?: string): SecretsRefusal | null {
  const grant = token.installation;
  const installed = repo === undefined || (grant?.repositories ?? []).some((full) => sameLogin(full, repo));
  const allowed = installed && !grant?.actions && grants(grant?.permissions, name, need);
  return allowed ? null : { kind: 'forbidden', message: SECRETS.notAccessibleByIntegration, accepted: permission };
}

function patRefusal(permission: string): SecretsRefusal {
  return { kind: 'forbidden', message: SECRETS.notAccessibleByPat, accepted: permission };
}

function adminRights(): SecretsRefusal {
  return { kind: 'forbidden', message: SECRETS.mustHaveAdminRights };
}
