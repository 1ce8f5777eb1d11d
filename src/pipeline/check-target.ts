import { DEFAULT_EXPIRY_WARN_DAYS } from '../checks/token-expiry.js';
import { unsafeTextReason } from '../destination/parse.js';
import type { CheckTokenDeps, CheckTokenOptions } from './options.js';
import type { Assessment } from '../capabilities/assess.js';
import type { ProbeDeps, ProbeRequest } from '../capabilities/run-probes.js';
import { type Profile, PROFILE_IDS, profileById } from '../capabilities/profiles.js';
import { adviseGithubToken, assessTarget, createProbePacer, malformedCapabilities, probeRequest, rows } from './assess-target.js';
import { checksFor } from '../checks/list.js';
import { runChecks, skipAllBut } from './run-checks.js';
import { withTraceHint } from '../checks/trace-hint.js';
import { expiresAtOf } from '../checks/token-expiry.js';
import { judgeTokenFormat } from '../checks/token-format.js';
import { type Evidence, type ImageTarget, type Links, linksOf } from '../checks/types.js';
import { verdictOf } from './verdict.js';
import { UsageError } from '../errors.js';
import { readLogin, readPush } from '../evidence/registry.js';
import { readRepo } from '../evidence/repo.js';
import { readUser, type UserRecord } from '../evidence/user.js';
import { type ApiOutcome, createApiGet, createApiRequest } from '../github/client.js';
import { createGuardedFetch } from '../http/guarded-fetch.js';
import { defaultFetch } from '../http/node-fetch.js';
import { NetError } from '../http/net-error.js';
import { originOf } from '../http/origin.js';
import { recordExchanges } from '../http/record.js';
import { urlOf } from '../http/response.js';
import { withRetries } from '../http/retry.js';
import { probePush, registryLogin } from '../registry/client.js';
import { createRegistryMemo, type RegistryMemo } from '../registry/memo.js';
import { MAX_TIMEOUT_SECONDS, OPTION_WORDS } from '../settings.js';
import { parseApiUrl, parseRegistry } from '../destination/endpoints.js';
import { parseRepoTarget } from '../destination/parse.js';
import { decideEndpoints, unconfirmedReason } from '../destination/trust.js';
import { hasScopes, looksLikeToken, recognizeToken, type TokenShape } from '../token/recognize.js';
import type { Finding, RepoTarget, Report } from '../types.js';
import { VERSION } from '../version.js';

/**
 * The one evidence → checks → report pipeline behind `checkToken()` and `checkTokenMany()`. A session holds what is
 * per token (its shape, the single `GET /user`, what the run learnt about the registry); `checkTarget()` adds what is
 * per repository (`GET /repos/{owner}/{repo}` and the registry chain token → upload → cancel) and judges.
 */

// OCI name grammar for one or more path components (ledger ghcr §3.1), lower case only.
const IMAGE_NAME = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;

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
 * Validates and completes the options for targets on `host`; every problem is a one-line UsageError. Endpoints are
 * derived from `host` only when it is GitHub's own (destination/trust.ts); a forge or a typo is refused, and any other
 * host needs `apiUrl` on it (a GitHub Enterprise Server the caller names): nothing is sent before this passes.
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

export function resolveTarget(repository: string | RepoTarget): RepoTarget {
  const text = typeof repository === 'string' ? repository : `${repository.host}/${repository.owner}/${repository.name}`;
  if (looksLikeToken(text) || text.split(/[/:@]/).some(looksLikeToken)) throw new UsageError(TOKEN_AS_NAME('repository'));
  return typeof repository === 'string' ? unwrap(parseRepoTarget(repository)) : repository;
}

/**
 * A name that is a token, refused without being repeated: lower-cased into an image name, the runner's mask would no
 * longer hide it, and it would be printed in the log, the job summary and the JSON report.
 */
const TOKEN_AS_NAME = (what: string): string =>
  `the ${what} looks like a token, not a name; pass the token as the token, never as a name (and revoke it if it was shared)`;

export function imageTarget(target: RepoTarget, image: string | undefined, registryHost: string): ImageTarget {
  const name = image ?? target.name;
  if (name.split('/').some(looksLikeToken)) throw new UsageError(TOKEN_AS_NAME('image name'));
  // Never echo a control character (a terminal escape) or a look-alike letter back; name what is wrong instead.
  const unsafe = unsafeTextReason(name, 'image name', 'use lower-case letters, digits and . _ -');
  if (unsafe) throw new UsageError(unsafe);
  const given = `${target.owner}/${name}`;
  const path = given.toLowerCase();
  if (!IMAGE_NAME.test(path)) {
    throw new UsageError(`"${name}" cannot be a container image name: use lower-case letters, digits, and . _ - separators`);
  }
  return { path, reference: `${registryHost}/${path}`, loweredFrom: path === given ? null : `${registryHost}/${given}` };
}

/** One token checked against one API and one registry: shared by every target of a run. */
export interface Session {
  settings: RunSettings;
  shape: TokenShape;
  webUrl: string;
  /** The API's and the registry's origins: the only places the token goes (http/origin.ts). */
  credentialOrigins: string[];
  deps: CheckTokenDeps;
  /** The single `GET /user` of the run, started when the session opens. */
  user: Promise<ApiOutcome>;
  /** That answer read once into the evidence record's first part (evidence/user.ts), for every target of the run. */
  userRecord: Promise<UserRecord>;
  memo: RegistryMemo;
  now: Date;
  /** Sees the headers of every answer from the API host (the rate gate reads `x-ratelimit-*` there). */
  observe?: (headers: Headers) => void;
  /** Keeps the capability probes of every target of the run serial and a second apart. */
  pacer: ReturnType<typeof createProbePacer>;
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

/** Opens a session and starts `GET /user` at once. Call only for a well-formed token (see `formatProblem`). */
export function openSession(settings: RunSettings, deps: CheckTokenDeps, observe?: (headers: Headers) => void): Session {
  // The token goes to these two origins (scheme, host and port) and nowhere else.
  const credentialOrigins = [originOf(settings.apiUrl), originOf(settings.registry.origin)];
  const partial = {
    settings,
    shape: settings.shape,
    webUrl: settings.webUrl,
    credentialOrigins,
    deps,
    memo: createRegistryMemo(),
    now: (deps.now ?? (() => new Date()))(),
    pacer: createProbePacer(),
    ...(observe ? { observe } : {}),
  };
  const user = apiClient(partial)('/user');
  return { ...partial, user, userRecord: user.then(readUser) };
}

type StackInputs = Pick<Session, 'settings' | 'deps' | 'credentialOrigins' | 'observe'>;
type ClientInputs = { settings: RunSettings };

/**
 * A fetch stack for one unit of work (the identity call, or one target) with its own overall deadline, retries
 * included. Every stack sits on the same underlying `fetch`, so connections are pooled per origin for the whole run.
 */
function fetchStack(session: StackInputs): typeof globalThis.fetch {
  const { deps, settings, observe } = session;
  const deadline = AbortSignal.timeout(settings.timeoutMs * 3 + 5000);
  const signal = deps.signal ? AbortSignal.any([deadline, deps.signal]) : deadline;
  const base = deps.fetch ?? defaultFetch();
  const apiOrigin = new URL(settings.apiUrl).origin;
  const seen: typeof globalThis.fetch = observe
    ? async (input, init) => {
        const response = await base(input, init);
        if (new URL(urlOf(input)).origin === apiOrigin) observe(response.headers);
        return response;
      }
    : base;
  const guarded = createGuardedFetch({
    fetch: deps.onExchange ? recordExchanges(seen, deps.onExchange) : seen,
    credentialOrigins: session.credentialOrigins,
    timeoutMs: settings.timeoutMs,
    signal,
    ...(deps.onHttp ? { onHttp: deps.onHttp } : {}),
  });
  return withRetries(released(guarded), { signal, ...(deps.onRetry ? { onRetry: deps.onRetry } : {}), ...(deps.now ? { now: deps.now } : {}) });
}

/**
 * Node's fetch (undici) puts a kept-alive connection back in its pool only after the task that read the last body byte
 * has ended; a request sent from that same task (the next link of a chain) opens a second connection instead, which
 * over TLS costs two more round trips. One turn of the event loop after each answer keeps the chain on one connection.
 */
function released(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    await new Promise<void>((resolve) => setImmediate(resolve));
    return response;
  };
}

function apiClient(session: StackInputs, fetch = fetchStack(session)) {
  return createApiGet(clientOptions(session, fetch));
}

function clientOptions(session: ClientInputs, fetch: typeof globalThis.fetch) {
  return { apiUrl: session.settings.apiUrl, token: session.settings.token, fetch, userAgent: `crpat/${VERSION}` };
}

export interface TargetOptions {
  onProgress?: CheckTokenDeps['onProgress'];
  /**
   * Sends `GET /repos/{owner}/{repo}` when called, or answers without a request (the rate gate's verdict, or the
   * identity call's 401 reused). @default send it at once
   */
  repoCall?: (send: () => Promise<ApiOutcome>) => Promise<ApiOutcome>;
  /**
   * Sends any further API request of the target (capability probes, the package read of the GITHUB_TOKEN advice), or
   * answers without one (the rate gate's verdict). @default send it at once
   */
  apiCall?: (send: () => Promise<ApiOutcome>) => Promise<ApiOutcome>;
}

/**
 * Starts the per-repository requests at once, runs the checks of the profile (the ten, plus `token.capabilities` for
 * a profile other than `push`), and builds the report with its capability table.
 */
export async function checkTarget(session: Session, target: RepoTarget, image: ImageTarget, options: TargetOptions = {}): Promise<Report> {
  const { settings } = session;
  const profile = settings.profile;
  const fetch = fetchStack(session);
  const api = apiClient(session, fetch);
  const registryClient = {
    origin: settings.registry.origin,
    host: settings.registry.host,
    fetch,
    token: settings.token,
    credentialOrigins: session.credentialOrigins,
    memo: session.memo,
  };
  // Every independent request starts now; only registry token → upload → cancel is a chain.
  const loginOutcome = registryLogin(registryClient, image.path);
  const sendRepo = () => api('/repos/{owner}/{repo}', { owner: target.owner, repo: target.name });
  const repoOutcome = options.repoCall ? options.repoCall(sendRepo) : sendRepo();
  const pushOutcome = loginOutcome.then((outcome) => (outcome.kind === 'token' || outcome.kind === 'anonymous' ? probePush(registryClient, image.path, outcome) : null));
  // The evidence record (evidence/record.ts): each answer read once, as it arrives; everything below judges these.
  const user = session.userRecord;
  const repo = repoOutcome.then(readRepo);
  const login = loginOutcome.then(readLogin);
  const push = pushOutcome.then(readPush);
  const gated = options.apiCall ?? ((send: () => Promise<ApiOutcome>) => send());
  const capabilityInputs = { profile, shape: session.shape, target, user, repo, push };
  const evidence: Evidence = {
    shape: session.shape,
    target,
    image,
    registryHost: settings.registry.host,
    webUrl: session.webUrl,
    now: session.now,
    expiryWarnDays: settings.expiryWarnDays,
    profile,
    workflowRepository: settings.workflowRepository,
    words: session.deps.settingWords ?? OPTION_WORDS,
    user,
    repo,
    login,
    push,
    // Never rejects: a bug in the assessment must not hide the ten checks' answers.
    assessment: assessTarget(capabilityInputs, probeDeps(session, gated), session.pacer.serial).catch(
      (error: unknown): Assessment => ({ capabilities: rows(profile, null, null, `not assessed (${error instanceof Error ? error.message : String(error)})`), probes: [] }),
    ),
  };
  const advice = adviseGithubToken(
    { workflowRepository: settings.workflowRepository, shape: session.shape, target, links: linksOf(evidence).target, user, repo, push },
    (path) => gated(() => api(path)),
  ).catch(() => null); // advice is extra: never at the cost of the report
  const [judged, assessment, githubToken, userSeen] = await Promise.all([runChecks(checksFor(profile.id), evidence, options.onProgress), evidence.assessment, advice, user]);
  const checks = withTraceHint(judged);
  const classicLike = hasScopes(session.shape);
  return {
    ...reportHeader(target, image, settings),
    verdict: verdictOf(checks),
    token: { kind: session.shape.kind, login: userSeen.login, scopes: classicLike ? (userSeen.scopes ?? []) : [], expiresAt: expiresAtOf(userSeen) },
    checks,
    profile: profile.id,
    capabilities: assessment.capabilities,
    githubToken,
  };
}

/**
 * The probes' client: a fetch stack of their own (own deadline; POSTs are never retried, http/retry.ts), each request
 * through the run's gate, each POST a second after the last one of the run.
 */
function probeDeps(session: Session, gated: (send: () => Promise<ApiOutcome>) => Promise<ApiOutcome>): ProbeDeps {
  // Built on the first probe: most runs send none.
  let request: ProbeRequest | null = null;
  const build = (): ProbeRequest => {
    const call = createApiRequest(clientOptions(session, fetchStack(session)));
    return session.pacer.paced(probeRequest((method, route, params) => gated(() => call(method, route, params))));
  };
  return { request: (method, path, body) => (request ??= build())(method, path, body) };
}

/** The report of a malformed token: the format finding, every other check skipped, nothing sent. */
export function malformedReport(
  shape: TokenShape,
  format: Finding,
  target: RepoTarget,
  image: ImageTarget,
  settings: RunSettings,
  onProgress?: CheckTokenDeps['onProgress'],
): Report {
  const checks = skipAllBut(checksFor(settings.profile.id), format, onProgress);
  return {
    ...reportHeader(target, image, settings),
    verdict: verdictOf(checks),
    token: { kind: shape.kind, login: null, scopes: [], expiresAt: null },
    checks,
    profile: settings.profile.id,
    capabilities: malformedCapabilities(settings.profile),
    githubToken: null,
  };
}

/** An answer for a request that was deliberately not sent: undecided, with the reason, never a failure. */
export function notSent(reason: string): ApiOutcome {
  return { kind: 'network', error: new NetError('aborted', reason) };
}

function reportHeader(target: RepoTarget, image: ImageTarget, settings: RunSettings): Pick<Report, 'schemaVersion' | 'target'> {
  return {
    schemaVersion: 1,
    target: { repository: `${target.owner}/${target.name}`, image: image.reference, apiUrl: settings.apiUrl, registry: settings.registry.host },
  };
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!result.ok) throw new UsageError(result.reason);
  return result.value;
}
