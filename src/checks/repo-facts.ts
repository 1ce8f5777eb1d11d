import type { ApiOutcome } from '../github/client.js';

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
    fullName: String(body.full_name ?? ''),
    ownerLogin: String(owner.login ?? ''),
    ownerIsOrg: owner.type === 'Organization',
    visibility: typeof body.visibility === 'string' ? body.visibility : body.private === true ? 'private' : 'public',
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
