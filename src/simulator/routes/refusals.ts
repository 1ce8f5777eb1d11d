import { randomUUID } from 'node:crypto';
import type { RepoView } from '../access/repo-view.js';
import type { Ctx } from '../http/context.js';
import { sendGitHubError } from '../http/send.js';
import { DOCS, REST } from '../messages.js';
import { seededChars } from '../tokens.js';
import type { SimToken } from '../world.js';

/** Why a repository is not shown to the caller: every route under `/repos/{owner}/{repo}` answers it the same way. */
export type RepoRefusal = Exclude<RepoView, { kind: 'ok' }>;

/** The token the request authenticated with, or null (anonymous, or a Basic credential). */
export function callerToken(ctx: Ctx): SimToken | null {
  return ctx.credential?.kind === 'token' ? ctx.credential.token : null;
}

/** Sends GitHub's answer for a repository the caller may not see; `docs` is the called route's documentation_url. */
export function sendRepoRefusal(ctx: Ctx, refusal: RepoRefusal, docs: string): void {
  switch (refusal.kind) {
    case 'not-found': // ledger github-api §3: 404 rather than 403 for private resources
      return sendGitHubError(ctx, 404, REST.notFound, docs);
    case 'sso': {
      // ledger github-api §4.4: 403 + X-GitHub-SSO with a one-hour authorization URL
      const sso = `required; url=https://github.com/orgs/${refusal.org.login}/sso?authorization_request=${seededChars(randomUUID(), 40)}`;
      const message = callerToken(ctx)?.kind === 'oauth' ? REST.samlOAuth : REST.samlClassic;
      return sendGitHubError(ctx, 403, message, DOCS.saml, { 'x-github-sso': sso });
    }
    case 'classic-banned': // ledger github-api §4.1: documentation_url of the called route
      return sendGitHubError(ctx, 403, REST.classicBanned(refusal.org.login), docs);
    case 'lifetime': // ledger github-api §4.3 (documentation_url [inferred])
      return sendGitHubError(ctx, 403, REST.lifetime(refusal.org.login, refusal.days, refusal.tokenId), docs);
    case 'classic-lifetime': // docs/github-behaviour.md#classic-token-lifetime-policy (documentation_url [inferred])
      return sendGitHubError(ctx, 403, REST.classicLifetime(refusal.limit.by, refusal.limit.name, refusal.limit.days), docs);
    case 'ip-allow-list': // docs/github-behaviour.md#ip-allow-list (documentation_url [inferred])
      return sendGitHubError(ctx, 403, REST.ipAllowList(refusal.org.login), docs);
    case 'managed-user': // docs/github-behaviour.md#enterprise-managed-users (status and documentation_url [inferred])
      return sendGitHubError(ctx, 403, REST.managedUser, docs);
  }
}
