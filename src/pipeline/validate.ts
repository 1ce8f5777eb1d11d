import { type Profile, PROFILE_IDS, profileById } from '../capabilities/profiles.js';
import { type Links, linksOf } from '../checks/check.js';
import { DEFAULT_EXPIRY_WARN_DAYS } from '../checks/token-expiry.js';
import { judgeTokenFormat } from '../checks/token-format.js';
import { parseApiUrl, parseRegistry } from '../destination/endpoints.js';
import { type ImageTarget, parseImageTarget } from '../destination/image.js';
import { parseRepoTarget } from '../destination/parse.js';
import { tokenAsName } from '../destination/unsafe-text.js';
import { decideEndpoints, unconfirmedReason } from '../destination/trust.js';
import { UsageError } from '../errors.js';
import type { Result } from '../result.js';
import { MAX_TIMEOUT_SECONDS } from '../settings.js';
import { recognizeToken, type TokenShape } from '../token/recognize.js';
import { looksLikeToken } from '../token/looks-like-token.js';
import type { Finding, RepoTarget } from '../types.js';
import type { CheckTokenOptions } from './options.js';

/**
 * The pipeline's first step: everything a caller passed is validated and completed before anything is sent. Every
 * problem is a one-line UsageError; a malformed token is the one problem that still gets a report (`formatProblem`).
 */

/** Where the token goes and how long each request may take: the same for every target of a run. */
export interface RunSettings {
  /** Trimmed. */
  token: string;
  /** What the token is, recognised once per run. */
  shape: TokenShape;
  apiUrl: string;
  registry: { origin: string; host: string };
  /** The web root the links name: the trusted GitHub host (github.com, SUB.ghe.com, or a named Enterprise Server). */
  webUrl: string;
  timeoutMs: number;
  /** What the token is checked for (`--for`). */
  profile: Profile;
  /** `owner/name` of the workflow's repository; null when not given (no GITHUB_TOKEN advice). */
  workflowRepository: string | null;
  /** `token.expiry` warns within this many days. */
  expiryWarnDays: number;
}

type SettingsInput = Pick<CheckTokenOptions, 'token' | 'apiUrl' | 'registry' | 'timeoutSeconds' | 'profile' | 'workflowRepository' | 'expiryWarnDays'>;

const OWNER_NAME = /^[A-Za-z0-9_-]+\/[A-Za-z0-9._-]+$/;

/**
 * Validates and completes the options for targets on `host`. Endpoints are derived from `host` only when it is
 * GitHub's own (destination/trust.ts); a forge or a typo is refused, and any other host needs `apiUrl` on it (a GitHub
 * Enterprise Server the caller names).
 */
export function resolveRunSettings(options: SettingsInput, host: string): RunSettings {
  const decision = decideEndpoints({ host, apiUrl: options.apiUrl ?? null, registry: options.registry ?? null, enterpriseHost: null }, 'apiUrl');
  if (decision.kind === 'refused') throw new UsageError(decision.reason);
  if (decision.kind === 'unconfirmed') throw new UsageError(unconfirmedReason(host, decision.apiUrl, 'apiUrl'));
  const token = options.token.trim();
  if (token === '') throw new UsageError('no token given: the token option is empty');
  const apiUrl = unwrap(parseApiUrl(decision.apiUrl)).href.replace(/\/$/, '');
  const registry = unwrap(parseRegistry(decision.registry));
  const seconds = options.timeoutSeconds ?? 10;
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new UsageError(`timeoutSeconds must be a positive number of seconds, at most ${MAX_TIMEOUT_SECONDS}, not ${seconds}`);
  }
  const profile = profileById(options.profile ?? 'push');
  if (!profile) throw new UsageError(`unknown profile ${JSON.stringify(String(options.profile)).slice(0, 40)}: use ${PROFILE_IDS.join(' or ')}`);
  const workflow = options.workflowRepository;
  if (workflow !== undefined && !OWNER_NAME.test(workflow)) throw new UsageError('workflowRepository must be owner/name, as GITHUB_REPOSITORY is');
  const warnDays = options.expiryWarnDays ?? DEFAULT_EXPIRY_WARN_DAYS;
  if (!Number.isFinite(warnDays) || warnDays < 0) throw new UsageError(`expiryWarnDays must be a number of days (0 or more), not ${warnDays}`);
  return { token, shape: recognizeToken(token), apiUrl, registry, webUrl: decision.webUrl, timeoutMs: Math.round(seconds * 1000), profile, workflowRepository: workflow ?? null, expiryWarnDays: warnDays };
}

/**
 * The options' shape, for a JavaScript caller the types do not reach: a missing or mistyped option is a one-line
 * UsageError ("rejects only with UsageError for bad input"), not a TypeError from deep inside the pipeline.
 */
export function assertOptionShape(options: unknown, targets: 'repository' | 'repositories'): void {
  if (typeof options !== 'object' || options === null) throw new UsageError(`the options must be an object: { ${targets}, token }`);
  const o = options as Record<string, unknown>;
  const target = o[targets];
  if (targets === 'repositories' ? !Array.isArray(target) : typeof target !== 'string' && !isRepoTarget(target)) {
    throw new UsageError(`the ${targets} option ${target === undefined ? 'is missing' : 'must be ' + (targets === 'repositories' ? 'an array of repositories' : 'a string such as owner/name, or { host, owner, name }')}`);
  }
  if (typeof o.token !== 'string') throw new UsageError(`the token option ${o.token === undefined ? 'is missing' : 'must be a string'}`);
  for (const key of ['apiUrl', 'registry', 'image', 'profile', 'workflowRepository']) {
    if (o[key] !== undefined && typeof o[key] !== 'string') throw new UsageError(`the ${key} option must be a string`);
  }
  for (const key of ['timeoutSeconds', 'expiryWarnDays', 'concurrency']) {
    if (o[key] !== undefined && typeof o[key] !== 'number') throw new UsageError(`the ${key} option must be a number`);
  }
}

/** A parsed target as `checkToken()` accepts one instead of a string: `{ host, owner, name }`, each a string. */
function isRepoTarget(value: unknown): value is RepoTarget {
  if (typeof value !== 'object' || value === null) return false;
  const { host, owner, name } = value as Record<string, unknown>;
  return typeof host === 'string' && typeof owner === 'string' && typeof name === 'string';
}

/** The repository, in any form `--repo` accepts or already parsed; a token given as one is refused unrepeated. */
export function resolveTarget(repository: string | RepoTarget): RepoTarget {
  const text = typeof repository === 'string' ? repository : `${repository.host}/${repository.owner}/${repository.name}`;
  if (looksLikeToken(text) || text.split(/[/:@]/).some(looksLikeToken)) throw new UsageError(tokenAsName('repository'));
  return typeof repository === 'string' ? unwrap(parseRepoTarget(repository)) : repository;
}

/** The image of a target (`image`, else the repository's name) on the run's registry. */
export function resolveImage(target: RepoTarget, image: string | undefined, settings: RunSettings): ImageTarget {
  return unwrap(parseImageTarget(target, image, settings.registry.host));
}

/** The token's own finding when its shape is wrong: then nothing is sent anywhere. */
export function formatProblem(shape: TokenShape, links: Links): Finding | null {
  const finding = judgeTokenFormat(shape, links);
  return finding.status === 'fail' ? finding : null;
}

/** The links of one target's report (web root, owner, repository, image, profile). */
export function linksFor(target: RepoTarget, image: ImageTarget, settings: RunSettings): Links {
  return linksOf({ webUrl: settings.webUrl, target, image, profile: settings.profile });
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new UsageError(result.reason);
  return result.value;
}
