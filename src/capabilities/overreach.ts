import { expandScopes } from '../github/headers.js';
import type { Profile } from './profiles.js';

/**
 * Too much power: classic scopes a CR_PAT carries that its profile does not need and that would hurt if the token
 * leaked. Pure. What each scope grants is quoted or paraphrased from github/docs
 * content/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps.md; scopes that only read or touch the user's
 * own profile are not flagged.
 */

export interface Overreach {
  /** The scope as GitHub reported it. */
  scope: string;
  /** What a leaked token could do with it. */
  risk: string;
}

const RISKS: ReadonlyMap<string, string> = new Map([
  ['site_admin', 'access to the GitHub Enterprise Server administration API'],
  ['admin:enterprise', 'full control of enterprise functionality, runners and billing'],
  ['manage_runners:enterprise', "full control over the enterprise's self-hosted runners"],
  ['manage_billing:enterprise', "read and write the enterprise's billing data"],
  ['admin:org', 'fully manage the organization, its teams, projects and memberships'],
  ['write:org', 'change organization membership and organization projects'],
  ['manage_runners:org', "manage the organization's self-hosted runners"],
  ['admin:org_hook', "create, change, ping and delete the organization's webhooks"],
  ['delete_repo', 'delete any repository you administer'],
  ['repo', 'full access to every repository you can reach, private ones included: code, webhooks, collaborators, invitations'],
  ['workflow', 'add and change GitHub Actions workflow files, which run with the repository\'s secrets'],
  ['admin:repo_hook', 'create, change, ping and delete repository webhooks'],
  ['write:repo_hook', 'create and change repository webhooks, which can send repository events to any address'],
  ['admin:public_key', 'add and delete SSH keys on your account: lasting access to every repository you can reach'],
  ['write:public_key', 'add SSH keys to your account: lasting access to every repository you can reach'],
  ['admin:gpg_key', 'add and delete GPG keys: commits signed in your name would show as Verified'],
  ['write:gpg_key', 'add GPG keys: commits signed in your name would show as Verified'],
  ['admin:ssh_signing_key', 'add and delete SSH signing keys: commits signed in your name would show as Verified'],
  ['write:ssh_signing_key', 'add SSH signing keys: commits signed in your name would show as Verified'],
  ['delete:packages', 'delete packages and package versions'],
  ['codespace', 'create and manage codespaces, which run code with your access'],
]);

/**
 * The risky scopes `scopes` (X-OAuth-Scopes, parsed) holds beyond what `profile` needs, in GitHub's order. A scope
 * implied by another flagged one is not repeated (`admin:org` covers `write:org`).
 */
export function overreach(scopes: readonly string[], profile: Profile): Overreach[] {
  const needed = expandScopes(profile.classicScopes);
  const risky = [...new Set(scopes)].filter((scope) => RISKS.has(scope) && !needed.has(scope));
  const impliedByOther = (scope: string) => risky.some((other) => other !== scope && expandScopes([other]).has(scope));
  return risky.filter((scope) => !impliedByOther(scope)).map((scope) => ({ scope, risk: RISKS.get(scope) ?? '' }));
}

/** The scopes to keep when re-creating the token without the overreach: what it had, minus the flagged ones. */
export function withoutOverreach(scopes: readonly string[], profile: Profile): string[] {
  const needed = expandScopes(profile.classicScopes);
  return scopes.filter((scope) => !RISKS.has(scope) || needed.has(scope));
}
