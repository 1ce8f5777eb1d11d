import type { RepoRecord } from '../evidence/repo.js';
import { isUndecided } from '../github/classify.js';
import type { Finding, RepoTarget } from '../types.js';
import { classicTokensListLink, ssoLink } from '../capabilities/links.js';
import { guideLine } from './guide.js';
import { type Check, finding } from './check.js';

/** SAML SSO: a 403 with `X-GitHub-SSO: required; url=...` on the repository (ledger github-api §4.4). */
export function judgeOrgSso(repo: RepoRecord, target: RepoTarget, webUrl: string): Finding {
  const id = 'org.sso';
  const { meaning } = repo;
  if (meaning.kind === 'sso') {
    const authorize = meaning.url
      ? `Authorize the token for ${target.owner} at ${meaning.url} (this link is valid for one hour)`
      : `Open ${classicTokensListLink(webUrl)}, choose Configure SSO next to the token and Authorize ${target.owner}`;
    return finding(
      id,
      'fail',
      `The organization ${target.owner} enforces SAML single sign-on and this token is not authorized for it.`,
      `${authorize}. You need an active SSO session first: ${ssoLink(webUrl, target.owner, null)}`,
      [meaning.message, guideLine('sso')],
    );
  }
  if (repo.kind === 'visible') {
    return repo.ownerIsOrg
      ? finding(id, 'pass', `No single sign-on refusal from ${repo.ownerLogin}.`)
      : finding(id, 'pass', `${repo.ownerLogin} is a personal account: single sign-on does not apply.`);
  }
  if (meaning.kind === 'bad-credentials') return finding(id, 'skip', 'Skipped: GitHub did not accept the token (token.valid).');
  if (isUndecided(meaning)) return finding(id, 'skip', 'Skipped: the repository could not be read (repo.access).');
  return finding(id, 'skip', 'Skipped: the repository is not visible (repo.access), so single sign-on could not be examined.');
}

export const orgSso: Check = {
  id: 'org.sso',
  title: 'Organization single sign-on',
  run: async (evidence) => judgeOrgSso(await evidence.repo, evidence.target, evidence.webUrl),
};
