import type { SsoExposure } from '../evidence/record.js';
import { expandScopes } from '../github/headers.js';
import type { Profile } from './profiles.js';

/**
 * Every link crpat prints: settings pages, pre-filled token links and one-click fixes (issue 6). Pure string
 * builders; the checks, the capability map and `crpat secret set` all take their links from here (one source of truth).
 *
 * Sources: classic prefill `?scopes=…&description=…` (ledger github-api §5: the docs' own `?scopes=write:packages`
 * workaround; `description` [report]). `default_expires_at` is left out: undocumented by GitHub (ledger github-api §5, §11 q10).
 * Fine-grained prefill parameters (ledger github-api §5, github/docs managing-your-personal-access-tokens.md "Pre-filling
 * fine-grained personal access token details using URL parameters"; removed 2026-05-22 and restored, so it may be
 * unreliable). Settings pages, all [report]:
 * - `https://github.com/orgs/ORG/packages/container/NAME/settings` (xiph/rav1e #3204, iovisor/bcc #4191,
 *   iogrid/iogrid #473 "Manage Actions access"); `…/users/USER/packages/container/NAME/settings` (ledger github-api §5,
 *   docker/build-push-action #463). `/org/ORG/…` is a 404 (ferdium/ferdium-server #8).
 * - `https://github.com/organizations/ORG/settings/packages` ("Package creation"; xiph/rav1e #3204,
 *   pandoc/dockerfiles #252; the setting: github/docs configuring-a-packages-access-control-and-visibility.md).
 * - `https://github.com/organizations/ORG/settings/personal-access-tokens` (ledger github-api §5).
 */

export interface LinkTarget {
  /** `https://github.com` or the Enterprise host's web root (RunSettings.webUrl). */
  webUrl: string;
  owner: string;
  /** Repository name. */
  name: string;
  /** Registry path of the image, `owner/image`, lower case (ImageTarget.path). */
  image: string;
}

/**
 * A classic-token creation page with `scopes` pre-selected and a note (the docs' own `?scopes=write:packages`
 * workaround, ledger github-api §5). The raw builder: prefer `classicTokenLink` or `renewalLink`, which pick the scopes.
 */
export function newClassicTokenUrl(webUrl: string, scopes: readonly string[], description: string): string {
  const list = scopes.map((scope) => encodeURIComponent(scope).replace(/%3A/gi, ':')).join(',');
  return `${webUrl}/settings/tokens/new?scopes=${list}&description=${encodeURIComponent(description)}`;
}

/** The list of the user's classic tokens (Regenerate, Configure SSO, edit scopes). */
export const classicTokensListLink = (webUrl: string): string => `${webUrl}/settings/tokens`;
/** The list of the user's fine-grained tokens (edit repositories and permissions, regenerate). */
export const fineGrainedTokensListLink = (webUrl: string): string => `${webUrl}/settings/personal-access-tokens`;
/** A repository's "Collaborators and teams" page, where an admin gives a user a role. */
export const repoAccessLink = (webUrl: string, owner: string, name: string): string => `${webUrl}/${owner}/${name}/settings/access`;

/** A classic token with exactly the profile's scopes pre-selected, and a note naming what it is for. */
export function classicTokenLink(target: LinkTarget, profile: Profile): string {
  return newClassicTokenUrl(target.webUrl, profile.classicScopes, noteFor(target, profile));
}

/**
 * Renewing an expiring or expired token: the same scopes it had, plus any the profile needs that it lacked (a
 * renewal that still cannot push would be pointless). Implied duplicates are dropped, GitHub's own normalization
 * (ledger github-api §2.3).
 */
export function renewalLink(target: LinkTarget, profile: Profile, hadScopes: readonly string[]): string {
  return newClassicTokenUrl(target.webUrl, renewalScopes(hadScopes, profile), noteFor(target, profile));
}

export function renewalScopes(hadScopes: readonly string[], profile: Profile): string[] {
  const all = [...new Set([...hadScopes, ...profile.classicScopes])];
  return all.filter((scope) => !all.some((other) => other !== scope && expandScopes([other]).has(scope)));
}

/**
 * A fine-grained token pre-filled for the profile's repository permissions on the target's owner. Null for `push`:
 * fine-grained tokens have no Packages permission (ledger github-api §5, §9.1), so no fine-grained token can be the push token.
 * The repository itself cannot be pre-selected (no such parameter is documented), and for `deploy` image pushes still
 * need a classic token: say so next to the link.
 */
export function fineGrainedTokenLink(target: LinkTarget, profile: Profile, options: { expiresInDays?: number | 'none' } = {}): string | null {
  const permissions = profile.capabilities.filter((spec) => spec.needed && spec.fineGrained !== null);
  if (permissions.length === 0) return null;
  const params = new URLSearchParams();
  params.set('name', `crpat ${profile.id} ${target.owner}/${target.name}`.slice(0, 40)); // ledger github-api §5: up to 40 chars
  params.set('description', `${noteFor(target, profile)}. Select the repository ${target.owner}/${target.name}.`.slice(0, 1024));
  params.set('target_name', target.owner);
  const expires = options.expiresInDays;
  if (expires !== undefined) params.set('expires_in', expires === 'none' ? 'none' : String(Math.min(366, Math.max(1, Math.round(expires)))));
  for (const spec of permissions) if (spec.fineGrained) params.set(spec.fineGrained.permission, spec.fineGrained.level);
  return `${target.webUrl}/settings/personal-access-tokens/new?${params.toString()}`;
}

/** Package settings: "Manage access" (people) and "Manage Actions access" (repositories) live on this page. */
export function packageSettingsLink(target: LinkTarget, ownerIsOrg: boolean): string {
  const kind = ownerIsOrg ? 'orgs' : 'users';
  return `${target.webUrl}/${kind}/${target.owner}/packages/container/${encodeURIComponent(imageName(target))}/settings`;
}

/** The organization's "Package creation" settings (which visibilities members may create); owners only. */
export function orgPackageCreationLink(webUrl: string, org: string): string {
  return `${webUrl}/organizations/${org}/settings/packages`;
}

/** The organization's personal-access-token policy (classic ban, lifetime limits); owners only. */
export function orgTokenPolicyLink(webUrl: string, org: string): string {
  return `${webUrl}/organizations/${org}/settings/personal-access-tokens`;
}

/** Where to authorize a classic token for SAML SSO: the URL GitHub returned in X-GitHub-SSO, else the org's SSO page. */
export function ssoLink(webUrl: string, org: string, fromHeader: string | null): string {
  return fromHeader ?? `${webUrl}/orgs/${org}/sso`;
}

export type { SsoExposure } from '../evidence/record.js';

/**
 * Appended to every fix that edits a token's scopes or regenerates it: GitHub then revokes the token's SAML SSO
 * authorization (docs/github-behaviour.md#saml-sso-side-effects). Empty for a personal account's repository.
 */
export function ssoReauthorizeNote(webUrl: string, owner: string, exposure: SsoExposure): string {
  const where = `authorize it again (Configure SSO next to the token) at ${classicTokensListLink(webUrl)}`;
  if (exposure === 'enforced') return ` GitHub then drops the token's single sign-on authorization for ${owner}: ${where}.`;
  if (exposure === 'maybe') return ` If ${owner} uses SAML single sign-on, GitHub then drops the token's SSO authorization: ${where}.`;
  return '';
}

/** The token's note on GitHub: the repository, and the image only when it is not named after the repository. */
function noteFor(target: LinkTarget, profile: Profile): string {
  const repository = `${target.owner}/${target.name}`;
  const image = target.image.toLowerCase() === repository.toLowerCase() ? '' : ` (ghcr ${target.image})`;
  return `crpat ${profile.id}: ${repository}${image}`;
}

/** The package name within its namespace: `owner/a/b` → `a/b`. */
function imageName(target: LinkTarget): string {
  const slash = target.image.indexOf('/');
  return slash < 0 ? target.image : target.image.slice(slash + 1);
}
