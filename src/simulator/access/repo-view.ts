import { findOrg, findUser, fullName, isOrgMember, sameLogin, type SimOrg, type SimRepo, type SimToken, type World } from '../world.js';
import { permissionsFor, roleOf, type RepoPermissions } from './roles.js';
import { hasScope } from './scopes.js';

/** What `GET /repos/{owner}/{repo}` shows a caller (ledger github-api §3, §4). */
export type RepoView =
  | { kind: 'ok'; repo: SimRepo; permissions: RepoPermissions | null }
  | { kind: 'not-found' }
  | { kind: 'sso'; org: SimOrg }
  | { kind: 'classic-banned'; org: SimOrg }
  | { kind: 'lifetime'; org: SimOrg; days: number; tokenId: number }
  | { kind: 'classic-lifetime'; limit: NonNullable<SimOrg['classicMaxLifetime']> }
  | { kind: 'ip-allow-list'; org: SimOrg }
  | { kind: 'managed-user' };

const DAY_MS = 86_400_000;

/** The decision for a caller (`null` = anonymous) on an existing repository. */
export function viewRepo(world: World, repo: SimRepo, token: SimToken | null): RepoView {
  const org = findOrg(world, repo.owner);
  const blocked = org && token ? orgBlock(org, repo, token) : null;
  if (blocked) return blocked;
  if (token && repo.private && outsideEnterprise(world, repo, token)) return { kind: 'managed-user' };
  if (repo.private && (!token || !canSeePrivate(world, repo, token))) {
    return { kind: 'not-found' }; // 404, not 403, for private resources (ledger github-api §3)
  }
  const permissions = token ? permissionsOf(world, repo, token) : null; // only on authenticated requests (§3)
  return { kind: 'ok', repo, permissions };
}

function orgBlock(org: SimOrg, repo: SimRepo, token: SimToken): RepoView | null {
  // Public repositories too: authenticated reads are blocked (docs/github-behaviour.md#ip-allow-list).
  if (org.ipAllowList) return { kind: 'ip-allow-list', org };
  if (needsSso(org, token)) return { kind: 'sso', org };
  // Public repositories too (docs/github-behaviour.md#classic-token-lifetime-policy: NixOS/org#247).
  const limit = org.classicMaxLifetime;
  if (token.kind === 'classic' && limit && lifetimeDays(token) > limit.days) return { kind: 'classic-lifetime', limit };
  // Classic-PAT ban: public reads still work (ledger github-api §4.1, §9.6; open question 6 → 200 [inferred]).
  if (token.kind === 'classic' && org.forbidsClassicTokens && repo.private) return { kind: 'classic-banned', org };
  const days = lifetimeDays(token);
  const max = org.fineGrainedMaxLifetimeDays;
  // Lifetime policy: the token is blocked from the org (ledger github-api §4.3); public reads kept [inferred].
  if (token.kind === 'fine-grained' && max !== undefined && repo.private && days > max) {
    return { kind: 'lifetime', org, days: max, tokenId: token.id ?? 0 };
  }
  return null;
}

/**
 * Classic PATs and OAuth tokens must be SSO-authorized per org; fine-grained and app tokens are authorized at
 * creation (ledger github-api §4.4). The 403 was seen on a public repository too (ossf/scorecard on microsoft/msquic);
 * only members' tokens are challenged, else every public repo of an SSO org would be unreadable [inferred].
 */
export function needsSso(org: SimOrg, token: SimToken): boolean {
  if (!org.ssoEnforced || (token.kind !== 'classic' && token.kind !== 'oauth')) return false;
  if (!isOrgMember(org, token.user)) return false;
  return !(token.ssoAuthorizedOrgs ?? []).some((login) => sameLogin(login, org.login));
}

/**
 * A managed user's token on a private repository of an owner outside its enterprise (docs/github-behaviour.md#
 * enterprise-managed-users; which requests get the refusal is [inferred]).
 */
function outsideEnterprise(world: World, repo: SimRepo, token: SimToken): boolean {
  const enterprise = findUser(world, token.user)?.managedBy;
  if (!enterprise || sameLogin(repo.owner, token.user)) return false;
  return findOrg(world, repo.owner)?.enterprise !== enterprise;
}

/** Days between creation and expiry; Infinity for a token that never expires. */
export function lifetimeDays(token: SimToken): number {
  if (!token.expiresAt) return Number.POSITIVE_INFINITY;
  const created = token.createdAt ?? token.expiresAt;
  return Math.ceil((token.expiresAt.getTime() - created.getTime()) / DAY_MS);
}

/** Private repositories: the user needs a role, and the token must reach it (ledger github-api §3). */
function canSeePrivate(world: World, repo: SimRepo, token: SimToken): boolean {
  if (token.kind === 'server-to-server') return installationCovers(token, repo);
  if (roleOf(world, repo, token.user) === null) return false;
  if (token.kind === 'classic' || token.kind === 'oauth') return hasScope(token.scopes, 'repo');
  if (token.kind === 'fine-grained') return fineGrainedCovers(token, repo);
  return true; // ghu_: acts as the user [inferred]
}

export function fineGrainedCovers(token: SimToken, repo: SimRepo): boolean {
  const grant = token.fineGrained;
  if (!grant || grant.pendingApproval) return false; // pending: public resources only (ledger github-api §4.2)
  if (!sameLogin(grant.resourceOwner, repo.owner)) return false;
  return grant.repositories === 'all' || grant.repositories.some((name) => sameLogin(name, fullName(repo)));
}

function installationCovers(token: SimToken, repo: SimRepo): boolean {
  return (token.installation?.repositories ?? []).some((name) => sameLogin(name, fullName(repo)));
}

/** Installation tokens have no user role; derive from the app's `contents` permission [inferred]. */
function permissionsOf(world: World, repo: SimRepo, token: SimToken): RepoPermissions {
  if (token.kind !== 'server-to-server') return permissionsFor(roleOf(world, repo, token.user));
  const contents = installationCovers(token, repo) ? token.installation?.permissions['contents'] : undefined;
  return permissionsFor(contents === 'write' ? 'write' : contents === 'read' ? 'read' : null);
}
