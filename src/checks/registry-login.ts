import { isUndecided } from '../github/classify.js';
import { netSentence } from '../http/net-error.js';
import type { LoginRecord } from '../evidence/registry.js';
import type { RepoRecord } from '../evidence/repo.js';
import { userAccepted, type UserRecord } from '../evidence/user.js';
import { OPTION_WORDS, type SettingWords } from '../settings.js';
import type { TokenShape } from '../token/recognize.js';
import type { Finding } from '../types.js';
import { classicTokenLink } from '../capabilities/links.js';
import { guideLine } from './guide.js';
import { GHCR_RETRY, GITHUB_STATUS, NAMES_NO_PERMISSION } from './registry-push.js';
import { type Check, finding, type Links, linksOf } from './check.js';

/** What the REST API said about the same token, so a token-service refusal is not mistaken for a bad token. */
export interface LoginContext {
  user: UserRecord;
  repo: RepoRecord;
}

/**
 * The registry's token service: ghcr answers 403 DENIED "denied" to a bad credential (ledger ghcr §1.3), and also, at
 * times, to one the REST API accepts (docs/github-behaviour.md#token-service-denied): then it is never called invalid.
 */
export function judgeRegistryLogin(
  record: LoginRecord,
  shape: TokenShape,
  registryHost: string,
  links: Links,
  context?: LoginContext,
  words: SettingWords = OPTION_WORDS,
): Finding {
  const id = 'registry.login';
  const registry = words.names.registry;
  const login = record.outcome;
  switch (login.kind) {
    case 'token':
      return finding(id, 'pass', `${registryHost} accepts the credentials and issued a registry token.`);
    case 'anonymous':
      return finding(id, 'pass', `${registryHost} asks for no credentials.`);
    case 'refused': {
      const quoted = record.refusal?.quoted ?? '';
      // Only the known reasons are about the token (docs/github-behaviour.md#ghcr-outage): any other text at the token
      // service (e.g. `permission_denied: unable to connect to authzd server: …`) decides nothing about it.
      if (record.refusal && !record.refusal.permission) {
        return finding(
          id,
          'error',
          `${registryHost}'s token service refused the credentials (${quoted}) for ${NAMES_NO_PERMISSION}.`,
          GHCR_RETRY,
        );
      }
      if (shape.kind !== 'fine-grained' && context && userAccepted(context.user) && record.refusal?.reason.kind === 'denied') {
        return acceptedButDenied(registryHost, quoted, context, links);
      }
      // `denied` is a verdict on the token only when GitHub refuses it too (docs/github-behaviour.md#token-service-denied):
      // when GitHub's answer is not known, the refusal decides nothing.
      if (shape.kind !== 'fine-grained' && context && isUndecided(context.user.meaning) && record.refusal?.reason.kind === 'denied') {
        return finding(
          id,
          'error',
          `${registryHost}'s token service refused the credentials (${quoted}), and GitHub's API did not say whether it accepts the token (token.valid): the token service answers so for an invalid, expired or revoked token, and at times for a good one (single sign-on, an IP allow list, an outage).`,
          `Run the check again in a few minutes (see ${GITHUB_STATUS}); once GitHub answers, token.valid tells the two apart.`,
        );
      }
      const why =
        shape.kind === 'fine-grained'
          ? 'GitHub Packages does not accept fine-grained tokens'
          : 'the token is invalid, expired or revoked, or of a kind the registry does not accept';
      return finding(
        id,
        'fail',
        `${registryHost} refused the credentials (${quoted}): ${why}.`,
        `Create a classic token with write:packages: ${classicTokenLink(links.target, links.profile)}`,
        [guideLine(shape.kind === 'fine-grained' ? 'not-fine-grained' : 'create-token')],
      );
    }
    case 'realm-refused':
      return finding(
        id,
        'error',
        `Did not log in to ${registryHost}: ${login.reason}. Check ${registry}: a registry whose token service is on another origin (host, port or scheme) is not supported.`,
      );
    case 'unexpected':
      return finding(id, 'error', `Could not log in to ${registryHost}: ${login.reason}. Try again in a few minutes; if it keeps happening, check ${registry}.`);
    case 'network':
      return finding(id, 'error', `Could not reach ${registryHost}'s token service: ${netSentence(login.error, 'registry', words)}`);
  }
}

/**
 * `denied` from the token service for a token `GET /user` accepted: single sign-on, an IP allow list or an outage
 * (docs/github-behaviour.md#token-service-denied). Fails when the API showed one of the first two (that check says
 * what to do); otherwise undecided, naming what the other checks ruled out.
 */
function acceptedButDenied(registryHost: string, quoted: string, context: LoginContext, links: Links): Finding {
  const id = 'registry.login';
  const owner = links.target.owner;
  const { meaning } = context.repo;
  const readable = context.repo.kind === 'visible';
  const head = `${registryHost}'s token service refused credentials that GitHub's API accepts (${quoted}; GET /user passed), so the token is not invalid, expired or revoked`;
  if (meaning.kind === 'sso') {
    return finding(id, 'fail', `${head}: ${owner}'s SAML single sign-on refuses it (see org.sso).`, 'Authorize the token for single sign-on: org.sso gives the link.', [guideLine('sso')]);
  }
  if (meaning.kind === 'ip-allow-list') {
    return finding(
      id,
      'fail',
      `${head}: ${owner}'s IP allow list does not include this machine's address (see org.policy).`,
      "Run from an address the allow list includes (a self-hosted runner or a listed egress IP), or ask an owner of the organization to add this machine's address.",
      [guideLine('org-policy')],
    );
  }
  const ruledOut = readable
    ? `single sign-on and an IP allow list are ruled out (GitHub showed ${owner}/${links.target.name} to this token without either refusal)`
    : `single sign-on and an IP allow list could not be ruled out (the repository was not readable; see org.sso and org.policy)`;
  return finding(
    id,
    'error',
    `${head}. What causes this: ${owner}'s single sign-on, an IP allow list, or a ghcr outage; ${ruledOut}. It has been seen to pass again later.`,
    GHCR_RETRY,
  );
}

export const registryLogin: Check = {
  id: 'registry.login',
  title: 'Registry login',
  run: async (evidence) => {
    const [login, user, repo] = await Promise.all([evidence.login, evidence.user, evidence.repo]);
    return judgeRegistryLogin(login, evidence.shape, evidence.registryHost, linksOf(evidence), { user, repo }, evidence.words);
  },
};
