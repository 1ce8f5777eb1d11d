import { terminalSafe } from '../terminal-safe.js';
import type { Report } from '../types.js';

const MAX = 4000;

/**
 * The report with every string a server could have influenced stripped of control characters, so no answer can
 * write terminal escapes through the human report. The checks clean what they quote already; this is the second
 * line of defence, at the one place text meets the terminal.
 */
export function sanitizeReport(report: Report): Report {
  const text = (value: string): string => terminalSafe(value, MAX);
  return {
    ...report,
    target: { ...report.target, repository: text(report.target.repository), image: text(report.target.image) },
    token: { ...report.token, login: report.token.login === null ? null : text(report.token.login), scopes: report.token.scopes.map(text) },
    checks: report.checks.map((f) => ({ ...f, summary: text(f.summary), fix: f.fix === null ? null : text(f.fix), details: f.details.map(text) })),
    // Older report objects (a caller's own, or a stored JSON document) may lack the fields issue 6 added.
    capabilities: (report.capabilities ?? []).map((c) => ({ ...c, name: text(c.name), evidence: text(c.evidence) })),
    githubToken: report.githubToken
      ? {
          ...report.githubToken,
          summary: text(report.githubToken.summary),
          steps: report.githubToken.steps.map(text),
          fix: report.githubToken.fix ? { text: text(report.githubToken.fix.text), url: text(report.githubToken.fix.url) } : null,
        }
      : null,
  };
}
