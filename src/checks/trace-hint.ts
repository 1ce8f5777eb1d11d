import type { Finding } from '../types.js';
import type { SettingWords } from '../settings.js';

/**
 * Where a trace is reported: the "Wrong verdict" form of crpat's public issue tracker (package.json `bugs`;
 * docs/reporting-a-wrong-verdict.md says the rest). A URL, not that path: the path opens only in a clone, and the hint
 * reaches people who installed crpat from npm or use the Action.
 */
export const WRONG_VERDICT_FORM = 'https://github.com/crpat/crpat/issues/new?template=wrong-verdict.yml';

/**
 * Said when crpat could not decide a check, or the registry gave a reason crpat does not know: a trace of the run is
 * what turns that case into a test (docs/reporting-a-wrong-verdict.md). Worded by the shell that ran the check: the
 * CLI's flag, the Action's input; the library records no trace, so its callers are sent to the CLI.
 */
export function traceHint(words: SettingWords): string {
  const how = words.names.trace === null ? 'run the same check with the crpat CLI and --trace crpat-trace.json' : `run again with ${words.names.trace}`;
  return `A trace would help: ${how}, and attach the file to a Wrong verdict issue: ${WRONG_VERDICT_FORM} (the file never holds the token).`;
}

/** The findings with the hint added once, to the first check that could not be decided, unless one already says it. */
export function withTraceHint(findings: Finding[], words: SettingWords): Finding[] {
  const hint = traceHint(words);
  if (findings.some((f) => f.details.includes(hint))) return findings;
  const first = findings.findIndex((f) => f.status === 'error');
  if (first < 0) return findings;
  return findings.map((f, i) => (i === first ? { ...f, details: beforeGuide(f.details, hint) } : f));
}

/** The guide step stays the last line of a finding (checks/guide.ts). */
function beforeGuide(details: string[], hint: string): string[] {
  const guide = details.findIndex((d) => d.startsWith('Guide: '));
  return guide < 0 ? [...details, hint] : [...details.slice(0, guide), hint, ...details.slice(guide)];
}
