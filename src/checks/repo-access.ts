import type { RepoRecord } from '../evidence/repo.js';
import type { UserRecord } from '../evidence/user.js';
import { isUndecided, messageText, retryDetails, undecidedSummary } from '../github/classify.js';
import { expandScopes } from '../github/headers.js';
import { OPTION_WORDS, type SettingWords } from '../settings.js';
import { hasScopes, type TokenShape } from '../token/recognize.js';
import type { Finding, RepoTarget } from '../types.js';
import { fineGrainedTokensListLink, repoAccessLink } from '../capabilities/links.js';
import { guideLine } from './guide.js';
import { type Check, finding } from './check.js';

/** `GET /repos/{owner}/{repo}`: 404 hides private repositories from those who cannot see them (ledger github-api §3). */
export function judgeRepoAccess(repo: RepoRecord, user: UserRecord, shape: TokenShape, target: RepoTarget, webUrl: string, words: SettingWords = OPTION_WORDS): Finding {
  const id = 'repo.access';
  const full = `${target.owner}/${target.name}`;
  const { meaning } = repo;
  if (repo.kind === 'visible') {
    if (repo.fullName && repo.fullName.toLowerCase() !== full.toLowerCase()) {
      return finding(id, 'warn', `${full} was renamed or moved to ${repo.fullName}; GitHub redirects for now.`, `Use ${repo.fullName} in your workflow and image name.`);
    }
    return finding(id, 'pass', `The token can see ${repo.fullName || full} (${repo.visibility}).`, null, retryDetails(repo.answer));
  }
  switch (meaning.kind) {
    case 'bad-credentials':
      return finding(id, 'skip', 'Skipped: GitHub did not accept the token (token.valid).');
    case 'sso':
      return finding(id, 'skip', `Skipped: ${full} is hidden behind ${target.owner}'s SAML single sign-on (org.sso).`);
    case 'classic-forbidden':
    case 'lifetime-policy':
      return finding(id, 'skip', `Skipped: ${target.owner}'s token policy blocks this token (org.policy).`);
    case 'ip-allow-list':
      return finding(id, 'skip', `Skipped: ${target.owner}'s IP allow list blocks this machine's address (org.policy).`);
    case 'managed-user':
      // Not a bad credential: the user is managed by an enterprise (docs/github-behaviour.md#enterprise-managed-users).
      return finding(
        id,
        'fail',
        `GitHub refused to show ${full} to an Enterprise Managed User ("${meaning.message}"): managed users can reach only their enterprise's repositories. The token itself is good.`,
        `Use ${full} from inside the enterprise, or a token of a user account that has access to it: ${repoAccessLink(webUrl, target.owner, target.name)}`,
        [guideLine('repository-access')],
      );
    case 'not-found':
      return notFound(user, shape, target, webUrl);
    default:
      if (isUndecided(meaning)) return finding(id, 'error', undecidedSummary(meaning, `read ${full}`, words));
      return finding(id, 'fail', `GitHub refused to show ${full}: ${messageText(meaning)}.`, `Ask an admin of ${full} for access: ${repoAccessLink(webUrl, target.owner, target.name)}`, [
        guideLine('repository-access'),
      ]);
  }
}

function notFound(user: UserRecord, shape: TokenShape, target: RepoTarget, webUrl: string): Finding {
  const full = `${target.owner}/${target.name}`;
  const { scopes } = user;
  if (hasScopes(shape) && scopes !== null && !expandScopes(scopes).has('repo')) {
    return finding(
      'repo.access',
      'warn',
      `${full} is not visible: a classic token without the repo scope cannot see a private repository. Pushing images does not need repo, so registry.push decides.`,
    );
  }
  if (shape.kind === 'fine-grained') {
    return finding(
      'repo.access',
      'fail',
      `${full} was not found: it does not exist, or it is private and not shared with this fine-grained token (wrong resource owner, not in its repository list, or awaiting ${target.owner}'s approval).`,
      `Check the token's resource owner and repositories at ${fineGrainedTokensListLink(webUrl)}.`,
      [guideLine('not-fine-grained')],
    );
  }
  return finding(
    'repo.access',
    'fail',
    `${full} was not found: it does not exist, or it is private and the token's user has no access to it.`,
    `Check the spelling; otherwise ask an admin of ${full} to add the user under Collaborators and teams: ${repoAccessLink(webUrl, target.owner, target.name)}`,
    [guideLine('repository-access')],
  );
}

export const repoAccess: Check = {
  id: 'repo.access',
  title: 'Repository visible to the token',
  run: async (evidence) => {
    const [repo, user] = await Promise.all([evidence.repo, evidence.user]);
    return judgeRepoAccess(repo, user, evidence.shape, evidence.target, evidence.webUrl, evidence.words);
  },
};
