import type { CheckTokenDeps, CheckTokenOptions } from './check-api.js';
import { CHECKS } from './checks/list.js';
import { webUrlFor } from './checks/links.js';
import { runChecks, skipAllBut } from './checks/runner.js';
import { expiresAtOf } from './checks/token-expiry.js';
import { judgeTokenFormat } from './checks/token-format.js';
import { scopesOf } from './checks/token-scopes.js';
import { loginOf } from './checks/token-valid.js';
import type { Evidence, ImageTarget } from './checks/types.js';
import { verdictOf } from './checks/verdict.js';
import { UsageError } from './errors.js';
import { createApiGet } from './github/client.js';
import { createGuardedFetch } from './http/guarded-fetch.js';
import { withRetries } from './http/retry.js';
import { probePush, registryLogin } from './registry/client.js';
import { defaultEndpoints, parseApiUrl, parseRegistry } from './target/endpoints.js';
import { parseRepoTarget } from './target/parse.js';
import { recognizeToken } from './token/recognize.js';
import type { Finding, RepoTarget, Report } from './types.js';
import { VERSION } from './version.js';

// OCI name grammar for one or more path components (facts ghcr §3.1), lower case only.
const IMAGE_NAME = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;

/**
 * Checks whether `options.token` can push container images for `options.repository`, and why not.
 * Resolves with the report `crpat check --json` prints; rejects only with `UsageError` for bad input.
 *
 * @example
 * const report = await checkToken({ repository: 'acme/api', token: process.env.CR_PAT ?? '' });
 * if (report.verdict !== 'pass') console.log(report.checks.filter((c) => c.status === 'fail'));
 */
export async function checkToken(options: CheckTokenOptions, deps: CheckTokenDeps = {}): Promise<Report> {
  const settings = resolveSettings(options);
  const { target, image, apiUrl, registry, token } = settings;
  const shape = recognizeToken(token);
  const webUrl = webUrlFor(target.host);
  const header = {
    schemaVersion: 1 as const,
    target: { repository: `${target.owner}/${target.name}`, image: image.reference, apiUrl, registry: registry.host },
  };
  const formatFinding = judgeTokenFormat(shape, webUrl);
  if (formatFinding.status === 'fail') {
    const checks = skipAllBut(CHECKS, formatFinding, deps.onProgress);
    return { ...header, verdict: verdictOf(checks), token: { kind: shape.kind, login: null, scopes: [], expiresAt: null }, checks };
  }

  // The token goes to these two hosts and nowhere else.
  const credentialHosts = [new URL(apiUrl).hostname.toLowerCase(), new URL(registry.origin).hostname.toLowerCase()];
  // An overall deadline bounds the whole run, retries included.
  const deadline = AbortSignal.timeout(settings.timeoutMs * 3 + 5000);
  const signal = deps.signal ? AbortSignal.any([deadline, deps.signal]) : deadline;
  const guarded = createGuardedFetch({
    fetch: deps.fetch ?? globalThis.fetch,
    credentialHosts,
    timeoutMs: settings.timeoutMs,
    signal,
    ...(deps.onHttp ? { onHttp: deps.onHttp } : {}),
  });
  const fetch = withRetries(guarded, { signal, ...(deps.onRetry ? { onRetry: deps.onRetry } : {}) });
  const api = createApiGet({ apiUrl, token, fetch, userAgent: `crpat/${VERSION}` });
  const registryClient = { origin: registry.origin, host: registry.host, fetch, token, credentialHosts };

  // Every independent request starts now; only registry token → upload → cancel is a chain.
  const login = registryLogin(registryClient, image.path);
  const evidence: Evidence = {
    shape,
    target,
    image,
    registryHost: registry.host,
    webUrl,
    now: (deps.now ?? (() => new Date()))(),
    user: api('/user'),
    repo: api('/repos/{owner}/{repo}', { owner: target.owner, repo: target.name }),
    login,
    push: login.then((outcome) => (outcome.kind === 'token' || outcome.kind === 'anonymous' ? probePush(registryClient, image.path, outcome) : null)),
  };
  const checks = await runChecks(CHECKS, evidence, deps.onProgress);
  const user = await evidence.user;
  const classicLike = shape.kind === 'classic' || shape.kind === 'oauth';
  return {
    ...header,
    verdict: verdictOf(checks),
    token: { kind: shape.kind, login: loginOf(user), scopes: classicLike ? scopesOf(user) : [], expiresAt: expiresAtOf(user) },
    checks: checks satisfies Finding[],
  };
}

interface Settings {
  target: RepoTarget;
  image: ImageTarget;
  apiUrl: string;
  registry: { origin: string; host: string };
  token: string;
  timeoutMs: number;
}

/** Validates and completes the options; every problem is a one-line UsageError. */
function resolveSettings(options: CheckTokenOptions): Settings {
  const target = typeof options.repository === 'string' ? unwrap(parseRepoTarget(options.repository)) : options.repository;
  const token = options.token.trim();
  if (token === '') throw new UsageError('no token given: set CR_PAT, pass --token-stdin, or run in a terminal to be asked');
  const defaults = defaultEndpoints(target.host);
  const apiUrl = unwrap(parseApiUrl(options.apiUrl ?? defaults.apiUrl)).href.replace(/\/$/, '');
  const registry = unwrap(parseRegistry(options.registry ?? defaults.registry));
  const seconds = options.timeoutSeconds ?? 10;
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds, not ${seconds}`);
  return { target, token, apiUrl, registry, image: imageTarget(target, options.image, registry.host), timeoutMs: Math.round(seconds * 1000) };
}

function imageTarget(target: RepoTarget, image: string | undefined, registryHost: string): ImageTarget {
  const given = `${target.owner}/${image ?? target.name}`;
  const path = given.toLowerCase();
  if (!IMAGE_NAME.test(path)) {
    throw new UsageError(`"${image ?? target.name}" cannot be a container image name: use lower-case letters, digits, and . _ - separators`);
  }
  return { path, reference: `${registryHost}/${path}`, loweredFrom: path === given ? null : `${registryHost}/${given}` };
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!result.ok) throw new UsageError(result.reason);
  return result.value;
}
