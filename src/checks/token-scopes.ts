import { classicTokenLink, classicTokensListLink, type SsoExposure, ssoReauthorizeNote } from '../capabilities/links.js';
import { overreach } from '../capabilities/overreach.js';
import { ssoExposureOf } from '../evidence/record.js';
import type { PushRecord } from '../evidence/registry.js';
import type { UserRecord } from '../evidence/user.js';
import { isUndecided } from '../github/classify.js';
import { expandScopes } from '../github/headers.js';
import type { TokenShape } from '../token/recognize.js';
import type { Finding } from '../types.js';
import { guideLine } from './guide.js';
import { type Check, finding, type Links, linksOf } from './check.js';

const NEEDED = 'write:packages'; // the only scope a ghcr push needs; `repo` is not (ledger ghcr §4.2)
const OAUTH_NOTE = "An OAuth token's scopes are those the app that obtained it asked for; they cannot be edited.";

/**
 * Classic/OAuth scopes with implied ones expanded. The kind comes from the prefix, never from the header (§9.12).
 * The verdict rule is the push contract whatever the profile: only a missing `write:packages` fails. Scopes beyond
 * what the profile needs that would hurt if the token leaked (overreach.ts) turn a pass into a warning, never more.
 */
export function judgeTokenScopes(user: UserRecord, shape: TokenShape, links: Links, push: PushRecord | null = null, sso: SsoExposure = 'no'): Finding {
  const id = 'token.scopes';
  // Editing a token's scopes drops its SSO authorizations (docs/github-behaviour.md#saml-sso-side-effects).
  const authorize = ssoReauthorizeNote(links.target.webUrl, links.target.owner, sso);
  const create = classicTokenLink(links.target, links.profile);
  if (shape.kind === 'fine-grained') {
    // Documented as unsupported (ledger github-api §9.1, ghcr §4.1): fail, unless the registry itself opened the upload.
    const accepted = push?.upload.kind === 'opened';
    return finding(
      id,
      accepted ? 'warn' : 'fail',
      `Fine-grained tokens have no scopes and no Packages permission: GitHub documents that GitHub Packages supports only classic personal access tokens${
        accepted ? ', although this registry accepted the upload' : ''
      }.`,
      `Use a classic token with write:packages: ${create}`,
      accepted ? [] : [guideLine('not-fine-grained')],
    );
  }
  if (shape.kind === 'server-to-server') {
    return finding(
      id,
      'warn',
      'GitHub App installation tokens (such as GITHUB_TOKEN) have no scopes and expire within an hour; they push only to packages their repository may write.',
      `As a stored CR_PAT, use a classic token with write:packages: ${create}`,
    );
  }
  if (shape.kind !== 'classic' && shape.kind !== 'oauth') {
    return finding(id, 'skip', `Skipped: a ${shape.label} has no OAuth scopes to read.`);
  }
  const { meaning, scopes } = user;
  if (user.answer.kind !== 'response' || meaning.kind !== 'ok') {
    const why = isUndecided(meaning) ? 'token.valid could not be completed' : 'GitHub did not accept the token (token.valid)';
    return finding(id, 'skip', `Skipped: ${why}, so its scopes are not known.`);
  }
  if (scopes === null) {
    return finding(id, 'warn', 'GitHub sent no X-OAuth-Scopes header, so the scopes cannot be read; registry.push decides.');
  }
  const shown = scopes.length > 0 ? scopes.join(', ') : 'none';
  if (!expandScopes(scopes).has(NEEDED)) {
    return finding(
      id,
      'fail',
      `The token lacks ${NEEDED}, the one scope a push to the container registry needs (scopes: ${shown}).`,
      shape.kind === 'oauth'
        ? `${OAUTH_NOTE} As CR_PAT, create a classic token with exactly the scopes ${links.profile.id} needs: ${create}`
        : `Edit the token at ${classicTokensListLink(links.target.webUrl)} and tick ${NEEDED}, or create one with exactly the scopes ${links.profile.id} needs: ${create}${authorize && `.${authorize}`}`,
      [guideLine('create-token')],
    );
  }
  const all = overreach(scopes, links.profile);
  // `repo` alone is noted, not warned about: GitHub's own token page ticks it with write:packages and the tutorial
  // asks for it, so a warning would fire on nearly every CR_PAT; the note still says it is not needed and why.
  const extra = all.filter((o) => o.scope !== 'repo' || all.length > 1);
  if (extra.length === 0) {
    const note = all.map((o) => `${o.scope} is not needed to push images (${o.risk}); a token without it leaks less: ${create}`);
    return finding(id, 'pass', `The token has ${NEEDED} (scopes: ${shown}).`, null, note);
  }
  const names = extra.map((o) => o.scope).join(', ');
  return finding(
    id,
    'warn',
    `The token has ${NEEDED}, and also ${names}, which ${links.profile.id === 'push' ? 'pushing images does' : `the ${links.profile.id} profile does`} not need and which would hurt if the token leaked (scopes: ${shown}).`,
    shape.kind === 'oauth'
      ? `${OAUTH_NOTE} As CR_PAT, create a classic token with exactly the scopes ${links.profile.id} needs: ${create}`
      : `Untick ${names} at ${classicTokensListLink(links.target.webUrl)} (the token stays the same), or create one with exactly the scopes ${links.profile.id} needs: ${create}${authorize && `.${authorize}`}`,
    extra.map((o) => `${o.scope}: ${o.risk}.`),
  );
}

export const tokenScopes: Check = {
  id: 'token.scopes',
  title: 'Token scopes',
  run: async (evidence) => {
    const [user, push, repo] = await Promise.all([evidence.user, evidence.shape.kind === 'fine-grained' ? evidence.push : null, evidence.repo]);
    return judgeTokenScopes(user, evidence.shape, linksOf(evidence), push, ssoExposureOf(repo, user, evidence.target));
  },
};
