import type { ApiOutcome } from '../github/client.js';
import type { Finding, RepoTarget } from '../types.js';
import { repoAccessLink } from '../capabilities/links.js';
import { repoFacts, roleOf } from './repo-facts.js';
import { loginOf } from './token-valid.js';
import { guideLine } from './guide.js';
import { type Check, finding } from './types.js';

/** The user's role from `permissions` (the user's, not necessarily the token's: facts github-api §3, open question 5). */
export function judgeRepoPush(repo: ApiOutcome, user: ApiOutcome, target: RepoTarget, webUrl: string): Finding {
  const id = 'repo.push';
  const facts = repoFacts(repo);
  if (!facts) return finding(id, 'skip', 'Skipped: the repository is not visible (repo.access).');
  const who = loginOf(user) ?? "The token's user";
  if (!facts.permissions) return finding(id, 'warn', 'GitHub did not say what the token\'s user may do in the repository.');
  const role = roleOf(facts.permissions);
  if (facts.permissions.push || facts.permissions.maintain || facts.permissions.admin) {
    return finding(id, 'pass', `${who} has ${role} access to ${facts.fullName}.`);
  }
  return finding(
    id,
    'fail',
    `${who} has only ${role} access to ${facts.fullName}; publishing for it needs write access.`,
    `Ask an admin of ${facts.fullName} to give ${who} the Write role: ${repoAccessLink(webUrl, target.owner, target.name)}`,
    [guideLine('repository-access')],
  );
}

export const repoPush: Check = {
  id: 'repo.push',
  title: 'User can write to the repository',
  run: async (e) => {
    const [repo, user] = await Promise.all([e.repo, e.user]);
    return judgeRepoPush(repo, user, e.target, e.webUrl);
  },
};
