import type { PushRecord } from '../evidence/registry.js';
import { atLeast, type RepoRecord } from '../evidence/repo.js';
import type { UserRecord } from '../evidence/user.js';
import type { Finding, RepoTarget, TokenKind } from '../types.js';
import { repoAccessLink } from '../capabilities/links.js';
import { guideLine } from './guide.js';
import { type Check, finding } from './check.js';

/** The refusals about the package's rights, which a repository role below Write can explain. */
const PACKAGE_RIGHTS = new Set(['write-package', 'create-package', 'insufficient-scope']);

/**
 * The user's role from `permissions` (the user's, not necessarily the token's: ledger github-api §3, open question 5).
 * Package rights are not the repository role (docs/github-behaviour.md#package-rights): a role below Write fails only
 * when the registry refused for the package's rights (the package then inherits the repository's access); when the
 * registry opened the upload the package grants the user directly, and the role only warns.
 */
export function judgeRepoPush(
  repo: RepoRecord,
  user: UserRecord,
  target: RepoTarget,
  webUrl: string,
  push: PushRecord | null = null,
  kind: TokenKind = 'classic',
): Finding {
  const id = 'repo.push';
  if (repo.kind !== 'visible') return finding(id, 'skip', 'Skipped: the repository is not visible (repo.access).');
  if (kind === 'server-to-server') {
    // `permissions` then mirrors the app's Contents permission, not a person's role (docs/github-behaviour.md#github-token-refusals).
    return finding(id, 'skip', "Skipped: an installation token has no user role; its package rights come from the job's `permissions` and the package's \"Manage Actions access\" (registry.push).");
  }
  const who = user.login ?? "The token's user";
  const { role, fullName } = repo;
  if (role === null) return finding(id, 'warn', 'GitHub did not say what the token\'s user may do in the repository.');
  if (atLeast(role, 'write')) return finding(id, 'pass', `${who} has ${role} access to ${fullName}.`);
  const grant = `Ask an admin of ${fullName} to give ${who} the Write role: ${repoAccessLink(webUrl, target.owner, target.name)}`;
  if (push?.upload.kind === 'opened') {
    return finding(
      id,
      'warn',
      `${who} has only ${role} access to ${fullName}, yet the registry opened the upload: the package grants ${who} Write directly (package rights are not the repository role).`,
    );
  }
  const reason = push?.outcome?.kind === 'refused' ? (push.refusal?.reason.kind ?? null) : null;
  if (reason === null || !PACKAGE_RIGHTS.has(reason)) {
    return finding(
      id,
      'warn',
      `${who} has only ${role} access to ${fullName}. That matters only for a package that inherits the repository's access; a package can grant Write directly, and registry.push ${push?.outcome ? 'names the registry\'s own reason' : 'did not run'}.`,
      grant,
    );
  }
  return finding(
    id,
    'fail',
    `${who} has only ${role} access to ${fullName}, and the registry refused the package's rights; a package that inherits the repository's access needs the Write role.`,
    `${grant}, or a package admin grants ${who} Write on the package itself.`,
    [guideLine('repository-access')],
  );
}

export const repoPush: Check = {
  id: 'repo.push',
  title: 'User can write to the repository',
  run: async (evidence) => {
    const [repo, user, push] = await Promise.all([evidence.repo, evidence.user, evidence.push]);
    return judgeRepoPush(repo, user, evidence.target, evidence.webUrl, push, evidence.shape.kind);
  },
};
