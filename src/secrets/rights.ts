/**
 * What a credential needs to write an Actions secret, in words, from the OpenAPI description in @octokit/openapi
 * 23.0.2 and ledger github-api §7:
 * - `actions/create-or-update-repo-secret`: "Authenticated users must have collaborator access to a repository to
 *   create, update, or read secrets. OAuth tokens and personal access tokens (classic) need the `repo` scope to use
 *   this endpoint." Write access is what it takes in practice ([report] cli/cli #7100).
 * - `actions/create-or-update-org-secret`: "You must authenticate using an access token with the `admin:org` scope to
 *   use this endpoint. GitHub Apps must have the `secrets` organization permission to use this endpoint."
 * - Fine-grained tokens: the "Secrets" permission, read and write ([inferred] strings, ledger github-api §11 q9).
 * - `GITHUB_TOKEN` cannot manage secrets ([report] ledger github-api §7).
 */
export type SecretLevel = 'repository' | 'organization';

export function rightsNeeded(level: SecretLevel): string {
  return level === 'repository'
    ? 'write access to the repository, and for a classic token the `repo` scope (a fine-grained token: the repository permission "Secrets: Read and write"; the workflow GITHUB_TOKEN cannot write secrets)'
    : 'the owner role in the organization, and for a classic token the `admin:org` scope (a fine-grained token: the organization permission "Secrets: Read and write")';
}

/** The classic scope GitHub asks for at this level, for a token-creation link. */
export function scopeNeeded(level: SecretLevel): 'repo' | 'admin:org' {
  return level === 'repository' ? 'repo' : 'admin:org';
}

/**
 * The web root for an API URL: `https://api.github.com` → `https://github.com`, `https://HOST/api/v3` →
 * `https://HOST`, `https://api.SUB.ghe.com` → `https://SUB.ghe.com` (ledger github-api §6); anything else as is.
 */
export function webUrlForApi(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.pathname.replace(/\/+$/, '') === '/api/v3') return url.origin;
  if (url.hostname === 'api.github.com' || /^api\.[a-z0-9-]+\.ghe\.com$/.test(url.hostname)) {
    return `${url.protocol}//${url.host.slice('api.'.length)}`;
  }
  return url.origin;
}
