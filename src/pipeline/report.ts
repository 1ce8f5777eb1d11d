import { malformedCapabilities } from './assess-target.js';
import { checksFor } from '../checks/list.js';
import { expiresAtOf } from '../checks/token-expiry.js';
import type { Evidence } from '../checks/check.js';
import type { ImageTarget } from '../destination/image.js';
import { hasScopes, type TokenShape } from '../token/recognize.js';
import type { Finding, GithubTokenAdvice, RepoTarget, Report } from '../types.js';
import type { CheckTokenDeps } from './options.js';
import { skipAllBut } from './run-checks.js';
import type { RunSettings } from './validate.js';
import { verdictOf } from './verdict.js';

/** The pipeline's last step: the findings, the capability table and the advice become the report. */

/** One target's report from its judged findings and the evidence they judged. */
export async function targetReport(evidence: Evidence, checks: Finding[], githubToken: GithubTokenAdvice | null, settings: RunSettings): Promise<Report> {
  const [assessment, user] = await Promise.all([evidence.assessment, evidence.user]);
  const classicLike = hasScopes(evidence.shape);
  return {
    ...reportHeader(evidence.target, evidence.image, settings),
    verdict: verdictOf(checks),
    token: { kind: evidence.shape.kind, login: user.login, scopes: classicLike ? (user.scopes ?? []) : [], expiresAt: expiresAtOf(user) },
    checks,
    profile: evidence.profile.id,
    capabilities: assessment.capabilities,
    githubToken,
  };
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

function reportHeader(target: RepoTarget, image: ImageTarget, settings: RunSettings): Pick<Report, 'schemaVersion' | 'target'> {
  return {
    schemaVersion: 1,
    target: { repository: `${target.owner}/${target.name}`, image: image.reference, apiUrl: settings.apiUrl, registry: settings.registry.host },
  };
}
