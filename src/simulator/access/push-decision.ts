import { GHCR } from '../messages.js';
import { findOrg, findPackage, findUser, isOrgMember, sameLogin, type SimPackage, type SimToken, type World } from '../world.js';
import { isUsable } from './credential.js';
import { lifetimeDays, needsSso } from './repo-view.js';
import { atLeast, roleOnFullName } from './roles.js';
import { hasScope } from './scopes.js';

/** ghcr's answer to `POST /v2/<name>/blobs/uploads/` (ledger ghcr §2, §3.2, §8). */
export type PushDecision =
  | { allowed: true }
  | { allowed: false; status: 401 | 403; code: 'UNAUTHORIZED' | 'DENIED'; message: string };

const ALLOW: PushDecision = { allowed: true };
const deny = (message: string): PushDecision => ({ allowed: false, status: 403, code: 'DENIED', message });

/**
 * The decision ladder for pushing to `name` (`owner/image[/more]`, lower case) with `token` (`null`: anonymous
 * bearer). Order [inferred]: who → token kind → org policy → SSO → scopes → package ACL.
 */
export function decidePush(world: World, token: SimToken | null, name: string, now: Date): PushDecision {
  if (!token || !isUsable(token, now)) {
    // ledger ghcr §2: 401 for an anonymous bearer or an expired/revoked PAT at the POST
    return { allowed: false, status: 401, code: 'UNAUTHORIZED', message: GHCR.unauthenticated };
  }
  if (token.kind === 'server-to-server') return installationDecision(world, token, name);
  // ledger ghcr §4.1, §8: fine-grained PATs are unsupported; ghu_ tokens assumed alike [inferred]
  if (token.kind !== 'classic' && token.kind !== 'oauth') return deny(GHCR.scopes);
  return classicDecision(world, token, name);
}

function classicDecision(world: World, token: SimToken, name: string): PushDecision {
  const org = findOrg(world, namespaceOf(name));
  // ghcr's wording for an IP allow list is not known: `denied` [inferred] (docs/github-behaviour.md#ip-allow-list)
  if (org?.ipAllowList) return deny(GHCR.denied);
  if (org && token.kind === 'classic' && org.forbidsClassicTokens) return deny(GHCR.classicBanned(org.login)); // ledger ghcr §2, §8
  const limit = org?.classicMaxLifetime;
  if (limit && token.kind === 'classic' && lifetimeDays(token) > limit.days) {
    return deny(GHCR.classicLifetime(limit.by, limit.name, limit.days)); // docs/github-behaviour.md#classic-token-lifetime-policy
  }
  if (org && needsSso(org, token)) return deny(GHCR.denied); // ledger ghcr §2, §8: message unconfirmed → `denied` [inferred]
  if (!hasScope(token.scopes, 'write:packages')) return deny(GHCR.scopes); // ledger ghcr §8
  return packageDecision(world, token.user, name);
}

/** Existing package: the user needs write on it; new package: the right to create in the namespace (ledger ghcr §8). */
function packageDecision(world: World, login: string, name: string): PushDecision {
  const pkg = findPackage(world, name);
  if (pkg) return canWritePackage(world, pkg, login) ? ALLOW : deny(GHCR.writePackage);
  return canCreateIn(world, namespaceOf(name), login) ? ALLOW : deny(GHCR.createPackage);
}

/** Direct Write grant, or inheritance from a linked repository the user can write (ledger ghcr §4.3). */
export function canWritePackage(world: World, pkg: SimPackage, login: string): boolean {
  if (pkg.writers.some((writer) => sameLogin(writer, login))) return true;
  return pkg.inheritsFrom !== undefined && atLeast(roleOnFullName(world, pkg.inheritsFrom, login), 'write');
}

/**
 * Own user namespace, or an org the user belongs to (org "Package Creation" policy not modelled) [inferred]. A managed
 * user has no namespace of its own (docs/github-behaviour.md#enterprise-managed-users).
 */
export function canCreateIn(world: World, namespace: string, login: string): boolean {
  const org = findOrg(world, namespace);
  if (org) return isOrgMember(org, login);
  return sameLogin(namespace, login) && findUser(world, login)?.managedBy === undefined;
}

/**
 * Installation tokens (docs/github-behaviour.md#app-installation-tokens, #github-token-refusals). Only the Actions
 * `GITHUB_TOKEN` may push; any other app is refused whatever the package grants. The `GITHUB_TOKEN`: only under its
 * repository owner's namespace; with `packages: write`; and an existing package must grant its repository Write
 * under "Manage Actions access" (or be linked to it).
 */
function installationDecision(world: World, token: SimToken, name: string): PushDecision {
  const grant = token.installation;
  const pkg = findPackage(world, name);
  if (!grant?.actions) return deny(pkg ? GHCR.installationWritePrefixed : GHCR.installationCreate);
  const repos = grant.repositories;
  if (!repos.some((repo) => sameLogin(namespaceOf(repo), namespaceOf(name)))) return deny(GHCR.installationMissing);
  if (grant.permissions['packages'] !== 'write') return deny(pkg ? GHCR.installationWrite : GHCR.installationCreate.replace(/^permission_denied: /, ''));
  if (!pkg) return ALLOW;
  const granted = [...(pkg.actionsAccess ?? []), ...(pkg.inheritsFrom ? [pkg.inheritsFrom] : [])];
  return repos.some((repo) => granted.some((g) => sameLogin(g, repo))) ? ALLOW : deny(GHCR.writePackage);
}

export function namespaceOf(name: string): string {
  return name.split('/')[0] ?? '';
}
