import type { CheckId, Verdict } from '../types.js';

/**
 * Named cases over `createDefaultWorld()`, in demo order. `expect` is what crpat's checks should conclude, read from
 * the facts; test/simulator/scenarios.test.ts proves each expectation against the simulator's raw answers.
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
  };
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
    description: 'Classic PAT with only `repo`: ghcr refuses the upload with "does not match expected scopes" (facts ghcr §8).',
    tokenLabel: 'octocat-classic-repo-only',
    repository: 'octocat/hello-world',
    expect: { verdict: 'fail', failing: ['token.scopes', 'registry.push'] },
  },
  {
    name: 'classic-packages-scope-without-repo',
    description: 'Classic PAT with write:packages but no repo on a private repository: REST answers 404, yet the push works; repo is not needed for ghcr (facts github-api §9.2, ghcr §4.2).',
    tokenLabel: 'octocat-classic-packages-only',
    repository: 'acme/private-app',
    expect: { verdict: 'pass', failing: [], warning: ['repo.access'] },
  },
  {
    name: 'expired-token',
    description: 'Expired classic PAT: 401 Bad credentials on the API, 403 DENIED denied from the token service (facts github-api §2.4, ghcr §1.3).',
    tokenLabel: 'octocat-classic-expired',
    repository: 'octocat/hello-world',
    expect: { verdict: 'fail', failing: ['token.valid', 'registry.login'] },
  },
  {
    name: 'revoked-token',
    description: 'Revoked classic PAT: indistinguishable from expired (facts github-api §2.4, ghcr §1.3).',
    tokenLabel: 'octocat-classic-revoked',
    repository: 'octocat/hello-world',
    expect: { verdict: 'fail', failing: ['token.valid', 'registry.login'] },
  },
  {
    name: 'expiring-soon',
    description: 'Classic PAT that expires in 3 days: pushes today, warns about the expiry header (facts github-api §2.3).',
    tokenLabel: 'octocat-classic-expiring-soon',
    repository: 'octocat/hello-world',
    expect: { verdict: 'pass', failing: [], warning: ['token.expiry'] },
  },
  {
    name: 'sso-not-authorized',
    description: 'Classic PAT not authorized for the SAML org: 403 with X-GitHub-SSO on the API (facts github-api §4.4); the registry refuses too.',
    tokenLabel: 'octocat-classic-push',
    repository: 'sso-corp/internal-tools',
    expect: { verdict: 'fail', failing: ['org.sso', 'registry.push'] },
  },
  {
    name: 'org-forbids-classic',
    description: 'The org restricts classic PATs: 403 with the backticked message on the API and the registry (facts github-api §4.1, ghcr §2).',
    tokenLabel: 'octocat-classic-push',
    repository: 'strict-org/private-svc',
    expect: { verdict: 'fail', failing: ['org.policy', 'registry.push'] },
  },
  {
    name: 'fine-grained-token',
    description: 'Fine-grained PAT: the REST API accepts it, ghcr does not (facts github-api §9.1, ghcr §4.1, §8).',
    tokenLabel: 'octocat-fine-grained',
    repository: 'acme/private-app',
    expect: { verdict: 'fail', failing: ['token.scopes', 'registry.push'] },
  },
  {
    name: 'read-only-collaborator',
    description: 'User with the read role; the package inherits the repository access, so the push is refused with write_package (facts ghcr §4.3, §8).',
    tokenLabel: 'monalisa-classic-push',
    repository: 'acme/private-app',
    expect: { verdict: 'fail', failing: ['repo.push', 'registry.push'] },
  },
  {
    name: 'package-owned-by-someone-else',
    description: 'The package exists, was pushed by hubot and is not linked: write_package although octocat is a repo admin (facts ghcr §8).',
    tokenLabel: 'octocat-classic-push',
    repository: 'acme/legacy-app',
    expect: { verdict: 'fail', failing: ['registry.push'] },
  },
  {
    name: 'namespace-not-creatable',
    description: "Write collaborator on someone else's user repository: cannot create a package in hubot's namespace, create_package (facts ghcr §8).",
    tokenLabel: 'octocat-classic-push',
    repository: 'hubot/dotfiles',
    expect: { verdict: 'fail', failing: ['registry.push'] },
  },
  {
    name: 'installation-token-new-format',
    description: 'A new-format ghs_ app installation token: GET /user is 403 "Resource not accessible by integration", and the app may not create org packages (facts github-api §1.5, §2.2, ghcr §8).',
    tokenLabel: 'acme-app-installation',
    repository: 'acme/widgets',
    expect: { verdict: 'fail', failing: ['registry.push'] },
  },
  {
    name: 'renamed-repository',
    description: 'The repository was renamed: GET /repos answers 301 to /repositories/<id> (facts github-api §3, §9.13); the image name is still creatable.',
    tokenLabel: 'octocat-classic-push',
    repository: 'acme/old-name',
    expect: { verdict: 'pass', failing: [], warning: ['repo.access'] },
  },
  {
    name: 'mistyped-token',
    description: 'The last character of a classic PAT was mistyped: the checksum fails offline (facts github-api §1.2, §9.7).',
    tokenLabel: 'octocat-classic-mistyped',
    repository: 'octocat/hello-world',
    expect: { verdict: 'fail', failing: ['token.format'] },
  },
  {
    name: 'oauth-token-without-packages',
    description: 'A `gh auth token` OAuth token (repo, read:org, gist): no write:packages (facts ghcr §8).',
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
