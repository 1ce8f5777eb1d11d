import { checksFor } from '../checks/list.js';
import { withTraceHint } from '../checks/trace-hint.js';
import type { ImageTarget } from '../destination/image.js';
import type { RepoTarget, Report } from '../types.js';
import { gatherEvidence, type TargetOptions } from './gather.js';
import { targetReport } from './report.js';
import { runChecks } from './run-checks.js';
import type { Session } from './session.js';

/**
 * One repository, within a session (session.ts): its requests start at once and become the evidence record
 * (gather.ts), the checks of the profile judge it (run-checks.ts: the ten, plus `token.capabilities` for a profile
 * other than `push`), and the findings become the report with its capability table (report.ts).
 */
export async function checkTarget(session: Session, target: RepoTarget, image: ImageTarget, options: TargetOptions = {}): Promise<Report> {
  const { evidence, advice } = gatherEvidence(session, target, image, options);
  const [judged, githubToken] = await Promise.all([runChecks(checksFor(session.settings.profile.id), evidence, options.onProgress), advice]);
  return targetReport(evidence, withTraceHint(judged, evidence.words), githubToken, session.settings);
}
