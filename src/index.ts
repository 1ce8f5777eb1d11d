/**
 * crpat as a library: `checkToken()` answers whether a token can push container images for a repository,
 * with the same report `crpat check --json` prints.
 */
export { checkToken } from './pipeline/check-token.js';
export { checkTokenMany } from './pipeline/check-token-many.js';
export type {
  CheckTokenDeps,
  CheckTokenManyDeps,
  CheckTokenCommonOptions,
  CheckTokenManyOptions,
  CheckTokenOptions,
  HttpTraceEvent,
  ProgressEvent,
  RetryEvent,
  SettingWords,
} from './pipeline/options.js';
export { CancelledError, UsageError } from './errors.js';
export { CHECK_IDS, PROFILE_CHECK_IDS } from './types.js';
export type {
  Capability,
  CheckId,
  CheckStatus,
  Finding,
  GithubTokenAdvice,
  ManyReport,
  ProfileId,
  RepoTarget,
  Report,
  TokenKind,
  Verdict,
} from './types.js';
export { VERSION } from './version.js';
/** crpat's HTTP transport (keep-alive `node:http`/`node:https`), for a `deps.fetch` wrapper that stays on crpat's path. */
export { createNodeFetch } from './http/node-fetch.js';
export { secretExists, setActionsSecret } from './secrets/api.js';
export type { SecretPlace, SetActionsSecretOptions, SetActionsSecretResult } from './secrets/api.js';
export { SecretsError, type SecretsErrorKind } from './secrets/errors.js';
export { DEFAULT_SECRET_NAME, validateSecretName } from './secrets/name.js';
