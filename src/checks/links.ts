/** Settings pages and pre-filled token links (facts github-api §5). Pure string builders. */

/** The web root for an API host's users: github.com, an Enterprise Server host, or SUB.ghe.com. */
export function webUrlFor(repoHost: string): string {
  return `https://${repoHost}`;
}

/** A classic-token creation page with `scopes` pre-selected (docs' own `?scopes=write:packages` workaround). */
export function newClassicTokenUrl(webUrl: string, scopes: readonly string[] = ['write:packages'], description = 'CR_PAT'): string {
  const list = scopes.map((scope) => encodeURIComponent(scope).replace(/%3A/gi, ':')).join(',');
  return `${webUrl}/settings/tokens/new?scopes=${list}&description=${encodeURIComponent(description)}`;
}

export const classicTokensUrl = (webUrl: string): string => `${webUrl}/settings/tokens`;
export const fineGrainedTokensUrl = (webUrl: string): string => `${webUrl}/settings/personal-access-tokens`;
export const orgTokenPolicyUrl = (webUrl: string, org: string): string => `${webUrl}/organizations/${org}/settings/personal-access-tokens`;
export const orgPackagesSettingsUrl = (webUrl: string, org: string): string => `${webUrl}/organizations/${org}/settings/packages`;
export const orgSsoUrl = (webUrl: string, org: string): string => `${webUrl}/orgs/${org}/sso`;
export const repoAccessUrl = (webUrl: string, owner: string, name: string): string => `${webUrl}/${owner}/${name}/settings/access`;

/** Package settings (Manage access / Manage Actions access); orgs and users have different paths. */
export function packageSettingsUrl(webUrl: string, owner: string, image: string, ownerIsOrg: boolean | null): string {
  const kind = ownerIsOrg === false ? 'users' : 'orgs';
  return `${webUrl}/${kind}/${owner}/packages/container/${encodeURIComponent(image)}/settings`;
}
