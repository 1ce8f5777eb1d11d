/**
 * Every GitHub / ghcr.io string the simulator sends, copied exactly from the public sources in docs/github-behaviour.md (never invented).
 * Each entry names its ledger section or entry (docs/github-behaviour.md); [inferred] marks a choice where the sources are silent.
 */

export const DOCS = {
  /** ledger github-api §2.4 */
  rest: 'https://docs.github.com/rest',
  /** ledger github-api §2.2 */
  getAuthenticatedUser: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
  /** ledger github-api §3 */
  getRepository: 'https://docs.github.com/rest/repos/repos#get-a-repository',
  /** [inferred] anchor of `users/get-by-username`, same scheme as the two above */
  getUser: 'https://docs.github.com/rest/users/users#get-a-user',
  /** ledger github-api §4.4 */
  saml: 'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/',
  /** OpenAPI externalDocs of `actions/get-repo-public-key` */
  repoPublicKey: 'https://docs.github.com/rest/actions/secrets#get-a-repository-public-key',
  /** OpenAPI externalDocs of `actions/get-repo-secret` */
  repoSecret: 'https://docs.github.com/rest/actions/secrets#get-a-repository-secret',
  /** OpenAPI externalDocs of `actions/create-or-update-repo-secret` */
  putRepoSecret: 'https://docs.github.com/rest/actions/secrets#create-or-update-a-repository-secret',
  /** OpenAPI externalDocs of `actions/get-org-public-key` */
  orgPublicKey: 'https://docs.github.com/rest/actions/secrets#get-an-organization-public-key',
  /** OpenAPI externalDocs of `actions/get-org-secret` */
  orgSecret: 'https://docs.github.com/rest/actions/secrets#get-an-organization-secret',
  /** OpenAPI externalDocs of `actions/create-or-update-org-secret` (an older URL form, as GitHub ships it) */
  putOrgSecret: 'https://docs.github.com/rest/reference/actions#create-or-update-an-organization-secret',
  /** [inferred] GitHub's "follow redirects" advice (ledger github-api §8); the real 301 wording is open question 8 */
  redirects: 'https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#follow-redirects',
} as const;

export const REST = {
  /** ledger github-api §2.4 */
  badCredentials: 'Bad credentials',
  /** ledger github-api §2.4 */
  requiresAuthentication: 'Requires authentication',
  /** ledger github-api §2.2 */
  notAccessibleByIntegration: 'Resource not accessible by integration',
  /** ledger github-api §3 */
  notFound: 'Not Found',
  /** ledger github-api §2.1 */
  userAgentRequired:
    'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.',
  /** ledger github-api §10 ("Moved Permanently" is [inferred wording] there) */
  movedPermanently: 'Moved Permanently',
  /** ledger github-api §4.4 (current form, classic PAT) */
  samlClassic:
    'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
  /** ledger github-api §4.4 (variant "... your OAuth token access ..." for OAuth tokens) */
  samlOAuth: 'Resource protected by organization SAML enforcement. You must grant your OAuth token access to this organization.',
  /** ledger github-api §4.1 */
  classicBanned: (org: string) =>
    `\`${org}\` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.`,
  /** ledger github-api §4.3 (GitHub's own grammar "a ... tokens") */
  lifetime: (org: string, days: number, tokenId: number) =>
    `The '${org}' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than ${days} days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/${tokenId}`,
  /** docs/github-behaviour.md#classic-token-lifetime-policy (bristol-supercomputing's notes; enterprise form reported 2026-08-11) */
  classicLifetime: (by: 'organization' | 'enterprise', name: string, days: number) =>
    `The '${name}' ${by} forbids access via a personal access tokens (classic) if the token's lifetime is greater than ${days} days.`,
  /** docs/github-behaviour.md#ip-allow-list (aquasecurity report 2026-08-04, docker/metadata-action#342) */
  ipAllowList: (org: string) =>
    `Although you appear to have the correct authorization credentials, the \`${org}\` organization has an IP allow list enabled, and your IP address is not permitted to access this resource.`,
  /** docs/github-behaviour.md#enterprise-managed-users (Azure/AzOps#576; the status, 403, is [inferred]) */
  managedUser: 'Unauthorized: As an Enterprise Managed User, you cannot access this content',
} as const;

/** The Actions secrets endpoints (ledger github-api §7). Sources per entry; the ledger sections cite none of these strings. */
export const SECRETS = {
  /** [report] github/docs #29818 (2023), #8338; cli/cli #2845 (org endpoint without `admin:org`, 2021) */
  mustHaveAdminRights: 'Must have admin rights to Repository.',
  /** [report] cli/cli #8810 (2024, `GET /orgs/{org}/actions/secrets` by an owner whose token lacked `admin:org`) */
  orgForbidden: 'You must be an org admin or have the actions secrets fine-grained permission.',
  /** ledger github-api §3, §10 */
  notAccessibleByPat: 'Resource not accessible by personal access token',
  /** ledger github-api §3 (GitHub Apps' variant) */
  notAccessibleByIntegration: REST.notAccessibleByIntegration,
  /** [inferred] GitHub's answer to a body that is not JSON */
  problemsParsingJson: 'Problems parsing JSON',
  /** [inferred] GitHub's schema-validation envelope: `Invalid request.` + a blank line + the reason */
  invalid: (reason: string) => `Invalid request.\n\n${reason}`,
} as const;

export const GHCR = {
  /** ledger ghcr §1.1, §1.3 (no credentials; Bearer on /token) */
  authenticationRequired: 'authentication required',
  /** ledger ghcr §1.3 (bad, expired, revoked PAT at the token endpoint) */
  denied: 'denied',
  /** ledger ghcr §1.3 (anonymous token request for a private/missing package) */
  requestedAccessDenied: 'requested access to the resource is denied',
  /** ledger ghcr §1.4 (Basic sent straight to /v2/...) */
  invalidToken: 'invalid token',
  /** ledger ghcr §2 */
  unauthenticated: 'unauthenticated: User cannot be authenticated with the token provided.',
  /** ledger ghcr §2, §8 */
  scopes: 'permission_denied: The token provided does not match expected scopes.',
  /** ledger ghcr §2, §8 */
  writePackage: 'permission_denied: write_package',
  /** ledger ghcr §2, §8 */
  createPackage: 'permission_denied: create_package',
  /** ledger ghcr §2 (GITHUB_TOKEN row, unprefixed form) */
  installationWrite: 'installation not allowed to Write organization package',
  /** ledger ghcr §8 (GitHub App installation token row, prefixed form) */
  installationCreate: 'permission_denied: installation not allowed to Create organization package',
  /** ledger ghcr §2 (single report), prefixed as the brief and §2 show */
  classicBanned: (org: string) => `permission_denied: ${REST.classicBanned(org)}`,
  /** docs/github-behaviour.md#classic-token-lifetime-policy: npm.pkg.github.com's form (infosupport/huddle#15); ghcr's [inferred] */
  classicLifetime: (by: 'organization' | 'enterprise', name: string, days: number) => `permission_denied: ${REST.classicLifetime(by, name, days)}`,
  /** docs/github-behaviour.md#github-token-other-namespace (PwnKit-Labs/pwnkit#184, grafana/k6#2111) */
  installationMissing: 'permission_denied: The requested installation does not exist.',
  /** docs/github-behaviour.md#app-installation-tokens (SlyBase/helm-charts#595, 2026: prefixed form) */
  installationWritePrefixed: 'permission_denied: installation not allowed to Write organization package',
  /** docs/github-behaviour.md#ghcr-outage (slsa-framework/slsa-github-generator#1699) */
  authzd:
    'permission_denied: unable to connect to authzd server: twirp error bad_route: Error from intermediary with HTTP status code 404 "Not Found"',
  /** docs/github-behaviour.md#ghcr-rate-limit (chainguard-images/images#173): code TOOMANYREQUESTS */
  rateLimited: 'retry-after: 10.305464ms, allowed: 2000/minute',
  /** [inferred] ledger ghcr §2/§9 q2: the 405 body on upload cancel is unconfirmed */
  unsupported: 'The operation is unsupported.',
} as const;
