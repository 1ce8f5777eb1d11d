import type { Assessment } from '../capabilities/assess.js';
import { type Evidence, linksOf } from '../checks/check.js';
import type { ImageTarget } from '../destination/image.js';
import { readLogin, readPush } from '../evidence/registry.js';
import { readRepo } from '../evidence/repo.js';
import type { ApiOutcome } from '../github/client.js';
import { registryLogin } from '../registry/login.js';
import { probePush } from '../registry/upload.js';
import { OPTION_WORDS } from '../settings.js';
import type { GithubTokenAdvice, RepoTarget } from '../types.js';
import { adviseGithubToken } from './advise-github-token.js';
import { assessTarget, rows } from './assess-target.js';
import type { CheckTokenDeps } from './options.js';
import { apiClient, fetchStack, probeDeps, type Session } from './session.js';

/**
 * The pipeline's third step: every request of one target starts at once (only the registry's token → upload → cancel
 * is a chain), and each answer is read once, as it arrives, into the evidence record the checks judge.
 */

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

/** What one target's requests produced: the evidence record, and the GITHUB_TOKEN advice built beside it. */
export interface Gathered {
  evidence: Evidence;
  /** Never rejects: the advice is extra, never at the cost of the report. */
  advice: Promise<GithubTokenAdvice | null>;
}

export function gatherEvidence(session: Session, target: RepoTarget, image: ImageTarget, options: TargetOptions = {}): Gathered {
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
  // The evidence record (evidence/record.ts): each answer read once, as it arrives; everything after judges these.
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
  return { evidence, advice };
}
