import type { ProgressEvent } from './run-checks.js';
import type { HttpTraceEvent } from '../http/guarded-fetch.js';
import type { ExchangeSink } from '../http/record.js';
import type { RetryEvent } from '../http/retry.js';
import type { SettingWords } from '../settings.js';
import type { ProfileId, RepoTarget, Report } from '../types.js';

// The events are declared by the layer that emits them; the library's public options name them from here.
export type { HttpTraceEvent, ProgressEvent, RetryEvent, SettingWords };

/** What every check call takes besides its target(s). */
export interface CheckTokenCommonOptions {
  /** The token to check. Surrounding white space is trimmed. Never logged. */
  token: string;
  /** REST API base URL. @default `https://api.github.com`, or derived from an Enterprise host */
  apiUrl?: string;
  /** Registry `host[:port]`, or `http://host:port` for a loopback host. @default `ghcr.io`, or derived */
  registry?: string;
  /** Per-request timeout in seconds, at most 3600. @default 10 */
  timeoutSeconds?: number;
  /**
   * What the token must be able to do (`crpat check --for`). `push`: push images, the ten checks. `deploy`: also the
   * tutorial's repository permissions (Contents, Metadata, Actions, Deployments, Environments), judged by an
   * eleventh check, `token.capabilities`; for a fine-grained token this sends requests that GitHub refuses by its
   * permission check or by validation, one at a time, a second apart. `report.capabilities` lists the profile's rows.
   * @default 'push'
   */
  profile?: ProfileId;
  /**
   * `owner/name` of the repository whose GitHub Actions workflow will use the token (the CLI reads
   * `GITHUB_REPOSITORY` inside Actions). When it is the target, `report.githubToken` says whether the workflow's own
   * `GITHUB_TOKEN` with `permissions: packages: write` can replace the personal token, and when it cannot; for a
   * classic or OAuth token with `read:packages` that reads the package (one GET).
   * @default none: no advice
   */
  workflowRepository?: string;
  /**
   * `token.expiry` warns when the token expires within this many days (the Action's `warn-days` input).
   * @default 7
   */
  expiryWarnDays?: number;
}

/** Input of `checkToken()`. */
export interface CheckTokenOptions extends CheckTokenCommonOptions {
  /** The repository: any form `--repo` accepts (`owner/name`, a URL, an SSH remote), or a parsed target. */
  repository: string | RepoTarget;
  /** The container package to probe. @default the repository's name */
  image?: string;
}

/** Side effects of `checkToken()`, injectable for tests. */
export interface CheckTokenDeps {
  /** @default crpat's keep-alive `node:http`/`node:https` transport (createNodeFetch) */
  fetch?: typeof globalThis.fetch;
  /** @default () => new Date() */
  now?: () => Date;
  onProgress?: (event: ProgressEvent) => void;
  onHttp?: (event: HttpTraceEvent) => void;
  /** Told before a GET is retried (5xx, reset, timeout, short Retry-After), so the wait can be said out loud. */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Told every exchange in full, unredacted, as it crossed the wire (each redirect hop and retry once), for
   * `--trace`: pass it through `buildTrace()` before it is written anywhere.
   */
  onExchange?: ExchangeSink;
  signal?: AbortSignal;
  /**
   * How findings name a setting worth checking (the API's address, the registry's, the timeout), for a caller that
   * offers them under its own names: the CLI passes its flags (`--api-url`), the Action its inputs.
   * @default this library's options: `the apiUrl option`, `the registry option`, `the timeoutSeconds option`
   */
  settingWords?: SettingWords;
}

/** Input of `checkTokenMany()`: one token, several repositories. */
export interface CheckTokenManyOptions extends CheckTokenCommonOptions {
  /**
   * The repositories, in any form `--repo` accepts; all on one GitHub host (a token belongs to one). A repository
   * listed twice is checked once. At most 1,000.
   */
  repositories: readonly (string | RepoTarget)[];
  /**
   * The container package to probe. Only with a single repository: several repositories each have their own package,
   * so `image` with more than one is a `UsageError`. @default each repository's name
   */
  image?: string;
  /**
   * Repositories checked at once when the rate-limit budget is ample; fewer as `x-ratelimit-remaining` falls.
   * Clamped to 1–100 (GitHub treats more than 100 concurrent requests as abuse). @default 10
   */
  concurrency?: number;
}

/** Side effects of `checkTokenMany()`: those of `checkToken()`, with a result per repository instead of per check. */
export interface CheckTokenManyDeps extends Omit<CheckTokenDeps, 'onProgress'> {
  /** Told as each repository's report is ready (in completion order; `index` is its place in `results`). */
  onResult?: (report: Report, index: number) => void;
}
