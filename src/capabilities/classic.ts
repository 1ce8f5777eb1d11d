import { expandScopes } from '../github/headers.js';
import { atLeast } from '../evidence/repo.js';
import { type Profile, specsFor, type CapabilitySpec } from './profiles.js';
import type { Capability, CapabilityName, RegistryEvidence, RepoEvidence, Role } from './capability.js';

/**
 * Capabilities of classic PATs and OAuth tokens, from two things GitHub already told the core check: the scopes in
 * `X-OAuth-Scopes` (GET /user) and the user's role in `permissions` (GET /repos). No extra request.
 *
 * A token "has the same capabilities ... that the owner of the token has, and is further limited by any scopes" and
 * "cannot grant additional access" (github/docs managing-your-personal-access-tokens.md), so each repository
 * capability needs both the scope and the role. Scope hierarchy: `expandScopes` (src/github/headers.ts), from
 * github/docs content/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps.md.
 */

export interface ClassicInput {
  profile: Profile;
  /** `X-OAuth-Scopes` parsed (parseScopes); null when the header was absent (ledger github-api §2.3). */
  scopes: readonly string[] | null;
  repo: RepoEvidence;
  registry: RegistryEvidence;
}

export function classicCapabilities(input: ClassicInput): Capability[] {
  const ownerIsOrg = input.repo.kind === 'visible' ? input.repo.ownerIsOrg : null;
  return specsFor(input.profile, ownerIsOrg).map((spec) => ({ name: spec.name, needed: spec.needed, ...judge(spec, input) }));
}

type Verdict = Pick<Capability, 'granted' | 'evidence'>;

const verdict = (granted: boolean | null, evidence: string): Verdict => ({ granted, evidence });

function judge(spec: CapabilitySpec, input: ClassicInput): Verdict {
  if (input.scopes === null) return verdict(null, 'the scopes are unknown: GET /user gave no X-OAuth-Scopes header');
  const held = expandScopes(input.scopes);
  const shown = input.scopes.length > 0 ? input.scopes.join(', ') : 'none';
  switch (spec.name) {
    case 'packages:write':
      return packages(held, shown, input.registry);
    case 'metadata:read':
      return metadata(input.repo);
    case 'organization_administration:write':
      return held.has('admin:org')
        ? verdict(null, 'scope admin:org; it acts only for an owner of the organization, which crpat does not check')
        : verdict(false, `no scope admin:org (scopes: ${shown})`);
    default:
      return repositoryWrite(spec.name, held, shown, input.repo);
  }
}

/** ledger ghcr §4.2: `write:packages` plus the user's role on the package, which only the registry decides. */
function packages(held: Set<string>, shown: string, registry: RegistryEvidence): Verdict {
  if (!held.has('write:packages')) return verdict(false, `no scope write:packages (scopes: ${shown})`);
  switch (registry.kind) {
    case 'opened':
      return verdict(true, 'scope write:packages; the registry opened an upload for the image');
    case 'refused':
      return verdict(false, `scope write:packages, but the registry refused: ${registry.refusal.quoted}`);
    case 'unknown':
      return verdict(null, `scope write:packages; the package's own access is decided by the registry, which gave no answer (${registry.reason})`);
  }
}

function metadata(repo: RepoEvidence): Verdict {
  switch (repo.kind) {
    case 'visible':
      return verdict(true, `GET /repos answered 200 (${repo.private ? 'private' : 'public'} repository)`);
    case 'hidden':
      return verdict(false, `GET /repos answered ${repo.status} (${repo.message})`);
    case 'unknown':
      return verdict(null, repo.reason);
  }
}

/**
 * Which scope lets a classic token write this kind of repository resource, per the OpenAPI descriptions:
 * - contents: `repo` ("repos/create-or-update-file-contents"); `public_repo` covers "read/write access to code" of public
 *   repositories (scopes-for-oauth-apps.md);
 * - actions: `repo` ("actions/create-workflow-dispatch");
 * - deployments: `repo` or `repo_deployment` ("repos/create-deployment");
 * - environments: `repo` ("actions/create-environment-variable").
 * `publicRepoDocumented`: whether `public_repo` is documented to suffice on a public repository.
 */
const WRITE_SCOPES: Partial<Record<CapabilityName, { scopes: readonly string[]; publicRepoDocumented: boolean }>> = {
  'contents:write': { scopes: ['repo'], publicRepoDocumented: true },
  'actions:write': { scopes: ['repo'], publicRepoDocumented: false },
  'deployments:write': { scopes: ['repo', 'repo_deployment'], publicRepoDocumented: false },
  // OpenAPI: "Authenticated users must have collaborator access to a repository to create, update, or read variables"
  // without naming the role; below write the role still cannot write (byRole).
  'environments:write': { scopes: ['repo'], publicRepoDocumented: false },
};

function repositoryWrite(name: CapabilityName, held: Set<string>, shown: string, repo: RepoEvidence): Verdict {
  const rule = WRITE_SCOPES[name];
  if (!rule) return verdict(null, 'crpat has no rule for this capability');
  const scope = rule.scopes.find((s) => held.has(s));
  const isPublic = repo.kind === 'visible' && !repo.private;
  if (!scope) {
    if (!held.has('public_repo')) return verdict(false, `no scope ${rule.scopes.join(' or ')} (scopes: ${shown})`);
    if (repo.kind === 'visible' && repo.private) return verdict(false, `scope public_repo covers public repositories only (scopes: ${shown})`);
    if (!isPublic) return verdict(null, `scope public_repo suffices only on a public repository, and the visibility is unknown`);
    if (!rule.publicRepoDocumented) {
      return verdict(null, `scope public_repo: GitHub documents ${rule.scopes.join(' or ')} for this, not whether public_repo suffices on a public repository`);
    }
  }
  const because = scope ?? 'public_repo';
  switch (repo.kind) {
    case 'hidden':
      return verdict(false, `scope ${because}, but GET /repos answered ${repo.status} (${repo.message})`);
    case 'unknown':
      return verdict(null, `scope ${because}; the role is unknown (${repo.reason})`);
    case 'visible':
      return byRole(because, repo.role);
  }
}

/**
 * A token never has more than its user: the read and triage roles write nothing in a repository's code, workflows,
 * deployments or environments (github/docs "Repository roles for an organization"), so below write the answer is
 * no, whatever GitHub documents for the exact role.
 */
function byRole(scope: string, role: Role | null): Verdict {
  if (role === null) return verdict(null, `scope ${scope}; GET /repos carried no permissions, so the role is unknown`);
  if (!atLeast(role, 'write')) return verdict(false, `scope ${scope}, but role ${role}: a token has no more than its user, and the ${role} role cannot write`);
  return verdict(true, `scope ${scope} + role ${role}`);
}
