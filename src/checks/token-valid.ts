import type { UserRecord } from '../evidence/user.js';
import { isUndecided, retryDetails, undecidedSummary } from '../github/classify.js';
import { OPTION_WORDS, type SettingWords } from '../settings.js';
import type { TokenShape } from '../token/recognize.js';
import type { Finding } from '../types.js';
import { classicTokenLink } from '../capabilities/links.js';
import { guideLine } from './guide.js';
import { type Check, finding, type Links, linksOf } from './check.js';

/** `GET /user`: only a 401 means the token is invalid (ledger github-api §2.4, §9.7). */
export function judgeTokenValid(user: UserRecord, shape: TokenShape, links: Links, words: SettingWords = OPTION_WORDS): Finding {
  const id = 'token.valid';
  const { meaning } = user;
  if (meaning.kind === 'ok') {
    return finding(id, 'pass', `GitHub accepts the token; it belongs to ${user.login ?? 'an unknown user'}.`, null, retryDetails(user.answer));
  }
  if (meaning.kind === 'bad-credentials') {
    const why = shape.checksum === 'valid'
      ? 'its checksum is right, so it is not a typo: it has expired, or was revoked or deleted'
      : 'it has expired, was revoked or deleted, or was mistyped';
    return finding(id, 'fail', `GitHub refused the token (401 ${meaning.message}): ${why}.`, `Create a new classic token: ${classicTokenLink(links.target, links.profile)}`, [
      guideLine('renew-token'),
    ]);
  }
  if (meaning.kind === 'integration') {
    return finding(
      id,
      'warn',
      'GitHub accepts the token, but it is a GitHub App installation token (like GITHUB_TOKEN): it has no user, so GET /user is refused ("Resource not accessible by integration").',
      'As CR_PAT, use a classic personal access token; inside a workflow, GITHUB_TOKEN with `permissions: packages: write` can replace it.',
    );
  }
  if (isUndecided(meaning)) return finding(id, 'error', undecidedSummary(meaning, 'ask GitHub whether it accepts the token', words));
  return finding(id, 'error', `GitHub did not say whether it accepts the token: ${meaning.message}.`);
}

export const tokenValid: Check = {
  id: 'token.valid',
  title: 'GitHub accepts the token',
  run: async (evidence) => judgeTokenValid(await evidence.user, evidence.shape, linksOf(evidence), evidence.words),
};
