import type { CheckId, Verdict } from '../types.js';

/**
 * Named cases over `createDefaultWorld()`, in demo order. `expect` is what crpat's checks should conclude, read from
 * the ledger (docs/github-behaviour.md); test/simulator/scenarios.test.ts proves each expectation against the simulator's raw answers.
 *
 * `failing` lists the root causes only, assuming this dependency graph between checks [inferred]: token.valid needs
 * token.format; token.expiry, token.scopes, org.sso, org.policy need token.valid; repo.access needs org.sso and
 * org.policy; repo.push needs repo.access; registry.login needs token.format only; registry.push needs
 * registry.login. A check downstream of a failure is expected to be `skip`, not `fail`.
 */
export interface Scenario {
  name: string;
  description: string;
  /** Label of a token (or stranger) in the default world. */
  tokenLabel: string;
  /** `owner/name` as the user would type it. */
  repository: string;
  /** Image to probe when it differs from the repository name. */
  image?: string;
  expect: {
    verdict: Verdict;
    /** Check ids expected to be `fail`. */
    failing: CheckId[];
    /** Check ids expected to be `warn` (others pass, skip, or are not decided by this scenario). */
    warning?: CheckId[];
    /** Check ids expected to be `error` (undecided): the verdict is then `inconclusive` unless one fails. */
    erroring?: CheckId[];
  };
  /** The behaviour's entry in docs/github-behaviour.md (its anchor), for scenarios that model a field report. */
  ledger?: string;
  /** Shown by `crpat demo`. */
  demo?: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'classic-can-push',
    description: 'Classic PAT with repo and write:packages pushing to its own namespace: everything passes.',
    tokenLabel: 'octocat-classic-push',
    repository: 'octocat/hello-world',
    expect: { verdict: 'pass', failing: [] },
  },
  {
    name: 'classic-repo-scope-only',
    description: 'Classic PAT with only `repo`: ghcr refuses the upload with "does not match expected scopes" (ledger ghcr §8).',
    tokenLabel: 'octocat-classic-repo-only',
    repository: 'octocat/hello-world',
    expect: { verdict: 'fail', failing: ['token.scopes', 'registry.push'] },
  },
  {
    name: 'classic-packages-scope-without-repo',
    description: 'Classic PAT with write:packages but no repo on a private repository: REST answers 404, yet the push works; repo is not needed for ghcr (ledger github-api §9.2, ghcr §4.2).',
    tokenLabel: 'octocat-classic-packages-only',
    repository: 'acme/private-app',
    expect: { verdict: 'pass', failing: [], warning: ['repo.access'] },
  },
  {
    name: 'expired-token',
    description: 'Expired classic PAT: 401 Bad credentials on the API, 403 DENIED denied from the token service (ledger github-api §2.4, ghcr §1.3).',
    tokenLabel: 'octocat-classic-expired',
    repository: 'octocat/hello-world',
    expect: { verdict: 'fail', failing: ['token.valid', 'registry.login'] },
  },
  {
    name: 'revoked-token',
    description: 'Revoked classic PAT: indistinguishable from expired (ledger github-api §2.4, ghcr §1.3).',
    tokenLabel: 'octocat-classic-revoked',
    repository: 'octocat/hello-world',
    expect: { verdict: 'fail', failing: ['token.valid', 'registry.login'] },
  },
  {
    name: 'expiring-soon',
    description: 'Classic PAT that expires in 3 days: pushes today, warns about the expiry header (ledger github-api §2.3).',
    tokenLabel: 'octocat-classic-expiring-soon',
    repository: 'octocat/hello-world',
    expect: { verdict: 'pass', failing: [], warning: ['token.expiry'] },
  },
  {
    name: 'sso-not-authorized',
    description: 'Classic PAT not authorized for the SAML org: 403 with X-GitHub-SSO on the API (ledger github-api §4.4); the registry refuses too.',
    tokenLabel: 'octocat-classic-push',
    repository: 'sso-corp/internal-tools',
    expect: { verdict: 'fail', failing: ['org.sso', 'registry.push'] },
  },
  {
    name: 'org-forbids-classic',
    description: 'The org restricts classic PATs: 403 with the backticked message on the API and the registry (ledger github-api §4.1, ghcr §2).',
    tokenLabel: 'octocat-classic-push',
    repository: 'strict-org/private-svc',
    expect: { verdict: 'fail', failing: ['org.policy', 'registry.push'] },
  },
  {
    name: 'fine-grained-token',
    description: 'Fine-grained PAT: the REST API accepts it, ghcr does not (ledger github-api §9.1, ghcr §4.1, §8).',
    tokenLabel: 'octocat-fine-grained',
    repository: 'acme/private-app',
    expect: { verdict: 'fail', failing: ['token.scopes', 'registry.push'] },
  },
  {
    name: 'read-only-collaborator',
    description: 'User with the read role; the package inherits the repository access, so the push is refused with write_package (ledger ghcr §4.3, §8).',
    tokenLabel: 'monalisa-classic-push',
    repository: 'acme/private-app',
    expect: { verdict: 'fail', failing: ['repo.push', 'registry.push'] },
  },
  {
    name: 'package-owned-by-someone-else',
    description: 'The package exists, was pushed by hubot and is not linked: write_package although octocat is a repo admin (ledger ghcr §8).',
    tokenLabel: 'octocat-classic-push',
    repository: 'acme/legacy-app',
    expect: { verdict: 'fail', failing: ['registry.push'] },
  },
  {
    name: 'namespace-not-creatable',
    description: "Write collaborator on someone else's user repository: cannot create a package in hubot's namespace, create_package (ledger ghcr §8).",
    tokenLabel: 'octocat-classic-push',
    repository: 'hubot/dotfiles',
    expect: { verdict: 'fail', failing: ['registry.push'] },
  },
  {
    name: 'installation-token-new-format',
    description: 'A new-format ghs_ app installation token: GET /user is 403 "Resource not accessible by integration", and the app may not create org packages (ledger github-api §1.5, §2.2, ghcr §8).',
    tokenLabel: 'acme-app-installation',
    repository: 'acme/widgets',
    expect: { verdict: 'fail', failing: ['registry.push'] },
  },
  {
    name: 'renamed-repository',
    description: 'The repository was renamed: GET /repos answers 301 to /repositories/<id> (ledger github-api §3, §9.13); the image name is still creatable.',
    tokenLabel: 'octocat-classic-push',
    repository: 'acme/old-name',
    expect: { verdict: 'pass', failing: [], warning: ['repo.access'] },
  },
  {
    name: 'mistyped-token',
    description: 'The last character of a classic PAT was mistyped: the checksum fails offline (ledger github-api §1.2, §9.7).',
    tokenLabel: 'octocat-classic-mistyped',
    repository: 'octocat/hello-world',
    expect: { verdict: 'fail', failing: ['token.format'] },
  },
  {
    name: 'package-grant',
    description: 'monalisa has only the read role on acme/shared-images, but the package grants her Write directly: the registry opens the upload, so she can push; repo.push only warns.',
    tokenLabel: 'monalisa-classic-push',
    repository: 'acme/shared-images',
    expect: { verdict: 'pass', failing: [], warning: ['repo.push'] },
    ledger: 'package-rights',
    demo: true,
  },
  {
    name: 'ghcr-outage',
    description: 'ghcr refuses the upload with "permission_denied: unable to connect to authzd server: …", its own failure worded like a permission: inconclusive, never the token\'s scopes.',
    tokenLabel: 'octocat-classic-push',
    repository: 'acme/widgets',
    image: 'status-page',
    expect: { verdict: 'inconclusive', failing: [], erroring: ['registry.push'] },
    ledger: 'ghcr-outage',
    demo: true,
  },
  {
    name: 'token-service-denied',
    description: 'The token service answers 403 "denied" to a token GET /user accepts: not an invalid token; single sign-on and an IP allow list are ruled out, so inconclusive.',
    tokenLabel: 'octocat-classic-push',
    repository: 'acme/widgets',
    image: 'flaky-chart',
    expect: { verdict: 'inconclusive', failing: [], erroring: ['registry.login'] },
    ledger: 'token-service-denied',
  },
  {
    name: 'rate-limited-once',
    description: 'The first upload gets 429 TOOMANYREQUESTS "retry-after: 10.305464ms, …": crpat waits as told and tries once more, and the upload opens.',
    tokenLabel: 'octocat-classic-push',
    repository: 'acme/widgets',
    image: 'busy-image',
    expect: { verdict: 'pass', failing: [] },
    ledger: 'ghcr-rate-limit',
  },
  {
    name: 'rate-limited',
    description: 'Every upload gets 429 TOOMANYREQUESTS: after one wait and retry, inconclusive, saying how long crpat waited.',
    tokenLabel: 'octocat-classic-push',
    repository: 'acme/widgets',
    image: 'throttled-image',
    expect: { verdict: 'inconclusive', failing: [], erroring: ['registry.push'] },
    ledger: 'ghcr-rate-limit',
  },
  {
    name: 'lifetime-policy',
    description: "timebox-org refuses classic tokens whose lifetime is over 7 days, on its public repository too: org.policy names the limit; the fix is a classic token that expires within it.",
    tokenLabel: 'octocat-classic-push',
    repository: 'timebox-org/public-tool',
    expect: { verdict: 'fail', failing: ['org.policy', 'registry.push'] },
    ledger: 'classic-token-lifetime-policy',
    demo: true,
  },
  {
    name: 'lifetime-policy-enterprise',
    description: "bigcorp's enterprise refuses classic tokens whose lifetime is over 8 days: org.policy names the enterprise and its limit.",
    tokenLabel: 'octocat-classic-push',
    repository: 'bigcorp/platform',
    expect: { verdict: 'fail', failing: ['org.policy', 'registry.push'] },
    ledger: 'classic-token-lifetime-policy',
  },
  {
    name: 'ip-allow-list',
    description: "fenced-org has an IP allow list this machine is not on: org.policy names it; the fix is about the address, not access or a new token.",
    tokenLabel: 'octocat-classic-push',
    repository: 'fenced-org/service',
    expect: { verdict: 'fail', failing: ['org.policy', 'registry.push'] },
    ledger: 'ip-allow-list',
  },
  {
    name: 'sso-scope-edit',
    description: 'A token authorized for sso-corp lacks write:packages: the fix to edit its scopes says GitHub then drops its SSO authorization, with the page to authorize it again.',
    tokenLabel: 'octocat-classic-sso-authorized-repo-only',
    repository: 'sso-corp/internal-tools',
    expect: { verdict: 'fail', failing: ['token.scopes', 'registry.push'] },
    ledger: 'saml-sso-side-effects',
  },
  {
    name: 'app-token-package-granted',
    description: "Another GitHub App's installation token (app id ≠ 15368) on a package whose Actions access lists its repository: ghcr still refuses; the fix is GITHUB_TOKEN or a classic token.",
    tokenLabel: 'acme-app-installation',
    repository: 'acme/widgets',
    image: 'app-built',
    expect: { verdict: 'fail', failing: ['registry.push'] },
    ledger: 'app-installation-tokens',
  },
  {
    name: 'github-token-package-not-granted',
    description: 'GITHUB_TOKEN with packages: write on an existing package that does not grant the repository: write_package; the fix is "Manage Actions access" with the Write role.',
    tokenLabel: 'acme-widgets-github-token',
    repository: 'acme/widgets',
    image: 'hand-made',
    expect: { verdict: 'fail', failing: ['registry.push'] },
    ledger: 'github-token-refusals',
  },
  {
    name: 'github-token-read-only',
    description: 'GITHUB_TOKEN without packages: write (the default, or a pull request from a fork): "installation not allowed to Create organization package"; the fix is the permissions key.',
    tokenLabel: 'acme-widgets-github-token-read-only',
    repository: 'acme/widgets',
    expect: { verdict: 'fail', failing: ['registry.push'] },
    ledger: 'github-token-refusals',
  },
  {
    name: 'github-token-other-namespace',
    description: "acme/widgets' GITHUB_TOKEN pushing under octocat's namespace: \"The requested installation does not exist.\"; a GITHUB_TOKEN pushes only under its own owner's namespace.",
    tokenLabel: 'acme-widgets-github-token',
    repository: 'octocat/hello-world',
    expect: { verdict: 'fail', failing: ['registry.push'] },
    ledger: 'github-token-refusals',
  },
  {
    name: 'managed-user-own-namespace',
    description: 'An Enterprise Managed User pushing under its own namespace: create_package; managed users publish only to organizations.',
    tokenLabel: 'mona-managed-classic-push',
    repository: 'mona_octoent/tools',
    expect: { verdict: 'fail', failing: ['registry.push'] },
    ledger: 'enterprise-managed-users',
  },
  {
    name: 'managed-user-outside-enterprise',
    description: 'An Enterprise Managed User on a private repository outside its enterprise: REST refuses with the managed-user message, which is not "bad credentials".',
    tokenLabel: 'mona-managed-classic-push',
    repository: 'acme/private-app',
    expect: { verdict: 'fail', failing: ['repo.access', 'registry.push'] },
    ledger: 'enterprise-managed-users',
  },
  {
    name: 'oauth-token-without-packages',
    description: 'A `gh auth token` OAuth token (repo, read:org, gist): no write:packages (ledger ghcr §8).',
    tokenLabel: 'octocat-oauth-gh-cli',
    repository: 'octocat/hello-world',
    expect: { verdict: 'fail', failing: ['token.scopes', 'registry.push'] },
  },
];

/** The scenario called `name`; throws on an unknown name. */
export function scenarioByName(name: string): Scenario {
  const found = SCENARIOS.find((scenario) => scenario.name === name);
  if (!found) throw new Error(`unknown scenario ${name}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  return found;
}
