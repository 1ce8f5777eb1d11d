/**
 * The public shapes of crpat: what `checkToken()` returns and what `crpat check --json` prints.
 * Kept in one file so the contract is read in one place.
 */

/** What a token is, decided from its prefix (never from `X-OAuth-Scopes`). */
export type TokenKind =
  | 'classic'
  | 'fine-grained'
  | 'oauth'
  | 'user-to-server'
  | 'server-to-server'
  | 'refresh'
  | 'unknown';

/** The stable ids of the ten checks every report lists, in report order. */
export const CHECK_IDS = [
  'token.format',
  'token.valid',
  'token.expiry',
  'token.scopes',
  'org.sso',
  'org.policy',
  'repo.access',
  'repo.push',
  'registry.login',
  'registry.push',
] as const;

/**
 * Checks a report lists after the ten only when the profile is not `push` (`crpat check --for deploy`):
 * `token.capabilities`, whether the token holds what the profile needs beyond pushing images.
 */
export const PROFILE_CHECK_IDS = ['token.capabilities'] as const;

export type CheckId = (typeof CHECK_IDS)[number] | (typeof PROFILE_CHECK_IDS)[number];

/** What the token is checked for: `push` images (the core verdict), or the tutorial's `deploy` permissions too. */
export type ProfileId = 'push' | 'deploy';

/** One row of the capability table: something the profile may need the token to do on the target. */
export interface Capability {
  /** `permission:level` as fine-grained tokens spell it, e.g. `contents:write`; `packages:write` is the classic scope. */
  name: string;
  /** Whether the profile needs it; rows with `false` are shown for information (what the tutorial asked for). */
  needed: boolean;
  /** `true` the token can, `false` it cannot, `null` unknown (`evidence` says why). */
  granted: boolean | null;
  /** How that was established: the scope and role seen, the request sent and GitHub's answer, or why it is unknown. */
  evidence: string;
}

/**
 * Whether the workflow's own `GITHUB_TOKEN` may replace the personal token: given when the run is in GitHub Actions
 * in the target repository itself (or `workflowRepository` names it).
 */
export interface GithubTokenAdvice {
  /** `true` it may; `false` not until the fix is made; `null` crpat could not tell. */
  replaces: boolean | null;
  summary: string;
  /** What the workflow needs, in order (`permissions: packages: write`, and when it cannot work). */
  steps: string[];
  /** The page that makes it work (the package's "Manage Actions access"); null when nothing is to be done. */
  fix: { text: string; url: string } | null;
}

/**
 * `pass` and `warn` do not block a push; `fail` does; `error` means the check could not be decided
 * (network, timeout, 5xx, rate limit); `skip` means an earlier check made it moot (the summary says which).
 */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'error';

/** `pass`: no check failed or errored. `fail`: one failed. `inconclusive`: one errored and none failed. */
export type Verdict = 'pass' | 'fail' | 'inconclusive';

/** The result of one check. */
export interface Finding {
  id: CheckId;
  status: CheckStatus;
  /** One sentence: what was found. */
  summary: string;
  /** What to do, with the exact settings page or link; null when nothing is to be done. */
  fix: string | null;
  /** Supporting facts (the registry's own error, the scopes seen, ...). Never holds the token. */
  details: string[];
}

/** The repository a check is about. `host` is `github.com` or a GitHub Enterprise host. */
export interface RepoTarget {
  host: string;
  owner: string;
  name: string;
}

/** The whole answer: the object `crpat check --json` prints. */
export interface Report {
  schemaVersion: 1;
  verdict: Verdict;
  target: {
    /** `owner/name` as given (case kept). */
    repository: string;
    /** The full image reference probed, lower-cased: `ghcr.io/owner/name`. */
    image: string;
    /** The REST API base URL used, e.g. `https://api.github.com`. */
    apiUrl: string;
    /** The registry host (and port), e.g. `ghcr.io`. */
    registry: string;
  };
  token: {
    kind: TokenKind;
    /** The login the token belongs to, from `GET /user`; null when unknown. */
    login: string | null;
    /** Classic/OAuth scopes as GitHub reported them; empty when none or not applicable. */
    scopes: string[];
    /** ISO-8601 expiry from the expiration header; null when the token does not expire or it is unknown. */
    expiresAt: string | null;
  };
  /**
   * The ten checks of CHECK_IDS in order; for a profile other than `push`, then the PROFILE_CHECK_IDS. The verdict
   * is read from these.
   */
  checks: Finding[];
  /** What the token was checked for (`--for`). */
  profile: ProfileId;
  /**
   * The capability table for `profile`, one row per capability, in the profile's order; always present (`push` has
   * one row, `packages:write`).
   */
  capabilities: Capability[];
  /** Whether GITHUB_TOKEN could replace the personal token; null unless the workflow's repository is the target. */
  githubToken: GithubTokenAdvice | null;
}

/**
 * The answer for several repositories checked with one token: what `checkTokenMany()` returns and what
 * `crpat --json` prints for more than one `--repo` (or any `--repos-file`).
 */
export interface ManyReport {
  schemaVersion: 1;
  /** `pass` only if every result passes; `fail` if any fails; else `inconclusive`. */
  verdict: Verdict;
  /** One single-repository report per repository, in the order given, each repository once. */
  results: Report[];
}
