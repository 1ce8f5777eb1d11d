import type { SsoExposure } from '../capabilities/links.js';
import type { ApiOutcome } from '../github/client.js';
import { classifyApi } from '../github/classify.js';
import { clean } from '../text.js';

/** The parts of a `GET /repos/{owner}/{repo}` 200 body the checks read (OpenAPI `full-repository`). */
export interface RepoFacts {
  fullName: string;
  ownerLogin: string;
  ownerIsOrg: boolean;
  visibility: string;
  permissions: { admin: boolean; maintain: boolean; push: boolean; triage: boolean; pull: boolean } | null;
}

export function repoFacts(outcome: ApiOutcome): RepoFacts | null {
  if (outcome.kind !== 'response' || outcome.status !== 200) return null;
  const body = outcome.body as Record<string, unknown> | null;
  if (!body || typeof body !== 'object') return null;
  const owner = (body.owner ?? {}) as Record<string, unknown>;
  const permissions = body.permissions as Record<string, unknown> | undefined;
  return {
    // Server text reaches a terminal: control characters go.
    fullName: clean(String(body.full_name ?? ''), 200),
    ownerLogin: clean(String(owner.login ?? ''), 100),
    ownerIsOrg: owner.type === 'Organization',
    visibility: typeof body.visibility === 'string' ? clean(body.visibility, 20) : body.private === true ? 'private' : 'public',
    permissions: permissions
      ? {
          admin: permissions.admin === true,
          maintain: permissions.maintain === true,
          push: permissions.push === true,
          triage: permissions.triage === true,
          pull: permissions.pull === true,
        }
      : null,
  };
}

/** The highest role the permissions object grants. */
export function roleOf(permissions: NonNullable<RepoFacts['permissions']>): string {
  if (permissions.admin) return 'admin';
  if (permissions.maintain) return 'maintain';
  if (permissions.push) return 'write';
  if (permissions.triage) return 'triage';
  return permissions.pull ? 'read' : 'no';
}

/**
 * Whether SAML single sign-on may apply to `owner`: GitHub said so (`enforced`); an organization, or an owner whose
 * kind is unknown (`maybe`: an authorized token shows no sign of it); the token's own user or another personal account (`no`).
 */
export function ssoExposureOf(repo: ApiOutcome, owner: string, login: string | null): SsoExposure {
  if (classifyApi(repo).kind === 'sso') return 'enforced';
  const facts = repoFacts(repo);
  if (facts) return facts.ownerIsOrg ? 'maybe' : 'no';
  return login !== null && login.toLowerCase() === owner.toLowerCase() ? 'no' : 'maybe';
}
