/**
 * crpat as a library: `checkToken()` answers whether a token can push container images for a repository,
 * with the same report `crpat check --json` prints.
 */
export { checkToken } from './check.js';
export type { CheckTokenDeps, CheckTokenOptions, HttpTraceEvent, ProgressEvent, RetryEvent } from './check-api.js';
export { CancelledError, UsageError } from './errors.js';
export { CHECK_IDS } from './types.js';
export type { CheckId, CheckStatus, Finding, RepoTarget, Report, TokenKind, Verdict } from './types.js';
export { VERSION } from './version.js';
