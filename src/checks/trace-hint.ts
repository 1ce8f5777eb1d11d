import type { Finding } from '../types.js';

/**
 * Said when crpat could not decide a check, or the registry gave a reason crpat does not know: a trace of the run is
 * what turns that case into a test (docs/reporting-a-wrong-verdict.md).
 */
export const TRACE_HINT =
  'A trace would help: run again with --trace crpat-trace.json (in the Action, the input trace) and report it as docs/reporting-a-wrong-verdict.md says; the file never holds the token.';

/** The findings with the hint added once, to the first check that could not be decided, unless one already says it. */
export function withTraceHint(findings: Finding[]): Finding[] {
  if (findings.some((f) => f.details.includes(TRACE_HINT))) return findings;
  const first = findings.findIndex((f) => f.status === 'error');
  if (first < 0) return findings;
  return findings.map((f, i) => (i === first ? { ...f, details: beforeGuide(f.details) } : f));
}

/** The guide step stays the last line of a finding (checks/guide.ts). */
function beforeGuide(details: string[]): string[] {
  const guide = details.findIndex((d) => d.startsWith('Guide: '));
  return guide < 0 ? [...details, TRACE_HINT] : [...details.slice(0, guide), TRACE_HINT, ...details.slice(guide)];
}
