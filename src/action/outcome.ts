import type { Finding, Report } from '../types.js';
import { guideCommand } from '../checks/guide.js';
import { annotation } from './commands.js';

/**
 * How a report ends the step. The runner knows only zero and non-zero, so the Action uses 1 for every "not a pass"
 * (the CLI's 3 for inconclusive would look different in the log and act the same): fail → 1; inconclusive → 1,
 * because a gate that could not verify the token must not wave the push through; with `fail-on: warn`, any warning
 * → 1. The `verdict` output keeps the three-way answer for workflows that want `continue-on-error` and an `if:`.
 */
export function exitCodeFor(report: Report, failOn: 'fail' | 'warn'): 0 | 1 {
  if (report.verdict !== 'pass') return 1;
  return failOn === 'warn' && report.checks.some((c) => c.status === 'warn') ? 1 : 0;
}

/** One annotation per failing, undecided or warning check, and one for `fail-on: warn` when it decides. */
export function annotationsFor(report: Report, failOn: 'fail' | 'warn'): string {
  const lines = report.checks.map((finding) => {
    switch (finding.status) {
      case 'fail':
        return annotation('error', finding.id, message(finding));
      case 'error':
        return annotation('error', finding.id, `Could not be decided: ${message(finding)}`);
      case 'warn':
        return annotation('warning', finding.id, message(finding));
      default:
        return '';
    }
  });
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  if (failOn === 'warn' && warned > 0 && report.verdict === 'pass') {
    const checks = warned === 1 ? '1 check warned' : `${warned} checks warned`;
    lines.push(annotation('error', 'fail-on: warn', `The token can push to ${report.target.image}, but ${checks} and fail-on is warn.`));
  }
  if (report.verdict === 'inconclusive') {
    lines.push(annotation('error', 'crpat', `Could not decide whether this token can push to ${report.target.image}; the step fails rather than let an unverified token through. Re-run it, or see the checks above.`));
  }
  return lines.join('');
}

/**
 * `summary — fix` on one line, then on the next the finding's guide step (issue 14), in the form that runs without an
 * install. A line of its own: run on after a fix that ends with a link, it read as part of the link's sentence.
 */
function message(finding: Finding): string {
  const text = finding.fix === null ? finding.summary : `${finding.summary} — ${finding.fix}`;
  const step = guideStepOf(finding);
  return step === undefined ? text : `${text}\n${runnerGuideLine(step)}`;
}

/** The guide step a finding points to (`sso` for `Guide: crpat guide sso`), if any. */
export function guideStepOf(finding: Finding): string | undefined {
  return finding.details.map((detail) => GUIDE_LINE.exec(detail)?.[1]).find((anchor) => anchor !== undefined);
}

/** The `Guide: crpat guide <step>` detail line of a failing finding (src/checks/guide.ts). */
const GUIDE_LINE = /^Guide: crpat guide ([a-z0-9-]+)$/;

/** On a runner crpat is not installed: the guide opens with npx. */
export const runnerGuideCommand = (step: string): string => `npx ${guideCommand(step)}`;
const runnerGuideLine = (step: string): string => `Guide: ${runnerGuideCommand(step)}`;

/** The report as the step's log prints it: its Guide lines say what the annotations say (`npx crpat guide sso`). */
export function forRunnerLog(report: Report): Report {
  const checks = report.checks.map((finding) => ({
    ...finding,
    details: finding.details.map((detail) => {
      const step = GUIDE_LINE.exec(detail)?.[1];
      return step === undefined ? detail : runnerGuideLine(step);
    }),
  }));
  return { ...report, checks };
}
