import { clean } from '../text.js';
import type { Report } from '../types.js';

const MAX = 4000;

/**
 * The report with every string a server could have influenced stripped of control characters, so no answer can
 * write terminal escapes through the human report. The checks clean what they quote already; this is the second
 * line of defence, at the one place text meets the terminal.
 */
export function sanitizeReport(report: Report): Report {
  const text = (value: string): string => clean(value, MAX);
  return {
    ...report,
    target: { ...report.target, repository: text(report.target.repository), image: text(report.target.image) },
    token: { ...report.token, login: report.token.login === null ? null : text(report.token.login), scopes: report.token.scopes.map(text) },
    checks: report.checks.map((f) => ({ ...f, summary: text(f.summary), fix: f.fix === null ? null : text(f.fix), details: f.details.map(text) })),
  };
}
