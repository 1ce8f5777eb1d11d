import { ssoExposureOf } from '../evidence/record.js';
import { userAccepted, type UserRecord } from '../evidence/user.js';
import { isUndecided } from '../github/classify.js';
import { classicTokensListLink, fineGrainedTokensListLink, renewalLink, type SsoExposure, ssoReauthorizeNote } from '../capabilities/links.js';
import type { Finding, TokenKind } from '../types.js';
import { guideLine } from './guide.js';
import { type Check, finding, type Links, linksOf } from './check.js';

const DAY_MS = 86_400_000;
/** `token.expiry` warns within this many days unless told otherwise (`expiryWarnDays`, the Action's `warn-days`). */
export const DEFAULT_EXPIRY_WARN_DAYS = 7;

/** Reads `github-authentication-token-expiration`; absent means the token does not expire (ledger github-api §2.3). */
export function judgeTokenExpiry(
  user: UserRecord,
  now: Date,
  links: Links,
  kind: TokenKind = 'classic',
  warnDays = DEFAULT_EXPIRY_WARN_DAYS,
  sso: SsoExposure = 'no',
): Finding {
  const id = 'token.expiry';
  if (user.answer.kind !== 'response' || !userAccepted(user)) {
    const why = isUndecided(user.meaning) ? 'token.valid could not be completed' : 'GitHub did not accept the token (token.valid)';
    return finding(id, 'skip', `Skipped: ${why}, so its expiry is not known.`);
  }
  const parsed = user.expiration;
  if (parsed === null) {
    if (kind === 'server-to-server' || kind === 'user-to-server') {
      return finding(id, 'pass', 'GitHub sent no expiry for this app token; such tokens expire within hours (installation tokens: one hour).');
    }
    return finding(id, 'pass', 'The token does not expire.', null, ['No expiry is set; GitHub revokes tokens unused for a year.']);
  }
  if (!parsed.ok) return finding(id, 'warn', `GitHub sent an expiry crpat cannot read: ${parsed.reason}`);
  const expiresAt = parsed.value;
  const days = (expiresAt.getTime() - now.getTime()) / DAY_MS;
  const when = `${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (days <= 0) return finding(id, 'fail', `The token expired on ${when}.`, renewal(user, links, kind, '', sso), [guideLine('renew-token')]);
  if (days <= warnDays) {
    const left = days < 1 ? 'less than a day' : `${Math.floor(days)} day${Math.floor(days) === 1 ? '' : 's'}`;
    return finding(id, 'warn', `The token expires in ${left} (${when}).`, renewal(user, links, kind, ' before then', sso));
  }
  return finding(id, 'pass', `The token expires on ${when} (in ${Math.floor(days)} days).`);
}

/**
 * Renewal in one click (issue 6): a classic or OAuth token gets the creation link with the scopes it had (plus any the
 * profile lacks); a fine-grained token is regenerated on its own settings page, which keeps its permissions.
 */
function renewal(user: UserRecord, links: Links, kind: TokenKind, when: string, sso: SsoExposure): string {
  const webUrl = links.target.webUrl;
  if (kind === 'fine-grained') return `Regenerate it${when} at ${fineGrainedTokensListLink(webUrl)} and update the CR_PAT secret.`;
  if (kind !== 'classic' && kind !== 'oauth') return `Regenerate it${when} at ${classicTokensListLink(webUrl)} and update the CR_PAT secret.${ssoReauthorizeNote(webUrl, links.target.owner, sso)}`;
  const had = user.scopes ?? [];
  return `Renew it${when} with the same scopes in one click: ${renewalLink(links.target, links.profile, had)} (or Regenerate it at ${classicTokensListLink(webUrl)}), then update the CR_PAT secret.${ssoReauthorizeNote(webUrl, links.target.owner, sso)}`;
}

export function expiresAtOf(user: UserRecord): string | null {
  return user.expiration?.ok ? user.expiration.value.toISOString() : null;
}

export const tokenExpiry: Check = {
  id: 'token.expiry',
  title: 'Token expiry',
  run: async (evidence) => {
    const [user, repo] = await Promise.all([evidence.user, evidence.repo]);
    return judgeTokenExpiry(user, evidence.now, linksOf(evidence), evidence.shape.kind, evidence.expiryWarnDays, ssoExposureOf(repo, user, evidence.target));
  },
};
