import type { ApiOutcome } from '../github/client.js';
import type { LoginOutcome, PushOutcome } from '../registry/outcomes.js';
import type { RepoTarget } from '../types.js';
import { type PackageEvidence, readPackage } from './package.js';
import { type LoginRecord, type PushRecord, readLogin, readPush } from './registry.js';
import { readRepo, type RepoRecord } from './repo.js';
import { readUser, type UserRecord } from './user.js';

/**
 * The one evidence record of a target: every answer crpat gets (GET /user, GET /repos, the token service, the upload,
 * and, for the GITHUB_TOKEN advice, the package read) read once, here. The ten checks, `token.capabilities`, the
 * capability table and the GITHUB_TOKEN advice all judge this record and never the raw answers, so one answer has one
 * meaning and one refusal one wording across a report. Pure.
 */
export interface EvidenceRecord {
  user: UserRecord;
  repo: RepoRecord;
  login: LoginRecord;
  push: PushRecord;
  /** The package read (packages REST API); null when it was not sent (only the GITHUB_TOKEN advice sends it). */
  package: PackageEvidence | null;
}

/** The raw answers, as the clients hand them over. */
export interface RawAnswers {
  user: ApiOutcome;
  repo: ApiOutcome;
  login: LoginOutcome;
  /** null: not tried (the login did not succeed). */
  push: PushOutcome | null;
  /** null: not sent. */
  package: ApiOutcome | null;
}

/**
 * The whole record at once. The pipeline reads each answer with the same readers as it arrives (`readUser`,
 * `readRepo`, `readLogin`, `readPush`, `readPackage`), so a check waits only for the answers it judges.
 */
export function readEvidence(raw: RawAnswers): EvidenceRecord {
  return {
    user: readUser(raw.user),
    repo: readRepo(raw.repo),
    login: readLogin(raw.login),
    push: readPush(raw.push),
    package: raw.package === null ? null : readPackage(raw.package),
  };
}

/**
 * Whether the target's owner is an organization: from the repository when visible; a repository hidden from the
 * token still has a known owner kind when the owner is the token's own user; else unknown.
 */
export function ownerIsOrgOf(repo: RepoRecord, user: UserRecord, target: Pick<RepoTarget, 'owner'>): boolean | null {
  if (repo.kind === 'visible') return repo.ownerIsOrg;
  return isOwnNamespace(user, target) ? false : null;
}

/** The target's owner is the token's own user. */
export function isOwnNamespace(user: UserRecord, target: Pick<RepoTarget, 'owner'>): boolean {
  return user.login !== null && user.login.toLowerCase() === target.owner.toLowerCase();
}

/** Whether single sign-on may apply to the owner: known to (`enforced`), possible (`maybe`: an organization, or unknown), or not (a user). */
export type SsoExposure = 'enforced' | 'maybe' | 'no';

/**
 * Whether SAML single sign-on may apply to the owner: GitHub said so (`enforced`); an organization, or an owner whose
 * kind is unknown (`maybe`: an authorized token shows no sign of it); the token's own user or another personal
 * account (`no`).
 */
export function ssoExposureOf(repo: RepoRecord, user: UserRecord, target: Pick<RepoTarget, 'owner'>): SsoExposure {
  if (repo.meaning.kind === 'sso') return 'enforced';
  return ownerIsOrgOf(repo, user, target) === false ? 'no' : 'maybe';
}

/** The REST API's refusals that also explain a registry refusal with no reason of its own. */
export function apiBlocks(repo: RepoRecord, user: UserRecord): { sso: boolean; ipAllowList: boolean; managedUser: boolean } {
  return {
    sso: repo.meaning.kind === 'sso',
    ipAllowList: repo.meaning.kind === 'ip-allow-list' || user.meaning.kind === 'ip-allow-list',
    managedUser: repo.meaning.kind === 'managed-user',
  };
}
