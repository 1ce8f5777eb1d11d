import type { ApiOutcome } from '../github/client.js';
import { classifyApi } from '../github/classify.js';
import { expandScopes, parseScopes } from '../github/headers.js';
import type { PushOutcome } from '../registry/types.js';
import type { TokenShape } from '../token/recognize.js';
import type { Finding } from '../types.js';
import { classicTokensUrl, newClassicTokenUrl } from './links.js';
import { type Check, finding } from './types.js';

const NEEDED = 'write:packages'; // the only scope a ghcr push needs; `repo` is not (facts ghcr §4.2)

/** Classic/OAuth scopes with implied ones expanded. The kind comes from the prefix, never from the header (§9.12). */
export function judgeTokenScopes(user: ApiOutcome, shape: TokenShape, webUrl: string, push: PushOutcome | null = null): Finding {
  const id = 'token.scopes';
  if (shape.kind === 'fine-grained') {
    // Documented as unsupported (facts github-api §9.1, ghcr §4.1): fail, unless the registry itself opened the upload.
    const accepted = push?.kind === 'opened';
    return finding(
      id,
      accepted ? 'warn' : 'fail',
      `Fine-grained tokens have no scopes and no Packages permission: GitHub documents that GitHub Packages supports only classic personal access tokens${
        accepted ? ', although this registry accepted the upload' : ''
      }.`,
      `Use a classic token with write:packages: ${newClassicTokenUrl(webUrl)}`,
    );
  }
  if (shape.kind === 'server-to-server') {
    return finding(
      id,
      'warn',
      'GitHub App installation tokens (such as GITHUB_TOKEN) have no scopes and expire within an hour; they push only to packages their repository may write.',
      `As a stored CR_PAT, use a classic token with write:packages: ${newClassicTokenUrl(webUrl)}`,
    );
  }
  if (shape.kind !== 'classic' && shape.kind !== 'oauth') {
    return finding(id, 'skip', `Skipped: a ${shape.label} has no OAuth scopes to read.`);
  }
  const meaning = classifyApi(user);
  if (user.kind !== 'response' || meaning.kind !== 'ok') {
    return finding(id, 'skip', 'Skipped: GitHub did not accept the token (token.valid), so its scopes are not known.');
  }
  const scopes = parseScopes(user.headers.get('x-oauth-scopes'));
  if (scopes === null) {
    return finding(id, 'warn', 'GitHub sent no X-OAuth-Scopes header, so the scopes cannot be read; registry.push decides.');
  }
  const shown = scopes.length > 0 ? scopes.join(', ') : 'none';
  if (expandScopes(scopes).has(NEEDED)) {
    return finding(id, 'pass', `The token has ${NEEDED} (scopes: ${shown}).`);
  }
  return finding(
    id,
    'fail',
    `The token lacks ${NEEDED}, the one scope a push to the container registry needs (scopes: ${shown}).`,
    `Edit the token at ${classicTokensUrl(webUrl)} and tick write:packages, or create one with it: ${newClassicTokenUrl(webUrl, withNeeded(scopes))}`,
  );
}

function withNeeded(scopes: readonly string[]): string[] {
  return [NEEDED, ...scopes.filter((scope) => scope !== NEEDED && scope !== 'read:packages')];
}

export function scopesOf(user: ApiOutcome): string[] {
  return user.kind === 'response' ? (parseScopes(user.headers.get('x-oauth-scopes')) ?? []) : [];
}

export const tokenScopes: Check = {
  id: 'token.scopes',
  title: 'Token scopes',
  run: async (e) => {
    const [user, push] = await Promise.all([e.user, e.shape.kind === 'fine-grained' ? e.push : null]);
    return judgeTokenScopes(user, e.shape, e.webUrl, push);
  },
};
