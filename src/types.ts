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

/** The stable ids of the checks, in report order. */
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
export type CheckId = (typeof CHECK_IDS)[number];

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
  checks: Finding[];
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
